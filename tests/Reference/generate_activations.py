#!/usr/bin/python3
"""Writes the exact reference values of the activation catalogue: activations.tsv (scalar functions)
and activations-vector.tsv (Softmax, LogSoftmax, Softmin).

Run with Debian's mpmath:  /usr/bin/python3 tests/Reference/generate_activations.py
The tests only read the committed tables; they never run this script.

Every value is computed with mpmath at a working precision that is raised until two precisions agree
to 100 bits (a zero must survive 10240 bits), so cancellation (tanhshrink(1e-300), 1 + tanh(g) for very negative g) cannot leak in.
Each value is written as its correctly rounded double `hi`, the rest `lo` = exact - hi (rounded), the
ulp of the exact value (2^(floor(log2|exact|) - 52), at least 2^-1074) and the condition number
kappa = |x f'(x) / f(x)| (for the derivative: |x f''(x) / f'(x)|) computed from exact values.
Derivatives at kinks follow PyTorch's autograd, as the C# catalogue documents (Get-Activation).
"""
import math
import os
import random
import sys

import mpmath
from mpmath import mp, mpf

HERE = os.path.dirname(os.path.abspath(__file__))
PRECISIONS = (320, 640, 1280, 2560, 5120, 10240)
SELU_ALPHA = '1.6732632423543772848170429916717'
SELU_SCALE = '1.0507009873554804934193349852946'
GELU_TANH_KAPPA = '0.044715'


def stable(expression):
    """Evaluates expression() at rising precision until two precisions agree to 100 bits."""
    previous = None
    for precision in PRECISIONS:
        with mp.workprec(precision):
            value = expression()
        # A zero may be total cancellation (x - tanh(x) at 1e-300), so only the highest precision can confirm it.
        if previous is not None and value != 0 and abs(value - previous) <= abs(value) * mpf(2) ** -100:
            return value
        previous = value
    if value == 0:
        return value
    raise ArithmeticError('no agreement at %d bits' % PRECISIONS[-1])


# ---- the functions, in mpmath, written without cancellation where it is cheap to do so ----

def sigmoid(t):
    return 1 / (1 + mp.exp(-t))


def softplus_core(t):
    return mp.log1p(mp.exp(t)) if t <= 0 else t + mp.log1p(mp.exp(-t))


def normal_cdf(x):
    if x < -1e4:
        # Q(t) = phi(t)/t * (1 - 1/t^2 + 3/t^4 - 15/t^6 ...); mpmath's erfc overflows its float checks here.
        t = -x
        term, total = mpf(1), mpf(1)
        for n in range(1, 40):
            term *= -(2 * n - 1) / t ** 2
            total += term
        return normal_pdf(t) / t * total
    if x > 1e4:
        return 1 - normal_cdf(-x)
    return mp.erfc(-x / mp.sqrt(2)) / 2


def normal_pdf(x):
    return mp.exp(-x * x / 2) / mp.sqrt(2 * mp.pi)


def piecewise(*pieces):
    """pieces: (condition(x), f(x), f'(x)); the first whose condition holds gives f and f' (and f'')."""
    return pieces


def smooth(f, d):
    return ((lambda x: True, f, d),)


def gelu_tanh_pieces():
    a = mpf(GELU_TANH_KAPPA)

    def g(x):
        return mp.sqrt(2 / mp.pi) * (x + a * x ** 3)

    def dg(x):
        return mp.sqrt(2 / mp.pi) * (1 + 3 * a * x ** 2)

    # 0.5 x (1 + tanh g) = x sigma(2g), free of the cancellation of 1 + tanh g for g << 0.
    return smooth(
        lambda x: x * sigmoid(2 * g(x)),
        lambda x: sigmoid(2 * g(x)) + x * 2 * dg(x) * sigmoid(2 * g(x)) * sigmoid(-2 * g(x)))


def mish_pieces():
    def sp(x):
        return softplus_core(x)

    return smooth(
        lambda x: x * mp.tanh(sp(x)),
        lambda x: mp.tanh(sp(x)) + x * mp.sech(sp(x)) ** 2 * sigmoid(x))


