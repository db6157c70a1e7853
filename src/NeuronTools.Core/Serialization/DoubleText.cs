using System;
using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuronTools;

/// <summary>
/// Writes a double as text that reads back to the same 64 bits, and reads such text, identically on
/// every runtime the module loads in.
/// </summary>
/// <remarks>
/// On .NET Core 3.0 and later "R" gives the shortest text that round-trips and double.Parse rounds
/// correctly. On .NET Framework (Windows PowerShell 5.1) neither holds: "R" sometimes gives 15 digits
/// that read back one unit in the last place off, writes −0 as "0", and double.Parse is not always
/// correctly rounded (and reads "-0" as +0). So <see cref="Format"/> checks every "R" text by reading it
/// back and falls back to exact 17-digit decimal digits computed with BigInteger (17 significant digits
/// always identify a double), and <see cref="Parse"/> reads with an exact BigInteger algorithm wherever
/// the runtime's parser is not known to be correct. Both exact paths run in the tests on .NET, compared
/// with the runtime's own correct parser.
/// </remarks>
internal static class DoubleText
{
    private const int MaximumExponent = 100_000;

    private static readonly BigInteger s_two53 = BigInteger.One << 53;
    private static readonly BigInteger s_two52 = BigInteger.One << 52;

    /// <summary>True where double.Parse and "R" are correct (.NET Core 3.0 and later).</summary>
    internal static bool RuntimeIsExact { get; } = !RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

    /// <summary>Set by tests to run the exact algorithms even where the runtime's are correct.</summary>
    internal static bool ForceExactAlgorithms { get; set; }

