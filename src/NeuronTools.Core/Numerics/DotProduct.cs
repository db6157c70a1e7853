using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
#endif

namespace NeuronTools;

/// <summary>
/// The module's one dot-product kernel: Σ w_i·x_i in one documented order, so that a neuron, a layer, a network,
/// a batch and the trainer give the same bits, with or without SIMD, in Windows PowerShell and PowerShell 7.
/// </summary>
/// <remarks>
/// <para>The summation order (the contract). Eight partial sums s_0 … s_7 start at +0. Value i goes to s_(i mod 8),
/// and each partial sum takes its products in increasing i: s ← s + (w_i·x_i), the product rounded to a double
/// first, never a fused multiply-add. The result is ((s_0 + s_4) + (s_2 + s_6)) + ((s_1 + s_5) + (s_3 + s_7)).
/// A neuron adds its bias after that: a = Σ + b.</para>
/// <para>Why this order: plain scalar code keeps eight independent sums in flight, and a vector unit holds
/// s_0 … s_3 and s_4 … s_7 in two four-lane vectors (Vector256&lt;double&gt;) or four two-lane ones
/// (Vector128&lt;double&gt;), each lane doing exactly what one scalar partial sum does; the final pairing is two
/// lane-wise additions and one scalar one. So the netstandard2.0 build (scalar, Windows PowerShell 5.1) and the
/// net8.0 build (SIMD, PowerShell 7) agree to the bit on any machine. Neither path may use a fused
/// multiply-add: netstandard2.0 has none, and the .NET JIT never contracts a*b + c on its own.</para>
/// <para>The SIMD path is on in the net8.0 build when the processor has 128- or 256-bit vectors; the environment
/// variable NEURONTOOLS_SIMD=0, set before the module loads, switches it off (the results stay the same).</para>
/// </remarks>
internal static class DotProduct
{
    /// <summary>The number of partial sums of the contract.</summary>
    internal const int PartialSumCount = 8;

    // A product of at least this many multiply-adds is split across the processors: each result is still
    // summed by one thread, in the contract's order, so the bits do not depend on the split.
    private const long ParallelThreshold = 1 << 20;

    /// <summary>
    /// True when the SIMD code runs (net8.0 build, vector hardware, NEURONTOOLS_SIMD not 0). Tests set it to
    /// compare both paths in one process.
    /// </summary>
    internal static bool SimdEnabled { get; set; } = SimdAvailable && Environment.GetEnvironmentVariable("NEURONTOOLS_SIMD") != "0";

    /// <summary>True when this build and processor have a SIMD path at all.</summary>
    internal static bool SimdAvailable =>
#if NET8_0_OR_GREATER
        Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated;
#else
        false;
#endif

    /// <summary>A short name of the path that runs, for diagnostics and benchmarks: Scalar, Vector128 or Vector256.</summary>
    internal static string PathName =>
#if NET8_0_OR_GREATER
        !SimdEnabled ? "Scalar" : Vector256.IsHardwareAccelerated ? "Vector256" : "Vector128";
#else
        "Scalar";
#endif

    /// <summary>Σ w_i·x_i over the first <paramref name="count"/> values, in the contract's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static unsafe double Sum(double* w, double* x, int count)
    {
#if NET8_0_OR_GREATER
        if (SimdEnabled && count >= PartialSumCount)
        {
            return Vector256.IsHardwareAccelerated ? SumVector256(w, x, count) : SumVector128(w, x, count);
        }
#endif
        return SumScalar(w, x, count);
    }

    /// <summary>Σ w_i·x_i in the contract's order, for a list a caller passed (copied once when it is not an array).</summary>
    internal static double Sum(double[] w, IReadOnlyList<double> x) => Sum(w, x as double[] ?? System.Linq.Enumerable.ToArray(x));

    /// <summary>Σ w_i·x_i over all of <paramref name="w"/>, in the contract's order.</summary>
    internal static unsafe double Sum(double[] w, double[] x)
    {
        fixed (double* pw = w, px = x)
        {
            return Sum(pw, px, w.Length);
        }
    }