def squareplus_pieces(b):
    b = mpf(b)

    def s(x):
        return mp.sqrt(x * x + b)

    return smooth(
        lambda x: (x + s(x)) / 2 if x >= 0 else b / (2 * (s(x) - x)),
        lambda x: (1 + x / s(x)) / 2 if x >= 0 else b / (2 * s(x) * (s(x) - x)))


def leaky(slope):
    slope = mpf(slope)
    return piecewise((lambda x: x > 0, lambda x: x, lambda x: 1), (lambda x: True, lambda x: slope * x, lambda x: slope))


def elu(alpha, scale=1):
    alpha, scale = mpf(alpha), mpf(scale)
    return piecewise(
        (lambda x: x > 0, lambda x: scale * x, lambda x: scale),
        (lambda x: True, lambda x: scale * alpha * mp.expm1(x), lambda x: scale * alpha * mp.exp(x)))


def celu(alpha):
    alpha = mpf(alpha)
    return piecewise(
        (lambda x: x > 0, lambda x: x, lambda x: 1),
        (lambda x: True, lambda x: alpha * mp.expm1(x / alpha), lambda x: mp.exp(x / alpha)))


def hardtanh(low, high):
    low, high = mpf(low), mpf(high)
    return piecewise(
        (lambda x: x <= low, lambda x: low, lambda x: 0),
        (lambda x: x >= high, lambda x: high, lambda x: 0),
        (lambda x: True, lambda x: x, lambda x: 1))


def softplus(beta, threshold):
    b = mpf(beta)
    # PyTorch tests the product x*beta as computed in double, and so does the catalogue.
    return piecewise(
        (lambda x: float(x) * beta > threshold, lambda x: x, lambda x: 1),
        (lambda x: True, lambda x: softplus_core(b * x) / b, lambda x: sigmoid(b * x)))


def softshrink(lambd):
    lam = mpf(lambd)
    return piecewise(
        (lambda x: x > lam, lambda x: x - lam, lambda x: 1),
        (lambda x: x < -lam, lambda x: x + lam, lambda x: 1),
        (lambda x: True, lambda x: 0, lambda x: 0))


def hardshrink(lambd):
    lam = mpf(lambd)
    return piecewise(
        (lambda x: x > lam or x < -lam, lambda x: x, lambda x: 1),
        (lambda x: True, lambda x: 0, lambda x: 0))


def threshold(limit, value):
    limit, value = mpf(limit), mpf(value)
    return piecewise((lambda x: x > limit, lambda x: x, lambda x: 1), (lambda x: True, lambda x: value, lambda x: 0))


SELU = elu(mpf(SELU_ALPHA), mpf(SELU_SCALE))

