using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace NeuronTools.Benchmarks;

/// <summary>Data for the benchmarks, made in C# so that making it does not dominate the run.</summary>
public static class BenchData
{
    /// <summary>An object[] of double[] rows, as a PowerShell variable holding vectors would be.</summary>
    public static object[] Vectors(int count, int length, int seed)
    {
        var random = new Random(seed);
        var rows = new object[count];
        for (int r = 0; r < count; r++)
        {
            rows[r] = Row(random, length);
        }

        return rows;
    }

    public static double[][] Jagged(int count, int length, int seed)
    {
        var random = new Random(seed);
        var rows = new double[count][];
        for (int r = 0; r < count; r++)
        {
            rows[r] = Row(random, length);
        }

        return rows;
    }

    public static double[,] Rectangular(double[][] rows)
    {
        int length = rows.Length == 0 ? 0 : rows[0].Length;
        var matrix = new double[rows.Length, length];
        for (int r = 0; r < rows.Length; r++)
        {
            for (int c = 0; c < length; c++)
            {
                matrix[r, c] = rows[r][c];
            }
        }

        return matrix;
    }

    /// <summary>Writes a CSV file of <paramref name="count"/> rows: host, region, then numeric columns.</summary>
    public static void WriteCsv(string path, int count, string[] numericColumns, int seed)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("host,region," + string.Join(",", numericColumns));
        var line = new StringBuilder();
        for (int r = 0; r < count; r++)
        {
            line.Clear();
            line.Append("host").Append(r.ToString(CultureInfo.InvariantCulture)).Append(r % 2 == 0 ? ",eu" : ",us");
            foreach (string _ in numericColumns)
            {
                line.Append(',').Append(Math.Round(random.NextDouble() * 100, 3).ToString("R", CultureInfo.InvariantCulture));
            }

            writer.WriteLine(line.ToString());
        }
    }

    /// <summary>
    /// Seconds to read every double of the rows once, with the widest vectors and several independent
    /// sums: what this machine's memory gives one thread. The sum is returned so nothing is optimised away.
    /// </summary>
    public static double[] ReadLoop(double[][] rows)
    {
        var stopwatch = Stopwatch.StartNew();
        var sum = Vector<double>.Zero;
        double tail = 0;
        foreach (double[] row in rows)
        {
            sum += SumVectors(row, ref tail);
        }

        stopwatch.Stop();
        return new[] { stopwatch.Elapsed.TotalSeconds, Vector.Sum(sum) + tail };
    }

    /// <summary>As <see cref="ReadLoop(double[][])"/> over one contiguous array.</summary>
    public static double[] ReadLoop(double[] values)
    {
        var stopwatch = Stopwatch.StartNew();
        double tail = 0;
        var sum = SumVectors(values, ref tail);
        stopwatch.Stop();
        return new[] { stopwatch.Elapsed.TotalSeconds, Vector.Sum(sum) + tail };
    }

    public static double[] Flat(double[][] rows)
    {
        int length = rows.Length == 0 ? 0 : rows[0].Length;
        var flat = new double[rows.Length * length];
        for (int r = 0; r < rows.Length; r++)
        {
            Array.Copy(rows[r], 0, flat, r * length, length);
        }

        return flat;
    }

    private static Vector<double> SumVectors(double[] values, ref double tail)
    {
        ReadOnlySpan<Vector<double>> vectors = MemoryMarshal.Cast<double, Vector<double>>(values);
        Vector<double> s0 = Vector<double>.Zero, s1 = Vector<double>.Zero, s2 = Vector<double>.Zero, s3 = Vector<double>.Zero;
        int i = 0;
        for (; i + 4 <= vectors.Length; i += 4)
        {
            s0 += vectors[i];
            s1 += vectors[i + 1];
            s2 += vectors[i + 2];
            s3 += vectors[i + 3];
        }

        for (; i < vectors.Length; i++)
        {
            s0 += vectors[i];
        }

        for (int k = vectors.Length * Vector<double>.Count; k < values.Length; k++)
        {
            tail += values[k];
        }

        return s0 + s1 + s2 + s3;
    }

    private static double[] Row(Random random, int length)
    {
        var row = new double[length];
        for (int i = 0; i < row.Length; i++)
        {
            row[i] = random.NextDouble() - 0.5;
        }

        return row;
    }

    /// <summary>
    /// A synthetic classification set: inputs uniform in [-1, 1], the class of each row the largest of
    /// <paramref name="classCount"/> fixed random linear scores, so that a network has something to learn.
    /// </summary>
    public static TrainingSet TrainingSet(int count, int inputCount, int classCount, int seed)
    {
        var random = new Random(seed);
        var direction = new double[classCount * inputCount];
        for (int i = 0; i < direction.Length; i++)
        {
            direction[i] = random.NextDouble() - 0.5;
        }

        var input = new double[count][];
        var label = new int[count];
        for (int r = 0; r < count; r++)
        {
            var row = new double[inputCount];
            for (int i = 0; i < inputCount; i++)
            {
                row[i] = (random.NextDouble() * 2) - 1;
            }

            int best = 0;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < classCount; c++)
            {
                double score = 0;
                for (int i = 0; i < inputCount; i++)
                {
                    score += direction[(c * inputCount) + i] * row[i];
                }

                if (score > bestScore)
                {
                    bestScore = score;
                    best = c;
                }
            }

            input[r] = row;
            label[r] = best;
        }

        return new TrainingSet(input, label);
    }

    /// <summary>Writes the inputs as raw little-endian float64 rows and the classes as int32, for numpy.fromfile.</summary>
    public static void WriteTrainingSet(TrainingSet set, string inputPath, string classPath)
    {
        using (var writer = new BinaryWriter(File.Create(inputPath)))
        {
            foreach (double[] row in set.Input)
            {
                foreach (double value in row)
                {
                    writer.Write(value);
                }
            }
        }

        using (var writer = new BinaryWriter(File.Create(classPath)))
        {
            foreach (int value in set.Class)
            {
                writer.Write(value);
            }
        }
    }

    /// <summary>The peak working set of this process, in bytes (VmHWM on Linux).</summary>
    public static long PeakWorkingSet() => Process.GetCurrentProcess().PeakWorkingSet64;
}
