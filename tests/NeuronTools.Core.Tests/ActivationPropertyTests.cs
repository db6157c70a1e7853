using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace NeuronTools.Tests;

/// <summary>Invariants every activation keeps at any input: monotonicity, symmetry, range, f′ against a finite difference.</summary>
public class ActivationPropertyTests
{
    /// <summary>Any finite double, drawn from its bit pattern so that every binade is as likely as any other.</summary>
    private static readonly Gen<double> s_anyFinite = Gen.Long.Select(BitConverter.Int64BitsToDouble).Where(x => !double.IsNaN(x) && !double.IsInfinity(x));

    private static readonly Gen<double> s_moderate = Gen.Double[-40.0, 40.0];

    public static IEnumerable<object[]> ScalarNames() =>
        ActivationCatalog.All.Where(d => !d.IsVector).Select(d => new object[] { d.Name == "Threshold" ? "Threshold(threshold=1, value=0)" : d.Name });

    [Theory]
    [MemberData(nameof(ScalarNames))]
    public void NoFiniteInputGivesNaNOrASpuriousInfinity(string name)
    {
        var f = ActivationCatalog.CreateScalar(name);
        s_anyFinite.Sample(
            x =>
            {
                double value = f.Value(x);
                double slope = f.Derivative(x);
                return !double.IsNaN(value) && !double.IsNaN(slope) &&
                    (TrulyOverflows(name, x) || (!double.IsInfinity(value) && !double.IsInfinity(slope)));
            },
            iter: 2000);
    }

    /// <summary>Where the exact value is beyond the largest double, ∞ is the right answer, not a spurious one.</summary>
    private static bool TrulyOverflows(string name, double x) => name switch
    {
        "Exponential" => x > Math.Log(double.MaxValue),
        "SELU" => x > double.MaxValue / 1.0507009873554804934193349852946,
        _ => false,
    };

    [Theory]
    [InlineData(1.72e308)]
    [InlineData(double.MaxValue)]
    public void SeluOverflowsOnlyWhereScaleTimesXExceedsTheLargestDouble(double x)
    {
        var selu = ActivationCatalog.CreateScalar("SELU");

        Assert.True(double.IsPositiveInfinity(selu.Value(x)));
        Assert.Equal(1.0507009873554804934193349852946, selu.Derivative(x));
        Assert.False(double.IsInfinity(selu.Value(0.999 * double.MaxValue / 1.0507009873554804934193349852946)));
    }

    [Theory]
    [InlineData("Identity")]
    [InlineData("BinaryStep")]
    [InlineData("ReLU")]
    [InlineData("LeakyReLU")]
    [InlineData("PReLU")]
    [InlineData("RReLU")]
    [InlineData("ELU")]
    [InlineData("SELU")]
    [InlineData("CELU")]
    [InlineData("Sigmoid")]
    [InlineData("LogSigmoid")]
    [InlineData("Tanh")]
    [InlineData("Hardtanh")]
    [InlineData("ReLU6")]
    [InlineData("Hardsigmoid")]
    [InlineData("Softplus(threshold=1000)")]
    [InlineData("Softsign")]
    [InlineData("Softshrink")]
    [InlineData("Tanhshrink")]
    [InlineData("Exponential")]
    [InlineData("SparsePlus")]
    [InlineData("SparseSigmoid")]
    [InlineData("Squareplus")]
    public void MonotonicFunctionsNeverDecrease(string name)
    {
        var f = ActivationCatalog.CreateScalar(name);
        foreach (var gen in new[] { s_moderate, s_anyFinite })
        {
            Gen.Select(gen, gen).Sample(
                (a, b) =>
                {
                    double low = Math.Min(a, b), high = Math.Max(a, b);
                    double fl = f.Value(low), fh = f.Value(high);
                    return fl <= fh || fl - fh <= 2 * Ulp(fh);
                },
                iter: 2000);
        }
    }

    [Theory]
    [InlineData("Tanh")]
    [InlineData("Softsign")]
    [InlineData("Tanhshrink")]
    [InlineData("Hardtanh")]
    [InlineData("Softshrink")]
    [InlineData("Hardshrink")]
    [InlineData("Identity")]
    public void OddFunctionsAreOddToTheBit(string name)
    {
        var f = ActivationCatalog.CreateScalar(name);
        s_anyFinite.Sample(x => f.Value(-x).Equals(-f.Value(x)) && f.Derivative(-x).Equals(f.Derivative(x)), iter: 2000);
    }

