#!/usr/bin/python3
"""Writes accurate-math.tsv, the exact values AccurateMathTests checks AccurateMath against.

Run from anywhere with Debian's Python (it has mpmath; the pyenv python3 first on PATH does not):
    /usr/bin/python3 tests/Reference/generate_accurate_math.py

Columns: function, x, expected, fraction. x is a double written as Python's repr (the shortest text
that round-trips). expected is the exact value f(x) correctly rounded to a double, and fraction is
(exact - expected) / ulp(exact), the part of an ulp the rounding lost, so the tests measure errors
against the exact value rather than its rounding. ulp(v) is 2^(e - 52) for 2^e <= |v| < 2^(e + 1),
and 2^-1074 for subnormals and zero (UlpAssert.cs uses the same definition).

With --random-sample N PATH it instead writes N random points per range below to PATH, a larger
table for measuring the worst error (not committed): copy it over the accurate-math.tsv next to the
test assembly and run the StaysWithinItsUlpBound tests with --no-build.

Exact values come from mpmath with at least 256 bits, raised where the definition cancels
(x - tanh x near 0), so every row is exact to well below 2^-60 relative.
"""
import math
import os
import random
import sys
import zlib

import mpmath
from mpmath import mp, mpf

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'accurate-math.tsv')
BASE_PREC = 256


def log1p(x):
    return mpmath.log1p(x)


def expm1(x):
    return mpmath.expm1(x)


def erf(x):
    return mpmath.erf(x)


def erfc(x):
    return mpmath.erfc(x)


def erfcx(x):
    if x > 1e4:
        # The asymptotic series; its terms fall by at least 1e-7 each here, so 12 leave < 2^-280.
        total, term = mpf(0), mpf(1)
        for n in range(12):
            total += term
            term *= -(2 * n + 1) / (2 * x * x)
        return total / (x * mpmath.sqrt(mpmath.pi))
    return mpmath.exp(x * x) * mpmath.erfc(x)


def normal_cdf(x):
    return mpmath.erfc(-x / mpmath.sqrt(2)) / 2


def normal_pdf(x):
    return mpmath.exp(-x * x / 2) / mpmath.sqrt(2 * mpmath.pi)


def log1p_exp(x):
    return mpmath.log1p(mpmath.exp(x))


def log_sigmoid(x):
    return -mpmath.log1p(mpmath.exp(-x))


def tanh_log1p_exp(x):
    return mpmath.tanh(mpmath.log1p(mpmath.exp(x)))


def x_minus_tanh(x):
    return x - mpmath.tanh(x)


FUNCTIONS = {
    'Log1p': log1p,
    'Expm1': expm1,
    'Erf': erf,
    'Erfc': erfc,
    'Erfcx': erfcx,
    'NormalCdf': normal_cdf,
    'NormalPdf': normal_pdf,
    'Log1pExp': log1p_exp,
    'LogSigmoid': log_sigmoid,
    'TanhLog1pExp': tanh_log1p_exp,
    'XMinusTanh': x_minus_tanh,
}


def exact(function, x):
    """f(x) at a precision high enough that two precisions agree to 2^-80 relative."""
    extra = 0
    if x != 0:
        extra = max(0, -3 * math.frexp(x)[1])  # cancellation of order x^2 or x^3 near 0
    prec = BASE_PREC + extra
    while True:
        with mp.workprec(prec):
            a = FUNCTIONS[function](mpf(x))
        with mp.workprec(prec + 64):
            b = FUNCTIONS[function](mpf(x))
        if a == b or (b != 0 and abs((a - b) / b) < mpf(2) ** -80):
            return b
        prec *= 2


def ulp(value):
    """ulp of the exact value: 2^(e - 52) for 2^e <= |value| < 2^(e + 1), 2^-1074 for subnormals."""
    if value == 0:
        return mpf(2) ** -1074
    _, exponent = mpmath.frexp(abs(value))  # |value| = m * 2^exponent, 0.5 <= m < 1
    return mpf(2) ** max(int(exponent) - 53, -1074)


def round_to_double(value):
    """The double nearest value (mpmath's own conversion can round twice for subnormals)."""
    candidate = float(value)
    best = candidate
    for neighbour in (math.nextafter(candidate, -math.inf), math.nextafter(candidate, math.inf)):
        if math.isfinite(neighbour) and abs(mpf(neighbour) - value) < abs(mpf(best) - value):
            best = neighbour
    return best


def grid(a, b, n):
    return [a + (b - a) * i / (n - 1) for i in range(n)]


def magnitudes(low_exponent, high_exponent, per_decade):
    """Positive doubles log-spaced between 10^low and 10^high."""
    n = (high_exponent - low_exponent) * per_decade
    return [10.0 ** (low_exponent + (high_exponent - low_exponent) * i / n) for i in range(n + 1)]


def around(points):
    """Each point and its neighbours one ulp away (the branch boundaries of the code)."""
    out = []
    for p in points:
        out += [math.nextafter(p, -math.inf), p, math.nextafter(p, math.inf)]
    return out


def both_signs(values):
    return values + [-v for v in values]


SUBNORMALS = [5e-324, 1e-323, 2.5e-320, 1e-310, 2.2250738585072014e-308]


