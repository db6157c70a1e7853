using System;

namespace NeuronTools;

/// <summary>
/// xoshiro256** seeded by SplitMix64, with normal deviates from the Marsaglia polar method and a
/// logarithm made of IEEE-exact operations only. Nothing here calls the C runtime's maths library,
/// so a seed draws the same numbers on every machine and every .NET.
/// </summary>
internal sealed class DeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;
    private double? _spareNormal;

    internal DeterministicRandom(int seed)
    {
        ulong state = unchecked((ulong)seed);
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    internal ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1), with 53 random bits.</summary>
    internal double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    internal double NextUniform(double low, double high) => low + ((high - low) * NextDouble());

    internal double NextNormal()
    {
        if (_spareNormal is double spare)
        {
            _spareNormal = null;
            return spare;
        }

        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);

        double factor = Math.Sqrt(-2.0 * Log(s) / s);
        _spareNormal = v * factor;
        return u * factor;
    }

    /// <summary>ln(x) for x &gt; 0 from +, −, ×, ÷ only: x = m·2^k, ln m = 2·atanh((m − 1)/(m + 1)).</summary>
    internal static double Log(double x)
    {
        const double Ln2 = 0.6931471805599453;
        long bits = BitConverter.DoubleToInt64Bits(x);
        int exponent = (int)((bits >> 52) & 0x7FF);
        if (exponent == 0)
        {
            // Subnormal: scale into the normal range first.
            return Log(x * 18014398509481984.0) - (54 * Ln2);
        }

        int k = exponent - 1023;
        double m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > 1.4142135623730951)
        {
            m *= 0.5;
            k++;
        }

        double f = (m - 1.0) / (m + 1.0);
        double f2 = f * f;
        double term = f;
        double sum = 0.0;
        for (int n = 1; n < 60; n += 2)
        {
            double next = sum + (term / n);
            if (next == sum)
            {
                break;
            }

            sum = next;
            term *= f2;
        }

        return (2.0 * sum) + (k * Ln2);
    }

    private static ulong RotateLeft(ulong value, int count) => (value << count) | (value >> (64 - count));

    private static ulong SplitMix64(ref ulong state)
    {
        unchecked
        {
            ulong z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