    [Theory]
    [InlineData("Sigmoid")]
    [InlineData("SparseSigmoid")]
    [InlineData("Hardsigmoid")]
    public void SigmoidsAreSymmetricAboutOneHalf(string name)
    {
        // f(−x) = 1 − f(x), and f′ is even, to the bit.
        var f = ActivationCatalog.CreateScalar(name);
        s_moderate.Sample(x => Math.Abs(f.Value(-x) - (1.0 - f.Value(x))) <= 2 * Ulp(0.5) && f.Derivative(-x).Equals(f.Derivative(x)), iter: 2000);
    }

    [Theory]
    [InlineData("SiLU")]
    [InlineData("GELU")]
    [InlineData("GELU(approximate=tanh)")]
    [InlineData("ReLU")]
    [InlineData("Softplus(threshold=1000)")]
    [InlineData("Squareplus")]
    public void SelfGatedFunctionsSatisfyFOfXMinusFOfMinusXEqualsX(string name)
    {
        // x·g(x) − (−x)·g(−x) = x·(g(x) + g(−x)) = x for any g with g(−x) = 1 − g(x); softplus and squareplus too.
        var f = ActivationCatalog.CreateScalar(name);
        s_moderate.Sample(x => Math.Abs(f.Value(x) - f.Value(-x) - x) <= 4 * Ulp(Math.Max(Math.Abs(x), Math.Max(Math.Abs(f.Value(x)), Math.Abs(f.Value(-x))))), iter: 2000);
    }

    [Theory]
    [InlineData("Sigmoid", 0.0, 1.0)]
    [InlineData("Tanh", -1.0, 1.0)]
    [InlineData("Softsign", -1.0, 1.0)]
    [InlineData("Hardsigmoid", 0.0, 1.0)]
    [InlineData("SparseSigmoid", 0.0, 1.0)]
    [InlineData("ReLU6", 0.0, 6.0)]
    [InlineData("Hardtanh(min_val=-2, max_val=3)", -2.0, 3.0)]
    [InlineData("ELU", -1.0, double.PositiveInfinity)]
    [InlineData("SELU", -1.7580993408473768, double.PositiveInfinity)]
    [InlineData("CELU(alpha=2)", -2.0, double.PositiveInfinity)]
    [InlineData("SiLU", -0.2784645427610738, double.PositiveInfinity)]
    [InlineData("GELU", -0.16997120747990366, double.PositiveInfinity)]
    [InlineData("GELU(approximate=tanh)", -0.17004075057125406, double.PositiveInfinity)]
    [InlineData("Mish", -0.30884341301725043, double.PositiveInfinity)]
    [InlineData("Hardswish", -0.375, double.PositiveInfinity)]
    [InlineData("LogSigmoid", double.NegativeInfinity, 0.0)]
    [InlineData("Softplus", 0.0, double.PositiveInfinity)]
    [InlineData("Exponential", 0.0, double.PositiveInfinity)]
    [InlineData("SparsePlus", 0.0, double.PositiveInfinity)]
    [InlineData("Squareplus", 0.0, double.PositiveInfinity)]
    public void ValuesStayInTheirRange(string name, double low, double high)
    {
        var f = ActivationCatalog.CreateScalar(name);
        foreach (var gen in new[] { s_moderate, s_anyFinite })
        {
            gen.Sample(x => f.Value(x) >= low - 2 * Ulp(low) && f.Value(x) <= high, iter: 2000);
        }
    }

    [Theory]
    [MemberData(nameof(SmoothPieces))]
    public void TheDerivativeMatchesACentralDifferenceAwayFromKinks(string name, double[] kinks)
    {
        var f = ActivationCatalog.CreateScalar(name);
        s_moderate.Sample(
            x =>
            {
                double h = 1e-5 * Math.Max(1.0, Math.Abs(x));
                if (kinks.Any(k => Math.Abs(x - k) < 4 * h))
                {
                    return true;
                }

                double difference = (f.Value(x + h) - f.Value(x - h)) / (2 * h);
                double slope = f.Derivative(x);
                return Math.Abs(difference - slope) <= 1e-6 * Math.Max(1.0, Math.Abs(slope)) + 1e-9;
            },
            iter: 2000);
    }