def points_for(function):
    r = random.Random(zlib.crc32(function.encode()))  # hash() of a str changes per run
    tiny = magnitudes(-300, -1, 3)[::9] + SUBNORMALS
    if function == 'Log1p':
        xs = both_signs(tiny) + grid(-0.999, 3, 161) + magnitudes(0, 307, 1)
        xs += [-1 + 2.0 ** -k for k in (1, 10, 30, 52, 53)] + [math.nextafter(-1, 0)]
        xs += around([math.sqrt(2) / 2 - 1, math.sqrt(2) - 1, 1e-8])
        xs += [r.uniform(-1, 1) for _ in range(100)]
    elif function == 'Expm1':
        xs = both_signs(tiny) + grid(-40, 40, 321) + grid(-1.2, 1.2, 97)
        xs += around([0.34657359027997264, -0.34657359027997264, 709.782712893384, 708.0, 700.0, 500.0])
        xs += [-37.0, -38.0, -44.9, -46.0, -745.0, 1e-10, -1e-10]
        xs += [r.uniform(-2, 2) for _ in range(100)] + [r.uniform(-45, 709) for _ in range(60)]
    elif function == 'Erf':
        xs = both_signs(tiny) + grid(-6.5, 6.5, 261) + around([1.0, -1.0, 5.9, 6.0, 0.46])
        xs += [r.uniform(-3, 3) for _ in range(150)]
    elif function == 'Erfc':
        xs = both_signs(tiny[::3]) + grid(-6.5, 6.5, 261) + grid(6, 27.25, 171)
        xs += around([0.46, 1.0, -1.0, -0.99995, 1.25, 2.2, 4.0, -6.0, 26.5, 26.55, 27.2, 27.25, 27.29])
        xs += [26.5, 27.2, 27.3, 27.4, 28.0]
        xs += [r.uniform(-3, 6) for _ in range(150)] + [r.uniform(6, 27.3) for _ in range(80)]
    elif function == 'Erfcx':
        xs = both_signs(tiny[::3]) + grid(-26, 30, 225) + magnitudes(1, 300, 1)
        xs += around([0.46, -0.46, 0.46152, -0.46002, 1.25, 2.2, 4.0])
        xs += [r.uniform(-3, 6) for _ in range(100)]
    elif function == 'NormalCdf':
        xs = both_signs(tiny[::3]) + grid(-38.6, 9, 245) + around([-0.65, -0.6505, -1.0, -10.0, -37.5])
        xs += [r.uniform(-38, 8) for _ in range(150)]
    elif function == 'NormalPdf':
        xs = both_signs(tiny[::3]) + grid(-38.7, 38.7, 259) + [37.0, -37.0, 38.5, 38.6]
        xs += [r.uniform(-38.6, 38.6) for _ in range(150)]
    elif function == 'Log1pExp':
        xs = both_signs(tiny[::3]) + grid(-50, 50, 201) + [-745.0, -800.0, -700.0, -40.0, 40.0, 35.0]
        xs += around([-40.0, 40.0]) + [r.uniform(-60, 60) for _ in range(100)] + [1e5, 1e300]
    elif function == 'LogSigmoid':
        xs = both_signs(tiny[::3]) + grid(-50, 50, 201) + [-800.0, 800.0, 745.0, -1e300]
        xs += around([-40.0, 40.0]) + [r.uniform(-60, 60) for _ in range(120)]
    elif function == 'TanhLog1pExp':
        xs = both_signs(tiny[::3]) + grid(-50, 45, 191) + [-30.0, -700.0, -745.0, 39.9, 40.0]
        xs += [r.uniform(-40, 40) for _ in range(100)]
    elif function == 'XMinusTanh':
        xs = both_signs(magnitudes(-200, 1, 2) + [5e-324, 1e-6, 1e-300]) + grid(-4, 4, 161)
        xs += around([1.0, -1.0, 0.5]) + [20.0, 1e10, -1e300]
        xs += [r.uniform(-2, 2) for _ in range(100)]
    else:
        raise ValueError(function)
    seen = set()
    out = []
    for x in xs:
        x = float(x)
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


SAMPLE_RANGES = {
    'Log1p': [(-1, 1), (-0.99, 10), (1e-8, 1e-3)],
    'Expm1': [(-2, 2), (-40, 40), (-1e-3, 1e-3), (600, 709.7)],
    'Erf': [(-1.2, 1.2), (-6, 6)],
    'Erfc': [(-6, 2), (0.4, 6), (6, 27.3)],
    'Erfcx': [(-10, 5), (0.4, 5), (4, 1e4)],
    'NormalCdf': [(-38.6, -0.5), (-2, 9)],
    'NormalPdf': [(-38.7, 38.7), (-3, 3)],
    'Log1pExp': [(-50, 50), (-800, -30)],
    'LogSigmoid': [(-50, 50)],
    'TanhLog1pExp': [(-50, 45), (-2, 2)],
    'XMinusTanh': [(-1.2, 1.2), (-5, 5), (-1e-3, 1e-3)],
}


def random_sample(count):
    r = random.Random(7)
    for function, ranges in SAMPLE_RANGES.items():
        for a, b in ranges:
            for _ in range(count):
                yield function, r.uniform(a, b)


def main():
    rows = []
    out = OUT
    if len(sys.argv) == 4 and sys.argv[1] == '--random-sample':
        points = list(random_sample(int(sys.argv[2])))
        out = sys.argv[3]
    else:
        points = [(function, x) for function in FUNCTIONS for x in points_for(function)]
    for function, x in points:
        value = exact(function, x)
        if abs(value) >= (2 - mpf(2) ** -53) * mpf(2) ** 1023:
            continue  # rounds to infinity; overflow is tested by hand, not here
        expected = round_to_double(value)
        fraction = (value - mpf(expected)) / ulp(value)
        rows.append('%s\t%r\t%r\t%.6f' % (function, x, expected, float(fraction)))
    with open(out, 'w', newline='\n') as handle:
        handle.write('# Generated by generate_accurate_math.py; columns: function, x, expected, fraction\n')
        handle.write('\n'.join(rows) + '\n')
    print('wrote %d rows to %s' % (len(rows), out))


if __name__ == '__main__':
    main()
