using System;
using System.Threading;
using System.Threading.Tasks;

namespace NeuronTools;

/// <summary>
/// Long-lived helper threads that share one large matrix product (<see cref="DotProduct.MultiplyTransposed"/>) with
/// the calling thread, so that a training run's batches use every processor without allocating (Parallel.For
/// allocates on every call). One product at a time: a caller that finds the helpers busy (another runspace training
/// at the same moment) splits its product with Parallel.For instead. Each part is a range of rows of the result,
/// every entry one dot product in the contract's order, so the bits do not depend on who computes which part.
/// </summary>
internal static class ProductWorkers
{
    // s_nextPart at rest: a helper that wakes late finds no part to take.
    private const int Closed = int.MaxValue / 2;

    private static readonly object s_gate = new();
    private static readonly ManualResetEventSlim s_done = new(false);
    private static readonly SemaphoreSlim s_start = new(0);
    private static int s_helperCount;
    private static int s_pending;
    private static int s_nextPart = Closed;

    // The product being shared; written under s_gate before s_nextPart opens the parts.
    private static double[] s_a = Array.Empty<double>();
    private static double[] s_b = Array.Empty<double>();
    private static double[] s_c = Array.Empty<double>();
    private static double[]? s_bias;
    private static int s_rowsA;
    private static int s_rowsB;
    private static int s_k;
    private static int s_parts;

    /// <summary>c = a·bᵀ (+ bias) in <paramref name="parts"/> row ranges, on this thread and the helpers.</summary>
    internal static void Run(double[] a, int rowsA, double[] b, int rowsB, int k, double[] c, double[]? bias, int parts)
    {
        if (!Monitor.TryEnter(s_gate))
        {
            RunWithParallelFor(a, rowsA, b, rowsB, k, c, bias, parts);
            return;
        }

        try
        {
            while (s_helperCount < parts - 1)
            {
                new Thread(HelperLoop) { IsBackground = true, Name = "NeuronTools matrix product" }.Start();
                s_helperCount++;
            }

            s_a = a;
            s_b = b;
            s_c = c;
            s_bias = bias;
            s_rowsA = rowsA;
            s_rowsB = rowsB;
            s_k = k;
            s_parts = parts;
            s_pending = parts;
            s_done.Reset();
            Volatile.Write(ref s_nextPart, 0);
            s_start.Release(parts - 1);
            TakeParts();
            s_done.Wait();
            Volatile.Write(ref s_nextPart, Closed);
            s_a = s_b = s_c = Array.Empty<double>();
            s_bias = null;
        }
        finally
        {
            Monitor.Exit(s_gate);
        }
    }

    private static void RunWithParallelFor(double[] a, int rowsA, double[] b, int rowsB, int k, double[] c, double[]? bias, int parts) =>
        Parallel.For(0, parts, part => DotProduct.MultiplyTransposedRows(a, b, rowsB, k, c, bias, Start(rowsA, parts, part), End(rowsA, parts, part)));

    // Even row boundaries, so that the 2 × 2 blocks of each part are the ones one thread would use.
    private static int Start(int rowsA, int parts, int part) => (int)((long)rowsA * part / parts) & ~1;

    private static int End(int rowsA, int parts, int part) => part == parts - 1 ? rowsA : (int)((long)rowsA * (part + 1) / parts) & ~1;

    private static void TakeParts()
    {
        int part;
        while ((part = Interlocked.Increment(ref s_nextPart) - 1) < s_parts)
        {
            DotProduct.MultiplyTransposedRows(s_a, s_b, s_rowsB, s_k, s_c, s_bias, Start(s_rowsA, s_parts, part), End(s_rowsA, s_parts, part));
            if (Interlocked.Decrement(ref s_pending) == 0)
            {
                s_done.Set();
            }
        }
    }

    private static void HelperLoop()
    {
        while (true)
        {
            s_start.Wait();
            TakeParts();
        }
    }
}