    public static IEnumerable<object[]> SmoothPieces() => new[]
    {
        new object[] { "Identity", Array.Empty<double>() },
        new object[] { "ReLU", new[] { 0.0 } },
        new object[] { "LeakyReLU(negative_slope=0.2)", new[] { 0.0 } },
        new object[] { "PReLU", new[] { 0.0 } },
        new object[] { "RReLU", new[] { 0.0 } },
        new object[] { "ELU(alpha=0.5)", new[] { 0.0 } },
        new object[] { "SELU", new[] { 0.0 } },
        new object[] { "CELU(alpha=2)", new[] { 0.0 } },
        new object[] { "GELU", Array.Empty<double>() },
        new object[] { "GELU(approximate=tanh)", Array.Empty<double>() },
        new object[] { "SiLU", Array.Empty<double>() },
        new object[] { "Mish", Array.Empty<double>() },
        new object[] { "Sigmoid", Array.Empty<double>() },
        new object[] { "LogSigmoid", Array.Empty<double>() },
        new object[] { "Tanh", Array.Empty<double>() },
        new object[] { "Hardtanh", new[] { -1.0, 1.0 } },
        new object[] { "ReLU6", new[] { 0.0, 6.0 } },
        new object[] { "Hardsigmoid", new[] { -3.0, 3.0 } },
        new object[] { "Hardswish", new[] { -3.0, 3.0 } },
        new object[] { "Softplus(beta=2, threshold=10)", new[] { 5.0 } },
        new object[] { "Softsign", new[] { 0.0 } }, // f″ jumps at 0, which a central difference of width h sees
        new object[] { "Softshrink", new[] { -0.5, 0.5 } },
        new object[] { "Hardshrink", new[] { -0.5, 0.5 } },
        new object[] { "Tanhshrink", Array.Empty<double>() },
        new object[] { "Threshold(threshold=1, value=5)", new[] { 1.0 } },
        new object[] { "Exponential", Array.Empty<double>() },
        new object[] { "SparsePlus", new[] { -1.0, 1.0 } },
        new object[] { "SparseSigmoid", new[] { -1.0, 1.0 } },
        new object[] { "Squareplus(b=1)", Array.Empty<double>() },
        new object[] { "BinaryStep", new[] { 0.0 } },
    };

    [Theory]
    [InlineData("Softmax")]
    [InlineData("Softmin")]
    public void SoftmaxOutputsArePositiveAndSumToOne(string name)
    {
        var f = ActivationCatalog.Create(name);
        Gen.Double[-800.0, 800.0].Array[1, 12].Sample(
            x =>
            {
                var y = new double[x.Length];
                var d = new double[x.Length];
                f.Apply(x, y, d);
                return y.All(v => v >= 0 && v <= 1) && Math.Abs(y.Sum() - 1.0) <= 1e-15 * x.Length &&
                    d.All(v => Math.Abs(v) <= 0.25);
            },
            iter: 1000);
    }

    [Fact]
    public void SoftmaxIsUnchangedByAddingAConstant()
    {
        var f = ActivationCatalog.Create("Softmax");
        Gen.Select(Gen.Double[-50.0, 50.0].Array[1, 8], Gen.Int[-600, 600]).Sample(
            (x, shift) =>
            {
                var y = new double[x.Length];
                var shifted = new double[x.Length];
                var d = new double[x.Length];
                f.Apply(x, y, d);
                f.Apply(x.Select(v => v + shift).ToArray(), shifted, d);
                return y.Zip(shifted, (a, b) => Math.Abs(a - b) <= 1e-12 * Math.Max(a, 1e-300) + 1e-300).All(ok => ok);
            },
            iter: 500);
    }

    [Fact]
    public void LogSoftmaxIsTheLogarithmOfSoftmax()
    {
        var softmax = ActivationCatalog.Create("Softmax");
        var log = ActivationCatalog.Create("LogSoftmax");
        Gen.Double[-30.0, 30.0].Array[1, 8].Sample(
            x =>
            {
                var y = new double[x.Length];
                var ly = new double[x.Length];
                var d = new double[x.Length];
                var ld = new double[x.Length];
                softmax.Apply(x, y, d);
                log.Apply(x, ly, ld);
                return y.Zip(ly, (a, b) => Math.Abs(Math.Log(a) - b) <= 1e-13 * Math.Max(1.0, Math.Abs(b))).All(ok => ok) &&
                    y.Zip(ld, (a, b) => Math.Abs(1 - a - b) <= 1e-15).All(ok => ok);
            },
            iter: 500);
    }

    private static double Ulp(double value)
    {
        double a = Math.Abs(value);
        if (double.IsInfinity(a))
        {
            return 0.0;
        }

        long bits = BitConverter.DoubleToInt64Bits(a);
        return BitConverter.Int64BitsToDouble(bits + 1) - a;
    }
}
