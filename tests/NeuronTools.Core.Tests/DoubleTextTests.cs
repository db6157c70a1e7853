using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class DoubleTextTests
{
    public static IEnumerable<object[]> EdgeValues() => new[]
    {
        // Each value once (double.Epsilon is 5e-324 and 4.9406564584124654e-324; double.MaxValue is
        // 1.7976931348623157e308), so that xUnit runs every case instead of skipping duplicate IDs.
        0.0, -0.0, 0.1, 0.2, 0.3, 1.0 / 3.0, -1.0, 2.5, 1e-300, 1e300, 123456789012345678.0,
        double.MaxValue, -double.MaxValue, double.Epsilon, -double.Epsilon, 2.2250738585072014e-308,
        2.2250738585072009e-308, 9007199254740993.0,
        0.30000000000000004, 100.0, 1e21, 1e22, 1e23, 8.41e21, 5.0e-310, Math.PI, Math.E,
    }.Select(v => new object[] { v });

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void FormatThenParseGivesTheSameBits(double value)
    {
        string text = DoubleText.Format(value);

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(DoubleText.Parse(text)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(DoubleText.ParseExact(text)));
    }

    [Theory]
    [MemberData(nameof(EdgeValues))]
    public void TheExactFormatterGivesTextThatReadsBackToTheSameBits(double value)
    {
        string text = DoubleText.FormatExact(value);

        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)));
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(DoubleText.ParseExact(text)));
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-0.0, "-0")]
    [InlineData(1e-5, "1E-05")]
    [InlineData(5e-324, "5E-324")]
    [InlineData(100.0, "100")]
    public void FormatGivesTheShortestText(double value, string expected) => Assert.Equal(expected, DoubleText.Format(value));

    [Theory]
    [InlineData(0.1, "1.0000000000000001E-1")]
    [InlineData(-0.0, "-0")]
    [InlineData(1.0, "1")]
    [InlineData(5e-324, "4.9406564584124654E-324")]
    [InlineData(double.MaxValue, "1.7976931348623157E308")]
    public void FormatExactGivesSeventeenCorrectlyRoundedDigits(double value, string expected) => Assert.Equal(expected, DoubleText.FormatExact(value));

    [Fact]
    public void RandomBitPatternsRoundTripThroughBothPaths()
    {
        var random = new Random(20240607);
        var bytes = new byte[8];
        for (int i = 0; i < 20000; i++)
        {
            random.NextBytes(bytes);
            double value = BitConverter.ToDouble(bytes, 0);
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                continue;
            }

            long bits = BitConverter.DoubleToInt64Bits(value);
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(DoubleText.Parse(DoubleText.Format(value))));
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(DoubleText.ParseExact(DoubleText.FormatExact(value))));
            Assert.Equal(bits, BitConverter.DoubleToInt64Bits(DoubleText.ParseExact(DoubleText.Format(value))));
        }
    }

    [Fact]
    public void TheExactParserAgreesWithDotNetsCorrectlyRoundedParserOnRandomDecimals()
    {
        // .NET Core 3.0+ parses correctly (IEEE 754 round to nearest even); the exact parser, which is
        // what runs on .NET Framework, must agree on every input, including long and halfway ones.
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            int digits = random.Next(1, i % 10 == 0 ? 60 : 20);
            var text = new System.Text.StringBuilder();
            if (random.Next(2) == 0)
            {
                text.Append('-');
            }

            text.Append((char)('1' + random.Next(9)));
            for (int d = 1; d < digits; d++)
            {
                text.Append((char)('0' + random.Next(10)));
            }

            text.Append('e').Append((random.Next(-345, 330)).ToString(CultureInfo.InvariantCulture));
            string literal = text.ToString();

            double expected = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
            Assert.True(
                BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(DoubleText.ParseExact(literal)),
                literal);
        }
    }

    [Theory]
    [InlineData("9007199254740993")] // 2^53 + 1: halfway, rounds to even (2^53)
    [InlineData("9007199254740995")] // halfway, rounds to even (2^53 + 4)
    [InlineData("2.4703282292062327e-324")] // just below half the smallest subnormal: 0
    [InlineData("2.4703282292062328e-324")] // just above: the smallest subnormal
    [InlineData("1.7976931348623158e308")] // rounds down to MaxValue
    [InlineData("1.7976931348623159e308")] // overflows
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("1e-400")]
    [InlineData("0.000000000000000000000000000000000000000000001")]
    [InlineData("-0")]
    [InlineData("-0.0e5")]
    [InlineData("123456789012345678901234567890e-30")]
    [InlineData("1e99999999999999999999")]
    public void TheExactParserRoundsHardCasesLikeDotNet(string literal)
    {
        double expected = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);

        Assert.Equal(BitConverter.DoubleToInt64Bits(expected), BitConverter.DoubleToInt64Bits(DoubleText.ParseExact(literal)));
    }
}
