using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using Xunit;
using Xunit.Abstractions;

namespace NeuronTools.Tests;

public class AccurateMathTests
{
    private static readonly Dictionary<string, Func<double, double>> Functions = new()
    {
        ["Log1p"] = AccurateMath.Log1p,
        ["Expm1"] = AccurateMath.Expm1,
        ["Erf"] = AccurateMath.Erf,
        ["Erfc"] = AccurateMath.Erfc,
        ["Erfcx"] = AccurateMath.Erfcx,
        ["NormalCdf"] = AccurateMath.NormalCdf,
        ["NormalPdf"] = AccurateMath.NormalPdf,
        ["Log1pExp"] = AccurateMath.Log1pExp,
        ["LogSigmoid"] = AccurateMath.LogSigmoid,
        ["TanhLog1pExp"] = AccurateMath.TanhLog1pExp,
        ["XMinusTanh"] = AccurateMath.XMinusTanh,
    };

    private static readonly Lazy<ILookup<string, (double X, double Expected, double Fraction)>> Table = new(() =>
        ReferenceTable.Read("accurate-math.tsv").ToLookup(
            row => row[0],
            row => (ReferenceTable.ParseDouble(row[1]), ReferenceTable.ParseDouble(row[2]), ReferenceTable.ParseDouble(row[3]))));

    private readonly ITestOutputHelper output;

    public AccurateMathTests(ITestOutputHelper output) => this.output = output;

    /// <summary>
    /// The promised bound per function, in ulp of the exact value, over the whole table. The bounds are the
    /// largest errors seen on a 40,000-point random sample (tests/Reference lists how to make one), rounded up.
    /// </summary>
    public static TheoryData<string, double> UlpBounds => new()
    {
        { "Log1p", 1.0 },
        { "Expm1", 1.0 },
        { "Erf", 1.0 },
        { "Erfc", 3.0 },
        { "Erfcx", 2.5 },
        { "NormalCdf", 3.5 },
        { "NormalPdf", 1.5 },
        { "Log1pExp", 2.0 },
        { "LogSigmoid", 2.0 },
        { "TanhLog1pExp", 3.0 },
        { "XMinusTanh", 3.0 },
    };

    [Theory]
    [MemberData(nameof(UlpBounds))]
    public void StaysWithinItsUlpBoundOverTheReferenceTable(string function, double maxUlp)
    {
        var rows = Table.Value[function].ToList();
        Assert.True(rows.Count >= 300, $"only {rows.Count} reference rows for {function}");

        var errors = rows
            .Select(row => (row.X, Error: Ulp.Error(Functions[function](row.X), row.Expected, row.Fraction)))
            .OrderByDescending(pair => pair.Error)
            .ToList();
        var worst = errors[0];
        output.WriteLine(FormattableString.Invariant(
            $"{function}: max error {worst.Error:F3} ulp at x = {worst.X:R} over {rows.Count} rows (bound {maxUlp})"));

        var failures = errors.TakeWhile(pair => !(pair.Error <= maxUlp)).Take(10)
            .Select(pair => FormattableString.Invariant($"x = {pair.X:R}: {pair.Error:G4} ulp"));
        Assert.True(worst.Error <= maxUlp, $"{function} exceeds {maxUlp} ulp at: {string.Join("; ", failures)}");
    }

