using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace NeuronTools.Tests;

/// <summary>
/// The summation order of DotProduct is a contract: these tests write it out independently (eight partial sums,
/// value i into s_(i mod 8), combined ((s0+s4)+(s2+s6))+((s1+s5)+(s3+s7))) and hold every path to it bit for bit,
/// with the SIMD path on and off. The collection keeps them from running beside tests that read the switch.
/// </summary>
[Collection(SimdSwitchCollection.Name)]
public class DotProductTests
{
    /// <summary>The contract, written as plainly as possible.</summary>
    internal static double Reference(double[] w, double[] x, int offsetX = 0)
    {
        var partial = new double[8];
        for (int i = 0; i < w.Length; i++)
        {
            partial[i % 8] += w[i] * x[offsetX + i];
        }

        return ((partial[0] + partial[4]) + (partial[2] + partial[6])) + ((partial[1] + partial[5]) + (partial[3] + partial[7]));
    }

    public static IEnumerable<object[]> Paths() => new[] { new object[] { false }, new object[] { true } };

    [Theory]
    // Left to right gives 0 for each of these; the contract's pairing gives the value in the last column.
    [InlineData(new[] { 1e16, 1.0, -1e16 }, 1.0)]
    [InlineData(new[] { 1e16, 0, 0, 0, -1e16, 1.0 }, 1.0)]
    [InlineData(new[] { 1e16, 0, 0, 0, 0, 0, 0, 0, -1e16, 1.0 }, 1.0)]
    [InlineData(new[] { 1.0, 1e16, 0, 0, 0, -1e16, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }, 1.0)]
    public void PairsThePartialSumsAsDocumented(double[] x, double expected)
    {
        foreach (bool simd in new[] { false, true })
        {
            using var path = SimdSwitch.Set(simd);
            double[] w = Enumerable.Repeat(1.0, x.Length).ToArray();

            Assert.Equal(expected, DotProduct.Sum(w, x));
            Assert.Equal(expected, DotProduct.Sum(w, (IReadOnlyList<double>)x.ToList()));
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public void EverySumFollowsTheContractToTheBit(bool simd)
    {
        using var path = SimdSwitch.Set(simd);
        var gen =
            from length in Gen.Int[0, 70]
            from w in Gen.Double[-1e6, 1e6].Array[length]
            from x in Gen.Double[-1e6, 1e6].Array[length]
            select (w, x);

        gen.Sample((w, x) =>
        {
            long expected = BitConverter.DoubleToInt64Bits(Reference(w, x));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(DotProduct.Sum(w, x)));
            Assert.Equal(expected, BitConverter.DoubleToInt64Bits(DotProduct.Sum(w, (IReadOnlyList<double>)x.ToList())));
        });
    }

    [Theory]
    [InlineData(3, 5, 4)]
    [InlineData(7, 9, 17)]
    [InlineData(33, 10, 64)]
    [InlineData(64, 256, 100)]
    [InlineData(300, 70, 91)]
    public void EveryEntryOfAMatrixProductIsOneContractSumOnBothPaths(int rowsA, int rowsB, int k)
    {
        var random = new Random(rowsA * 1000 + k);
        double[] a = Enumerable.Range(0, rowsA * k).Select(_ => random.NextDouble() - 0.5).ToArray();
        double[] b = Enumerable.Range(0, rowsB * k).Select(_ => (random.NextDouble() - 0.5) * 1e3).ToArray();
        double[] bias = Enumerable.Range(0, rowsB).Select(_ => random.NextDouble()).ToArray();
        var expected = new long[rowsA * rowsB];
        for (int i = 0; i < rowsA; i++)
        {
            for (int j = 0; j < rowsB; j++)
            {
                double[] row = a.Skip(i * k).Take(k).ToArray();
                expected[(i * rowsB) + j] = BitConverter.DoubleToInt64Bits(Reference(row, b, j * k) + bias[j]);
            }
        }

        foreach (bool simd in new[] { false, true })
        {
            using var path = SimdSwitch.Set(simd);
            var c = new double[rowsA * rowsB];
            DotProduct.MultiplyTransposed(a, rowsA, b, rowsB, k, c, bias);
            Assert.Equal(expected, c.Select(BitConverter.DoubleToInt64Bits).ToArray());
        }
    }

    [Fact]
    public void ABatchGivesTheSameBitsWithAndWithoutSimdAndAsRowByRow()
    {
        var random = new Random(5);
        double[] weight = Enumerable.Range(0, 64).Select(_ => random.NextDouble() - 0.5).ToArray();
        // More than the parallel threshold, and a row count that leaves a tail of four-row passes.
        double[][] rows = Enumerable.Range(0, 5003).Select(_ => Enumerable.Range(0, 64).Select(_ => random.NextDouble() * 4 - 2).ToArray()).ToArray();
        var neuron = new Neuron(weight, 0.125, ActivationCatalog.CreateScalar("ReLU"));

        long[] Run(bool simd)
        {
            using var path = SimdSwitch.Set(simd);
            // Without this the comparison could pass with the scalar code on both sides.
            Assert.Equal(simd && DotProduct.SimdAvailable, DotProduct.PathName != "Scalar");
            double[] batch = neuron.EvaluateBatch(rows);
            long[] perRow = rows.Select(row => BitConverter.DoubleToInt64Bits(neuron.Evaluate(row).Output)).ToArray();
            Assert.Equal(perRow, batch.Select(BitConverter.DoubleToInt64Bits).ToArray());
            return perRow;
        }

        Assert.Equal(Run(false), Run(true));
    }

    [Theory]
    [InlineData("ReLU,Identity", "4,16,3", 32)]
    [InlineData("Tanh,Identity", "20,40,10", 256)]
    [InlineData("ReLU,Softmax", "9,33,5", 7)]
    public void TrainingWithASeedGivesTheSameModelToTheBitWithAndWithoutSimd(string activations, string shape, int batchSize)
    {
        int[] sizes = shape.Split(',').Select(int.Parse).ToArray();
        var random = new Random(3);
        var input = Enumerable.Range(0, 600).Select(_ => Enumerable.Range(0, sizes[0]).Select(_ => random.NextDouble() * 2 - 1).ToArray()).ToList();
        var target = input.Select(row => new[] { (double)(row.Sum() > 0 ? 1 : row[0] > 0 ? 2 : 0) % sizes[^1] }).ToList();
        string[] names = activations.Split(',');

        long[] Train(bool simd)
        {
            using var path = SimdSwitch.Set(simd);
            var layers = new List<DenseLayer>();
            var init = new Random(11);
            for (int l = 1; l < sizes.Length; l++)
            {
                double[] w = Enumerable.Range(0, sizes[l] * sizes[l - 1]).Select(_ => (init.NextDouble() - 0.5) * 0.6).ToArray();
                layers.Add(new DenseLayer(w, new double[sizes[l]], sizes[l - 1], ActivationCatalog.Create(names[l - 1])));
            }

            var stack = new DenseStack(layers);
            var encoded = target.Select(t => TargetEncoder.Encode(t, LossFunction.CrossEntropy, stack.OutputCount, isStep: false)).ToList();
            var options = new TrainingOptions { Loss = LossFunction.CrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.01, EpochCount = 3, BatchSize = batchSize, Seed = 7, ValidationFraction = 0.1 };
            var run = StackTrainer.Train(stack, input, encoded, options);
            return run.Model.Layers.SelectMany(layer => layer.Weight.Concat(layer.Bias))
                .Concat(run.History.Epoch.Select(e => e.Loss))
                .Select(BitConverter.DoubleToInt64Bits).ToArray();
        }

        Assert.Equal(Train(false), Train(true));
    }
    [Fact]
    public void TrainingAllocatesNothingPerBatchEvenWhenItsProductsAreSplitAcrossProcessors()
    {
        // 64 rows × 100 outputs × 200 inputs is past the size at which a product is shared with helper threads.
        var random = new Random(9);
        var input = Enumerable.Range(0, 640).Select(_ => Enumerable.Range(0, 200).Select(_ => random.NextDouble() - 0.5).ToArray()).ToList();
        var target = input.Select(row => TargetEncoder.Encode(new[] { row[0] > 0 ? 1.0 : 0.0 }, LossFunction.CrossEntropy, 10, isStep: false)).ToList();

        long AllocatedBy(int epochs)
        {
            var layers = new List<DenseLayer>
            {
                new(Enumerable.Range(0, 100 * 200).Select(_ => (random.NextDouble() - 0.5) * 0.1).ToArray(), new double[100], 200, ActivationCatalog.Create("ReLU")),
                new(Enumerable.Range(0, 10 * 100).Select(_ => (random.NextDouble() - 0.5) * 0.1).ToArray(), new double[10], 100, ActivationCatalog.Create("Identity")),
            };
            var options = new TrainingOptions { Loss = LossFunction.CrossEntropy, Optimizer = Optimizer.Adam, LearningRate = 0.001, EpochCount = epochs, BatchSize = 64, Seed = 1 };
            long before = GC.GetAllocatedBytesForCurrentThread();
            StackTrainer.Train(new DenseStack(layers), input, target, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        AllocatedBy(1);
        long perEpoch = (AllocatedBy(5) - AllocatedBy(1)) / 4;

        // Ten batches an epoch: the epoch's record is all an epoch may allocate (a closure or a Parallel.For per
        // product would cost several kilobytes).
        Assert.True(perEpoch < 512, $"An epoch of ten batches allocated {perEpoch} bytes.");
    }
}

/// <summary>Tests that flip <see cref="DotProduct.SimdEnabled"/> run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SimdSwitchCollection
{
    public const string Name = "SIMD switch";
}

/// <summary>Sets <see cref="DotProduct.SimdEnabled"/> for a using block (SIMD only where the build and processor have it).</summary>
internal sealed class SimdSwitch : IDisposable
{
    private readonly bool _saved = DotProduct.SimdEnabled;

    private SimdSwitch(bool enabled) => DotProduct.SimdEnabled = enabled && DotProduct.SimdAvailable;

    internal static SimdSwitch Set(bool enabled) => new(enabled);

    public void Dispose() => DotProduct.SimdEnabled = _saved;
}