# (specification as the catalogue reads it, pieces, kinks, whether f' has a root worth probing)
SCALARS = [
    ('Identity', smooth(lambda x: x, lambda x: 1), [], False),
    ('BinaryStep', piecewise((lambda x: x >= 0, lambda x: 1, lambda x: 0), (lambda x: True, lambda x: 0, lambda x: 0)), [0], False),
    ('ReLU', leaky(0), [0], False),
    ('LeakyReLU', leaky(0.01), [0], False),
    ('LeakyReLU(negative_slope=0.2)', leaky(0.2), [0], False),
    ('PReLU', leaky(0.25), [0], False),
    ('PReLU(init=0.1)', leaky(0.1), [0], False),
    ('RReLU', leaky((mpf(0.125) + mpf(1 / 3.0)) / 2), [0], False),
    ('RReLU(lower=0.1, upper=0.3)', leaky((mpf(0.1) + mpf(0.3)) / 2), [0], False),
    ('ELU', elu(1), [0], False),
    ('ELU(alpha=0.5)', elu(0.5), [0], False),
    ('SELU', SELU, [0], False),
    ('CELU', celu(1), [0], False),
    ('CELU(alpha=2)', celu(2), [0], False),
    ('CELU(alpha=0.3)', celu(0.3), [0], False),
    ('GELU', smooth(lambda x: x * normal_cdf(x), lambda x: normal_cdf(x) + x * normal_pdf(x)), [], True),
    ('GELU(approximate=tanh)', gelu_tanh_pieces(), [], True),
    ('SiLU', smooth(lambda x: x * sigmoid(x), lambda x: sigmoid(x) * (1 + x * sigmoid(-x))), [], True),
    ('Mish', mish_pieces(), [], True),
    ('Sigmoid', smooth(sigmoid, lambda x: sigmoid(x) * sigmoid(-x)), [], False),
    ('LogSigmoid', smooth(lambda x: -softplus_core(-x), lambda x: sigmoid(-x)), [], False),
    ('Tanh', smooth(mp.tanh, lambda x: mp.sech(x) ** 2), [], False),
    ('Hardtanh', hardtanh(-1, 1), [-1, 1], False),
    ('Hardtanh(min_val=-2, max_val=3)', hardtanh(-2, 3), [-2, 3], False),
    ('ReLU6', hardtanh(0, 6), [0, 6], False),
    ('Hardsigmoid', piecewise(
        (lambda x: x <= -3, lambda x: 0, lambda x: 0),
        (lambda x: x >= 3, lambda x: 1, lambda x: 0),
        (lambda x: True, lambda x: (x + 3) / 6, lambda x: mpf(1) / 6)), [-3, 3], False),
    ('Hardswish', piecewise(
        (lambda x: x <= -3, lambda x: 0, lambda x: 0),
        (lambda x: x >= 3, lambda x: x, lambda x: 1),
        (lambda x: True, lambda x: x * (x + 3) / 6, lambda x: (2 * x + 3) / 6)), [-3, 3], False),
    ('Softplus', softplus(1.0, 20.0), [20], False),
    ('Softplus(beta=2, threshold=10)', softplus(2.0, 10.0), [5], False),
    ('Softplus(beta=3)', softplus(3.0, 20.0), [20 / 3.0], False),
    ('Softplus(beta=0.5, threshold=30)', softplus(0.5, 30.0), [60], False),
    ('Softsign', smooth(lambda x: x / (1 + abs(x)), lambda x: 1 / (1 + abs(x)) ** 2), [], False),
    ('Softshrink', softshrink(0.5), [-0.5, 0.5], False),
    ('Softshrink(lambd=1)', softshrink(1.0), [-1, 1], False),
    ('Hardshrink', hardshrink(0.5), [-0.5, 0.5], False),
    ('Hardshrink(lambd=2)', hardshrink(2.0), [-2, 2], False),
    ('Tanhshrink', smooth(lambda x: x - mp.tanh(x), lambda x: mp.tanh(x) ** 2), [], False),
    ('Threshold(threshold=1, value=5)', threshold(1.0, 5.0), [1], False),
    ('Threshold(threshold=-2, value=0)', threshold(-2.0, 0.0), [-2], False),
    ('Exponential', smooth(mp.exp, mp.exp), [], False),
    ('SparsePlus', piecewise(
        (lambda x: x <= -1, lambda x: 0, lambda x: 0),
        (lambda x: x >= 1, lambda x: x, lambda x: 1),
        (lambda x: True, lambda x: (x + 1) ** 2 / 4, lambda x: (x + 1) / 2)), [-1, 1], False),
    ('SparseSigmoid', piecewise(
        (lambda x: x <= -1, lambda x: 0, lambda x: 0),
        (lambda x: x >= 1, lambda x: 1, lambda x: 0),
        (lambda x: True, lambda x: (x + 1) / 2, lambda x: mpf(1) / 2)), [-1, 1], False),
    ('Squareplus', squareplus_pieces(4.0), [], False),
    ('Squareplus(b=1)', squareplus_pieces(1.0), [], False),
]

def piece_at(pieces, x):
    for condition, f, d in pieces:
        if condition(x):
            return f, d
    raise ValueError('no piece')