    /// <summary>
    /// c[i, j] = Σ_k a[i, k]·b[j, k] (+ bias[j] when given), for a row-major <paramref name="rowsA"/> × k matrix a and
    /// <paramref name="rowsB"/> × k matrix b: every entry one dot product in the contract's order, so each is
    /// bit-identical to <see cref="Sum(double*, double*, int)"/> on its two rows. Blocked for the caches; split
    /// across the processors for large products.
    /// </summary>
    internal static unsafe void MultiplyTransposed(double[] a, int rowsA, double[] b, int rowsB, int k, double[] c, double[]? bias)
    {
        long work = (long)rowsA * rowsB * k;
        int parts = work < ParallelThreshold || rowsA < 4 ? 1 : Math.Min(Environment.ProcessorCount, rowsA / 2);
        if (parts <= 1)
        {
            MultiplyTransposedRows(a, b, rowsB, k, c, bias, 0, rowsA);
            return;
        }

        ProductWorkers.Run(a, rowsA, b, rowsB, k, c, bias, parts);
    }

    /// <summary>Rows [start, end) of <see cref="MultiplyTransposed"/>'s result.</summary>
    internal static unsafe void MultiplyTransposedRows(double[] a, double[] b, int rowsB, int k, double[] c, double[]? bias, int start, int end)
    {
        fixed (double* pa = a, pb = b, pc = c, pBias = bias)
        {
            MultiplyTransposedRows(pa, pb, rowsB, k, pc, pBias, start, end);
        }
    }