    /// <summary>Text for a finite double that reads back bit for bit; JSON number syntax.</summary>
    internal static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite doubles have a JSON form.");
        }

        if (!ForceExactAlgorithms)
        {
            string shortest = value.ToString("R", CultureInfo.InvariantCulture);
            if (BitConverter.DoubleToInt64Bits(Parse(shortest)) == BitConverter.DoubleToInt64Bits(value))
            {
                return shortest;
            }
        }

        return FormatExact(value);
    }

    /// <summary>
    /// Reads a JSON number (already checked against the JSON grammar): the correctly rounded double,
    /// ±∞ beyond the range of a double and ±0 below it.
    /// </summary>
    internal static double Parse(string text)
    {
        if (RuntimeIsExact && !ForceExactAlgorithms)
        {
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        return ParseExact(text);
    }

    /// <summary>The 17 significant digits of the exact binary value, rounded half to even.</summary>
    internal static string FormatExact(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int biased = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        if (biased == 0 && fraction == 0)
        {
            return negative ? "-0" : "0";
        }

        // value = mantissa × 2^exponent exactly.
        long mantissa = biased == 0 ? fraction : fraction | (1L << 52);
        int exponent = biased == 0 ? -1074 : biased - 1075;

        // As an integer of decimal digits times a power of ten: m·2^e = m·5^(−e) / 10^(−e) when e < 0.
        BigInteger digits;
        int decimalExponent;
        if (exponent >= 0)
        {
            digits = new BigInteger(mantissa) << exponent;
            decimalExponent = 0;
        }
        else
        {
            digits = new BigInteger(mantissa) * BigInteger.Pow(5, -exponent);
            decimalExponent = exponent;
        }

        string all = digits.ToString(CultureInfo.InvariantCulture);
        const int Significant = 17;
        if (all.Length > Significant)
        {
            int dropped = all.Length - Significant;
            var divisor = BigInteger.Pow(10, dropped);
            var kept = BigInteger.DivRem(digits, divisor, out var remainder);
            int comparison = (remainder * 2).CompareTo(divisor);
            if (comparison > 0 || (comparison == 0 && !kept.IsEven))
            {
                kept += 1;
            }

            digits = kept;
            decimalExponent += dropped;
            all = digits.ToString(CultureInfo.InvariantCulture);
        }

        // d.ddd…E±x, without trailing zeros.
        int scientificExponent = decimalExponent + all.Length - 1;
        string trimmed = all.TrimEnd('0');
        var text = new StringBuilder(trimmed.Length + 8);
        if (negative)
        {
            text.Append('-');
        }

        text.Append(trimmed[0]);
        if (trimmed.Length > 1)
        {
            text.Append('.').Append(trimmed, 1, trimmed.Length - 1);
        }

        if (scientificExponent != 0)
        {
            text.Append('E').Append(scientificExponent.ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    /// <summary>Correctly rounded decimal-to-double conversion by exact integer arithmetic.</summary>
    internal static double ParseExact(string text)
    {
        int index = 0;
        bool negative = false;
        if (index < text.Length && (text[index] == '-' || text[index] == '+'))
        {
            negative = text[index] == '-';
            index++;
        }

        var significand = new StringBuilder(text.Length);
        int decimalExponent = 0;
        bool seenPoint = false;
        for (; index < text.Length; index++)
        {
            char c = text[index];
            if (c >= '0' && c <= '9')
            {
                if (significand.Length > 0 || c != '0')
                {
                    significand.Append(c);
                }

                if (seenPoint)
                {
                    decimalExponent--;
                }
            }
            else if (c == '.' && !seenPoint)
            {
                seenPoint = true;
            }
            else
            {
                break;
            }
        }

        if (index < text.Length && (text[index] == 'e' || text[index] == 'E'))
        {
            index++;
            bool negativeExponent = false;
            if (index < text.Length && (text[index] == '-' || text[index] == '+'))
            {
                negativeExponent = text[index] == '-';
                index++;
            }

            int written = 0;
            for (; index < text.Length && text[index] >= '0' && text[index] <= '9'; index++)
            {
                // Saturate: beyond ±100000 every significand of a JSON number gives 0 or ∞ anyway.
                written = Math.Min(MaximumExponent, (written * 10) + (text[index] - '0'));
            }

            decimalExponent += negativeExponent ? -written : written;
        }

        if (index != text.Length)
        {
            throw new FormatException("Not a number: " + text);
        }

        double magnitude = significand.Length == 0 ? 0.0 : Magnitude(significand.ToString(), decimalExponent);
        return negative ? -magnitude : magnitude;
    }

    /// <summary>The double nearest to digits × 10^decimalExponent (digits has no leading zero).</summary>
    private static double Magnitude(string digits, int decimalExponent)
    {
        // Every value below 10^-330 rounds to 0 and every value of 10^310 or more overflows.
        int orderOfMagnitude = digits.Length + decimalExponent;
        if (orderOfMagnitude > 310)
        {
            return double.PositiveInfinity;
        }

        if (orderOfMagnitude < -330)
        {
            return 0.0;
        }

        var numerator = BigInteger.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        var denominator = BigInteger.One;
        if (decimalExponent >= 0)
        {
            numerator *= BigInteger.Pow(10, decimalExponent);
        }
        else
        {
            denominator = BigInteger.Pow(10, -decimalExponent);
        }

        // Find k with 2^52 ≤ numerator / (denominator·2^k) < 2^53, then round the quotient to an integer.
        int binaryExponent = (int)(BitLength(numerator) - BitLength(denominator)) - 53;
        BigInteger quotient;
        BigInteger remainder;
        BigInteger divisor;
        while (true)
        {
            if (binaryExponent < -1074)
            {
                binaryExponent = -1074;
            }

            var scaledNumerator = binaryExponent < 0 ? numerator << -binaryExponent : numerator;
            divisor = binaryExponent > 0 ? denominator << binaryExponent : denominator;
            quotient = BigInteger.DivRem(scaledNumerator, divisor, out remainder);
            if (quotient >= s_two53)
            {
                binaryExponent++;
                continue;
            }

            if (quotient < s_two52 && binaryExponent > -1074)
            {
                binaryExponent--;
                continue;
            }

            break;
        }

        int comparison = (remainder << 1).CompareTo(divisor);
        if (comparison > 0 || (comparison == 0 && !quotient.IsEven))
        {
            quotient += 1;
            if (quotient == s_two53)
            {
                quotient = s_two52;
                binaryExponent++;
            }
        }

        long mantissa = (long)quotient;
        long biased = mantissa >= (1L << 52) ? binaryExponent + 1075 : 0;
        if (biased >= 0x7FF)
        {
            return double.PositiveInfinity;
        }

        return BitConverter.Int64BitsToDouble((biased << 52) | (mantissa & 0xFFFFFFFFFFFFFL));
    }

    private static long BitLength(BigInteger value)
    {
        byte[] bytes = value.ToByteArray();
        int last = bytes.Length - 1;
        while (last > 0 && bytes[last] == 0)
        {
            last--;
        }

        int top = bytes[last];
        int bits = 0;
        while (top > 0)
        {
            bits++;
            top >>= 1;
        }

        return (last * 8L) + bits;
    }
}