def derivative_root(spec):
    pieces = next(p for s, p, _, _ in SCALARS if s == spec)
    d = pieces[0][2]
    with mp.workprec(200):
        return float(mp.findroot(d, mpf(ROOT_GUESS_BY_SPEC[spec])))


ROOT_GUESS_BY_SPEC = {'GELU': -0.75, 'GELU(approximate=tanh)': -0.75, 'SiLU': -1.28, 'Mish': -1.19}


def neighbours(x, counts=(1, 2, 10, 1000, 10 ** 6)):
    points = [x]
    for n in counts:
        up, down = x, x
        for _ in range(min(n, 10)):
            up, down = math.nextafter(up, math.inf), math.nextafter(down, -math.inf)
        if n > 10:
            ulp = math.ulp(x) if x != 0 else 5e-324
            up, down = x + n * ulp, x - n * ulp
        points += [up, down]
    return points


def base_points():
    rng = random.Random(20240601)
    points = [float(v) for v in range(-1000, 1001, 100)]
    points += [v / 2 for v in range(-40, 41)]
    odd = [0.1, 1 / 3, 2 / 3, 0.7, math.pi, math.e, math.sqrt(2), 1.5, 2.5, 4.2]
    tiny = [5e-324, 1e-310, 2.2250738585072014e-308, 1e-300, 1e-200, 1e-100, 1e-50, 1e-20, 1e-16, 1e-12,
            1e-10, 1e-8, 1e-6, 1e-4, 1e-3, 0.01]
    tails = [sys.float_info.max, 1e300, 1e200, 1e155, 1e154, 1e100, 1e50, 1e20, 1e10, 1e5, 1e4, 1500.0,
             26.0, 27.0, 30.0, 35.0, 36.0, 37.0, 37.5, 38.0, 38.5, 39.0, 40.0, 50.0, 100.0, 200.0, 500.0,
             700.0, 708.0, 709.0, 709.78, 710.0, 720.0, 744.0, 745.0, 745.1, 746.0, 750.0, 800.0]
    for v in odd + tiny + tails:
        points += [v, -v]
    points += [rng.uniform(-10, 10) for _ in range(24)]
    points += [rng.uniform(-800, 800) for _ in range(8)]
    points += [rng.choice((-1, 1)) * 10 ** rng.uniform(-300, 300) for _ in range(8)]
    return points


def exact_parts(value):
    """(hi, lo, ulp) of an exact mpf value."""
    hi = float(value)
    if math.isinf(hi):
        return hi, 0.0, math.inf
    if value == 0:
        return 0.0, 0.0, 5e-324
    _, e = mp.frexp(value)  # value = m 2^e with 0.5 <= |m| < 1
    ulp = math.ldexp(1.0, max(int(e) - 1 - 52, -1074))
    with mp.workprec(4000):
        lo = float(value - mpf(hi))
    return hi, lo, ulp


def kappa(x, value, slope):
    if value == 0:
        return 0.0
    with mp.workprec(200):
        k = abs(x * slope / value)
    return float(k)


def second_derivative(d, x):
    """f'' by a central difference on the piece's own f' (never across a kink), only for kappa."""
    h = abs(x) * mpf(2) ** -120 if x != 0 else mpf(2) ** -1200

    def quotient():
        return (mpf(d(x + h)) - mpf(d(x - h))) / (2 * h)

    try:
        return stable(quotient)
    except ArithmeticError:
        # f'' is below the resolution of 10240 bits next to f' (GELU' at 100: f'' ~ 1e-2170): kappa is 0.
        with mp.workprec(PRECISIONS[-1]):
            value, slope = quotient(), mpf(d(x))
        assert abs(value * x) <= abs(slope) * mpf(2) ** -60, (x, value, slope)
        return value


def fmt(v):
    if math.isinf(v):
        return 'Infinity' if v > 0 else '-Infinity'
    return repr(v)