    [MethodImpl(AggressiveOptimization)]
    private static unsafe void MultiplyTransposedRows(double* a, double* b, int rowsB, int k, double* c, double* bias, int start, int end)
    {
        // Columns of b in blocks that stay in the second-level cache while every row of a passes over them.
        int blockRows = Math.Max(2, (128 * 1024 / 8 / Math.Max(k, 1)) & ~1);
        for (int firstB = 0; firstB < rowsB; firstB += blockRows)
        {
            int lastB = Math.Min(rowsB, firstB + blockRows);
            int i = start;
#if NET8_0_OR_GREATER
            if (SimdEnabled && Vector256.IsHardwareAccelerated && k >= PartialSumCount)
            {
                for (; i + 2 <= end; i += 2)
                {
                    double* a0 = a + ((long)i * k);
                    double* a1 = a0 + k;
                    double* c0 = c + ((long)i * rowsB);
                    double* c1 = c0 + rowsB;
                    int j = firstB;
                    for (; j + 2 <= lastB; j += 2)
                    {
                        double* b0 = b + ((long)j * k);
                        Sum2x2Vector256(a0, a1, b0, b0 + k, k, out double s00, out double s01, out double s10, out double s11);
                        double bias0 = bias == null ? 0.0 : bias[j], bias1 = bias == null ? 0.0 : bias[j + 1];
                        c0[j] = bias == null ? s00 : s00 + bias0;
                        c0[j + 1] = bias == null ? s01 : s01 + bias1;
                        c1[j] = bias == null ? s10 : s10 + bias0;
                        c1[j + 1] = bias == null ? s11 : s11 + bias1;
                    }

                    for (; j < lastB; j++)
                    {
                        c0[j] = Entry(a0, b + ((long)j * k), k, bias, j);
                        c1[j] = Entry(a1, b + ((long)j * k), k, bias, j);
                    }
                }
            }
#endif
            for (; i < end; i++)
            {
                double* ai = a + ((long)i * k);
                double* ci = c + ((long)i * rowsB);
                for (int j = firstB; j < lastB; j++)
                {
                    ci[j] = Entry(ai, b + ((long)j * k), k, bias, j);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe double Entry(double* a, double* b, int k, double* bias, int j)
    {
        double sum = Sum(a, b, k);
        return bias == null ? sum : sum + bias[j];
    }

    /// <summary>
    /// Four dot products of one weight vector with four rows, each in the contract's order (so each equals
    /// <see cref="Sum(double*, double*, int)"/> of its row): the four sums are independent work for the processor.
    /// </summary>
    [MethodImpl(AggressiveOptimization)]
    internal static unsafe void SumFour(double* w, double* x0, double* x1, double* x2, double* x3, int count, out double s0, out double s1, out double s2, out double s3)
    {
#if NET8_0_OR_GREATER
        if (SimdEnabled && Vector256.IsHardwareAccelerated && count >= PartialSumCount)
        {
            SumFourVector256(w, x0, x1, x2, x3, count, out s0, out s1, out s2, out s3);
            return;
        }
#endif
        s0 = Sum(w, x0, count);
        s1 = Sum(w, x1, count);
        s2 = Sum(w, x2, count);
        s3 = Sum(w, x3, count);
    }

    // MethodImplOptions.AggressiveOptimization (netstandard2.0 lacks the name; .NET Core 3.0 and later honour the
    // value, .NET Framework ignores it): a batch kernel is called once, so it must not start as tier-0 code.
    internal const MethodImplOptions AggressiveOptimization = (MethodImplOptions)512;

    [MethodImpl(AggressiveOptimization)]
    private static unsafe double SumScalar(double* w, double* x, int count)
    {
        double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0;
        int i = 0;
        for (; i + PartialSumCount <= count; i += PartialSumCount)
        {
            s0 += w[i] * x[i];
            s1 += w[i + 1] * x[i + 1];
            s2 += w[i + 2] * x[i + 2];
            s3 += w[i + 3] * x[i + 3];
            s4 += w[i + 4] * x[i + 4];
            s5 += w[i + 5] * x[i + 5];
            s6 += w[i + 6] * x[i + 6];
            s7 += w[i + 7] * x[i + 7];
        }

        AddTail(w, x, i, count, ref s0, ref s1, ref s2, ref s3, ref s4, ref s5, ref s6);
        return Combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /// <summary>The last count mod 8 products, value i into s_(i mod 8) (at most seven, so s_7 takes none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void AddTail(double* w, double* x, int i, int count, ref double s0, ref double s1, ref double s2, ref double s3, ref double s4, ref double s5, ref double s6)
    {
        int rest = count - i;
        if (rest <= 0)
        {
            return;
        }

        s0 += w[i] * x[i];
        if (rest > 1) { s1 += w[i + 1] * x[i + 1]; }
        if (rest > 2) { s2 += w[i + 2] * x[i + 2]; }
        if (rest > 3) { s3 += w[i + 3] * x[i + 3]; }
        if (rest > 4) { s4 += w[i + 4] * x[i + 4]; }
        if (rest > 5) { s5 += w[i + 5] * x[i + 5]; }
        if (rest > 6) { s6 += w[i + 6] * x[i + 6]; }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7) =>
        ((s0 + s4) + (s2 + s6)) + ((s1 + s5) + (s3 + s7));

#if NET8_0_OR_GREATER
    [MethodImpl(AggressiveOptimization)]
    private static unsafe double SumVector256(double* w, double* x, int count)
    {
        var low = Vector256<double>.Zero;
        var high = Vector256<double>.Zero;
        int i = 0;
        for (; i + PartialSumCount <= count; i += PartialSumCount)
        {
            low += Vector256.Load(w + i) * Vector256.Load(x + i);
            high += Vector256.Load(w + i + 4) * Vector256.Load(x + i + 4);
        }

        return Finish(low, high, w, x, i, count);
    }

    [MethodImpl(AggressiveOptimization)]
    private static unsafe double SumVector128(double* w, double* x, int count)
    {
        var v0 = Vector128<double>.Zero;
        var v1 = Vector128<double>.Zero;
        var v2 = Vector128<double>.Zero;
        var v3 = Vector128<double>.Zero;
        int i = 0;
        for (; i + PartialSumCount <= count; i += PartialSumCount)
        {
            v0 += Vector128.Load(w + i) * Vector128.Load(x + i);
            v1 += Vector128.Load(w + i + 2) * Vector128.Load(x + i + 2);
            v2 += Vector128.Load(w + i + 4) * Vector128.Load(x + i + 4);
            v3 += Vector128.Load(w + i + 6) * Vector128.Load(x + i + 6);
        }

        if (i == count)
        {
            // (s0 + s4, s1 + s5) + (s2 + s6, s3 + s7), then the two lanes: the contract's pairing.
            var pair = (v0 + v2) + (v1 + v3);
            return pair.GetElement(0) + pair.GetElement(1);
        }

        double s0 = v0.GetElement(0), s1 = v0.GetElement(1), s2 = v1.GetElement(0), s3 = v1.GetElement(1);
        double s4 = v2.GetElement(0), s5 = v2.GetElement(1), s6 = v3.GetElement(0), s7 = v3.GetElement(1);
        AddTail(w, x, i, count, ref s0, ref s1, ref s2, ref s3, ref s4, ref s5, ref s6);
        return Combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    /// <summary>The contract's pairing of s_0 … s_3 (<paramref name="low"/>) and s_4 … s_7, after the tail from i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe double Finish(Vector256<double> low, Vector256<double> high, double* w, double* x, int i, int count)
    {
        if (i == count)
        {
            var lanes = low + high;
            var pair = lanes.GetLower() + lanes.GetUpper();
            return pair.GetElement(0) + pair.GetElement(1);
        }

        double s0 = low.GetElement(0), s1 = low.GetElement(1), s2 = low.GetElement(2), s3 = low.GetElement(3);
        double s4 = high.GetElement(0), s5 = high.GetElement(1), s6 = high.GetElement(2), s7 = high.GetElement(3);
        AddTail(w, x, i, count, ref s0, ref s1, ref s2, ref s3, ref s4, ref s5, ref s6);
        return Combine(s0, s1, s2, s3, s4, s5, s6, s7);
    }

    [MethodImpl(AggressiveOptimization)]
    private static unsafe void SumFourVector256(double* w, double* x0, double* x1, double* x2, double* x3, int count, out double s0, out double s1, out double s2, out double s3)
    {
        Vector256<double> l0 = default, h0 = default, l1 = default, h1 = default, l2 = default, h2 = default, l3 = default, h3 = default;
        int i = 0;
        for (; i + PartialSumCount <= count; i += PartialSumCount)
        {
            var wl = Vector256.Load(w + i);
            var wh = Vector256.Load(w + i + 4);
            l0 += wl * Vector256.Load(x0 + i);
            h0 += wh * Vector256.Load(x0 + i + 4);
            l1 += wl * Vector256.Load(x1 + i);
            h1 += wh * Vector256.Load(x1 + i + 4);
            l2 += wl * Vector256.Load(x2 + i);
            h2 += wh * Vector256.Load(x2 + i + 4);
            l3 += wl * Vector256.Load(x3 + i);
            h3 += wh * Vector256.Load(x3 + i + 4);
        }

        s0 = Finish(l0, h0, w, x0, i, count);
        s1 = Finish(l1, h1, w, x1, i, count);
        s2 = Finish(l2, h2, w, x2, i, count);
        s3 = Finish(l3, h3, w, x3, i, count);
    }

    [MethodImpl(AggressiveOptimization)]
    private static unsafe void Sum2x2Vector256(double* a0, double* a1, double* b0, double* b1, int count, out double s00, out double s01, out double s10, out double s11)
    {
        Vector256<double> l00 = default, h00 = default, l01 = default, h01 = default, l10 = default, h10 = default, l11 = default, h11 = default;
        int i = 0;
        for (; i + PartialSumCount <= count; i += PartialSumCount)
        {
            var a0l = Vector256.Load(a0 + i);
            var a0h = Vector256.Load(a0 + i + 4);
            var b0l = Vector256.Load(b0 + i);
            var b0h = Vector256.Load(b0 + i + 4);
            l00 += a0l * b0l;
            h00 += a0h * b0h;
            var b1l = Vector256.Load(b1 + i);
            var b1h = Vector256.Load(b1 + i + 4);
            l01 += a0l * b1l;
            h01 += a0h * b1h;
            var a1l = Vector256.Load(a1 + i);
            var a1h = Vector256.Load(a1 + i + 4);
            l10 += a1l * b0l;
            h10 += a1h * b0h;
            l11 += a1l * b1l;
            h11 += a1h * b1h;
        }

        s00 = Finish(l00, h00, a0, b0, i, count);
        s01 = Finish(l01, h01, a0, b1, i, count);
        s10 = Finish(l10, h10, a1, b0, i, count);
        s11 = Finish(l11, h11, a1, b1, i, count);
    }
#endif
}