    [Theory]
    [InlineData("Log1p", 0.0, 0.0)]
    [InlineData("Log1p", -1.0, double.NegativeInfinity)]
    [InlineData("Log1p", -1.5, double.NaN)]
    [InlineData("Log1p", double.NegativeInfinity, double.NaN)]
    [InlineData("Log1p", double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData("Log1p", 1e-300, 1e-300)]
    [InlineData("Log1p", -1e-17, -1e-17)]
    [InlineData("Expm1", 0.0, 0.0)]
    [InlineData("Expm1", double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData("Expm1", double.NegativeInfinity, -1.0)]
    [InlineData("Expm1", 709.79, double.PositiveInfinity)]
    [InlineData("Expm1", 1e300, double.PositiveInfinity)]
    [InlineData("Expm1", -1000.0, -1.0)]
    [InlineData("Expm1", 1e-300, 1e-300)]
    [InlineData("Expm1", -5e-324, -5e-324)]
    [InlineData("Erf", 0.0, 0.0)]
    [InlineData("Erf", double.PositiveInfinity, 1.0)]
    [InlineData("Erf", double.NegativeInfinity, -1.0)]
    [InlineData("Erf", 7.0, 1.0)]
    [InlineData("Erfc", 0.0, 1.0)]
    [InlineData("Erfc", double.PositiveInfinity, 0.0)]
    [InlineData("Erfc", double.NegativeInfinity, 2.0)]
    [InlineData("Erfc", 27.3, 0.0)]
    [InlineData("Erfc", -7.0, 2.0)]
    [InlineData("Erfcx", 0.0, 1.0)]
    [InlineData("Erfcx", double.PositiveInfinity, 0.0)]
    [InlineData("Erfcx", double.NegativeInfinity, double.PositiveInfinity)]
    [InlineData("Erfcx", -27.0, double.PositiveInfinity)]
    [InlineData("NormalCdf", 0.0, 0.5)]
    [InlineData("NormalCdf", double.NegativeInfinity, 0.0)]
    [InlineData("NormalCdf", double.PositiveInfinity, 1.0)]
    [InlineData("NormalCdf", -38.6, 0.0)]
    [InlineData("NormalCdf", 9.0, 1.0)]
    [InlineData("NormalPdf", double.PositiveInfinity, 0.0)]
    [InlineData("NormalPdf", double.NegativeInfinity, 0.0)]
    [InlineData("NormalPdf", 38.8, 0.0)]
    [InlineData("Log1pExp", 0.0, 0.6931471805599453)]
    [InlineData("Log1pExp", double.NegativeInfinity, 0.0)]
    [InlineData("Log1pExp", double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData("Log1pExp", -745.0, 5e-324)]
    [InlineData("Log1pExp", -800.0, 0.0)]
    [InlineData("Log1pExp", 1e300, 1e300)]
    [InlineData("LogSigmoid", -800.0, -800.0)]
    [InlineData("LogSigmoid", double.NegativeInfinity, double.NegativeInfinity)]
    [InlineData("LogSigmoid", 0.0, -0.6931471805599453)]
    [InlineData("TanhLog1pExp", 0.0, 0.6)]
    [InlineData("TanhLog1pExp", double.NegativeInfinity, 0.0)]
    [InlineData("TanhLog1pExp", double.PositiveInfinity, 1.0)]
    [InlineData("XMinusTanh", 0.0, 0.0)]
    [InlineData("XMinusTanh", double.PositiveInfinity, double.PositiveInfinity)]
    [InlineData("XMinusTanh", double.NegativeInfinity, double.NegativeInfinity)]
    [InlineData("XMinusTanh", 1e-200, 0.0)]
    public void SpecialValuesAreExact(string function, double x, double expected)
    {
        double actual = Functions[function](x);

        // Compared bit for bit, so that the sign of a zero counts.
        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(actual));
    }

    [Fact]
    public void OddFunctionsKeepTheSignOfZero()
    {
        long negativeZero = Bits(-0.0);

        Assert.Equal(negativeZero, Bits(AccurateMath.Log1p(-0.0)));
        Assert.Equal(negativeZero, Bits(AccurateMath.Expm1(-0.0)));
        Assert.Equal(negativeZero, Bits(AccurateMath.Erf(-0.0)));
        Assert.Equal(negativeZero, Bits(AccurateMath.XMinusTanh(-0.0)));
        Assert.Equal(1.0, AccurateMath.Erfc(-0.0));
    }

    [Fact]
    public void EveryFunctionReturnsNaNForNaN()
    {
        foreach (var (name, function) in Functions)
        {
            Assert.True(double.IsNaN(function(double.NaN)), $"{name}(NaN) is {function(double.NaN)}");
        }
    }

    /// <summary>The tail values the activation catalogue is held to, straight from mpmath.</summary>
    [Theory]
    [InlineData("GELU(-10) = -10·Φ(-10)", -7.619853024160526e-23)]
    [InlineData("ELU(-1e-10) = expm1(-1e-10)", -9.999999999500001e-11)]
    [InlineData("SELU core expm1(-1e-12)", -9.999999999995e-13)]
    [InlineData("Tanhshrink(1e-6)", 3.3333333333319997e-19)]
    [InlineData("Softplus(-745)", 5e-324)]
    [InlineData("Mish(-30) = -30·tanh(softplus(-30))", -2.807286890651921e-12)]
    [InlineData("LogSigmoid(-800)", -800.0)]
    [InlineData("erfc(26.5)", 2.2109076642637343e-307)]
    [InlineData("erfc(27.2), subnormal", 1e-323)]
    [InlineData("erfc(-3)", 1.9999779095030015)]
    [InlineData("Φ(-38), subnormal", 2.88542835e-316)]
    [InlineData("φ(37)", 2.1200065515246056e-298)]
    public void MeetsTheTailValuesTheCatalogueNeeds(string quantity, double expected)
    {
        double actual = quantity switch
        {
            "GELU(-10) = -10·Φ(-10)" => -10.0 * AccurateMath.NormalCdf(-10.0),
            "ELU(-1e-10) = expm1(-1e-10)" => AccurateMath.Expm1(-1e-10),
            "SELU core expm1(-1e-12)" => AccurateMath.Expm1(-1e-12),
            "Tanhshrink(1e-6)" => AccurateMath.XMinusTanh(1e-6),
            "Softplus(-745)" => AccurateMath.Log1pExp(-745.0),
            "Mish(-30) = -30·tanh(softplus(-30))" => -30.0 * AccurateMath.TanhLog1pExp(-30.0),
            "LogSigmoid(-800)" => AccurateMath.LogSigmoid(-800.0),
            "erfc(26.5)" => AccurateMath.Erfc(26.5),
            "erfc(27.2), subnormal" => AccurateMath.Erfc(27.2),
            "erfc(-3)" => AccurateMath.Erfc(-3.0),
            "Φ(-38), subnormal" => AccurateMath.NormalCdf(-38.0),
            "φ(37)" => AccurateMath.NormalPdf(37.0),
            _ => throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "no such case"),
        };

        UlpAssert.Within(4.0, actual, expected, context: quantity);
    }

    [Fact]
    public void ErfAndXMinusTanhAreOddAndNormalPdfEvenToTheBit()
    {
        Gen.Double.Sample(x =>
        {
            Assert.Equal(Bits(-AccurateMath.Erf(x)), Bits(AccurateMath.Erf(-x)));
            Assert.Equal(Bits(-AccurateMath.XMinusTanh(x)), Bits(AccurateMath.XMinusTanh(-x)));
            Assert.Equal(Bits(AccurateMath.NormalPdf(x)), Bits(AccurateMath.NormalPdf(-x)));
        });
        Gen.Double[-8.0, 8.0].Sample(x =>
        {
            Assert.Equal(Bits(-AccurateMath.Erf(x)), Bits(AccurateMath.Erf(-x)));
            Assert.Equal(Bits(-AccurateMath.XMinusTanh(x)), Bits(AccurateMath.XMinusTanh(-x)));
        });
    }

    [Fact]
    public void ReflectionsHoldToAFewUlp()
    {
        // erfc(x) + erfc(−x) = 2 and Φ(x) + Φ(−x) = 1; each term is within a few ulp of a number ≤ 2.
        Gen.Double[-7.0, 7.0].Sample(x =>
        {
            Assert.InRange(AccurateMath.Erfc(x) + AccurateMath.Erfc(-x), 2.0 - 1.4e-15, 2.0 + 1.4e-15);
            Assert.InRange(AccurateMath.NormalCdf(x) + AccurateMath.NormalCdf(-x), 1.0 - 7e-16, 1.0 + 7e-16);
            Assert.InRange(AccurateMath.Erf(x) + AccurateMath.Erfc(x), 1.0 - 7e-16, 1.0 + 7e-16);
        });
    }

    public static TheoryData<string, double, double, bool> MonotoneRanges => new()
    {
        { "Log1p", -1.0, 1e300, true },
        { "Expm1", -750.0, 709.7, true },
        { "Erf", -7.0, 7.0, true },
        { "Erfc", -7.0, 28.0, false },
        { "Erfcx", -26.0, 1e300, false },
        { "NormalCdf", -40.0, 10.0, true },
        { "NormalPdf", 0.0, 40.0, false },
        { "Log1pExp", -800.0, 800.0, true },
        { "LogSigmoid", -800.0, 800.0, true },
        { "TanhLog1pExp", -800.0, 50.0, true },
        { "XMinusTanh", -30.0, 30.0, true },
    };

    [Theory]
    [MemberData(nameof(MonotoneRanges))]
    public void IsMonotoneOnRandomPairs(string function, double low, double high, bool increasing)
    {
        var f = Functions[function];
        Gen.Double[low, high].Select(Gen.Double[low, high]).Sample((a, b) =>
        {
            double x = Math.Min(a, b);
            double y = Math.Max(a, b);
            Assert.True(increasing ? f(x) <= f(y) : f(x) >= f(y), FormattableString.Invariant(
                $"{function}({x:R}) = {f(x):R}, {function}({y:R}) = {f(y):R}"));
        });
    }

    /// <summary>Where the code switches from one approximation to another; monotonicity must survive the seam.</summary>
    public static TheoryData<string, double, bool> Seams => new()
    {
        { "Expm1", 0.34657359027997264, true },
        { "Expm1", -0.34657359027997264, true },
        { "Expm1", 1.0397207708399179, true },
        { "Expm1", -1.7328679513998633, true },
        { "Expm1", -45.0, true },
        { "Erf", 0.99992, true },
        { "Erf", -0.99992, true },
        { "Erf", 6.0, true },
        { "Erfc", 0.46, false },
        { "Erfc", -0.99995, false },
        { "Erfc", 1.25, false },
        { "Erfc", 2.2, false },
        { "Erfc", 4.0, false },
        { "Erfc", -6.0, false },
        { "Erfcx", 0.46152, false },
        { "Erfcx", -0.46002, false },
        { "Erfcx", 1.25, false },
        { "Erfcx", 2.2, false },
        { "Erfcx", 4.0, false },
        { "Erfcx", 1e150, false },
        { "NormalCdf", -0.46 * 1.4142135623730951, true },
        { "NormalCdf", 0.99995 * 1.4142135623730951, true },
        { "Log1pExp", 0.0, true },
        { "Log1pExp", -40.0, true },
        { "Log1pExp", 40.0, true },
        { "TanhLog1pExp", 40.0, true },
        { "XMinusTanh", 1.0, true },
        { "XMinusTanh", -1.0, true },
    };

    [Theory]
    [MemberData(nameof(Seams))]
    public void IsMonotoneAcrossTheSeamsBetweenApproximations(string function, double seam, bool increasing)
    {
        var f = Functions[function];
        double x = seam;
        for (int i = 0; i < 8; i++)
        {
            x = Math.BitDecrement(x);
        }

        double previous = f(x);
        for (int i = 0; i < 16; i++)
        {
            x = Math.BitIncrement(x);
            double current = f(x);
            Assert.True(increasing ? previous <= current : previous >= current, string.Format(
                CultureInfo.InvariantCulture, "{0} breaks monotonicity at {1:R}: {2:R} then {3:R}", function, x, previous, current));
            previous = current;
        }
    }

    private static long Bits(double value) => BitConverter.DoubleToInt64Bits(value);
}