def scalar_rows():
    base = base_points()
    for spec, pieces, kinks, roots in SCALARS:
        points = list(base)
        for k in kinks:
            points += neighbours(float(k))
        if roots:
            root = derivative_root(spec)
            points += neighbours(root) + [root * (1 + s * 1e-8) for s in (-1, 1)] + [root * (1 + s * 1e-3) for s in (-1, 1)]
        if spec == 'Hardswish':
            points += neighbours(-1.5)
        seen = set()
        for x in points:
            if x in seen or x != x:
                continue
            seen.add(x)
            xm = mpf(x)
            f, d = piece_at(pieces, xm)
            value = stable(lambda: mpf(f(xm)))
            slope = stable(lambda: mpf(d(xm)))
            curvature = second_derivative(d, xm)
            yield [spec, fmt(x), *map(fmt, exact_parts(value)), fmt(kappa(xm, value, slope)),
                   *map(fmt, exact_parts(slope)), fmt(kappa(xm, slope, curvature))]


VECTORS = [[1.0, 2.0, 3.0], [1000.0, 1000.0], [0.0, 0.0, 0.0, 0.0], [-1000.0, 0.0, 1000.0], [1e-300, 0.0],
           [0.1, 0.2, 0.7], [-745.0, 0.0], [50.0, 0.0, -50.0], [710.0, 709.0], [3.5], [-1e-10, 1e-10],
           [40.0, 0.0], [-20.0, 0.0, 20.0, 1.0], [1e300, -1e300], [0.5, 0.5, 0.5000000000000001]]


def softmax(xs):
    m = max(xs)
    e = [mp.exp(x - m) for x in xs]
    s = sum(e)
    return [v / s for v in e]


def vector_rows():
    for spec in ('Softmax', 'LogSoftmax', 'Softmin'):
        for vector in VECTORS:
            for i in range(len(vector)):
                def quantities():
                    xs = [mpf(v) for v in vector]
                    n = len(xs)
                    s = softmax([-x for x in xs] if spec == 'Softmin' else xs)
                    delta = lambda a, b: 1 if a == b else 0
                    if spec == 'Softmax' or spec == 'Softmin':
                        sign = -1 if spec == 'Softmin' else 1
                        y = s[i]
                        d = sign * s[i] * (1 - s[i]) if s[i] <= 0.5 else sign * s[i] * sum(s[j] for j in range(n) if j != i)
                        dy = [sign * s[i] * (delta(i, j) - s[j]) for j in range(n)]
                        dd = [(1 - 2 * s[i]) * s[i] * (delta(i, j) - s[j]) for j in range(n)]
                    else:
                        m = max(xs)
                        y = xs[i] - m - mp.log(sum(mp.exp(x - m) for x in xs))
                        d = 1 - s[i] if s[i] <= 0.5 else sum(s[j] for j in range(n) if j != i)
                        dy = [delta(i, j) - s[j] for j in range(n)]
                        dd = [-s[i] * (delta(i, j) - s[j]) for j in range(n)]
                    ky = sum(abs(xs[j] * dy[j]) for j in range(n)) / abs(y) if y != 0 else mpf(0)
                    kd = sum(abs(xs[j] * dd[j]) for j in range(n)) / abs(d) if d != 0 else mpf(0)
                    return y, d, ky, kd

                y, d, ky, kd = [stable(lambda k=k: quantities()[k]) for k in range(4)]
                yield [spec, ';'.join(fmt(v) for v in vector), str(i), *map(fmt, exact_parts(y)), fmt(float(ky)),
                       *map(fmt, exact_parts(d)), fmt(float(kd))]


HEADER = ['spec', 'x', 'f', 'f_lo', 'f_ulp', 'f_kappa', 'd', 'd_lo', 'd_ulp', 'd_kappa']


def write(name, header, rows):
    with open(os.path.join(HERE, name), 'w', encoding='utf-8', newline='\n') as out:
        out.write('# Generated by generate_activations.py with mpmath %s; do not edit.\n' % mpmath.__version__)
        out.write('\t'.join(header) + '\n')
        for row in rows:
            out.write('\t'.join(row) + '\n')


if __name__ == '__main__':
    write('activations.tsv', HEADER, scalar_rows())
    write('activations-vector.tsv', ['spec', 'vector', 'index'] + HEADER[2:], vector_rows())
