using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace NeuronTools.Tests;

public class GradientCalculatorTests
{
    public static IEnumerable<object[]> ReferenceCases() =>
        TrainingReference.Read("training_gradients.tsv")
            .Select(row => new object[] { row["case"] });

    [Fact]
    public void TheReferenceTableCoversNeuronsAndNetworks()
    {
        var known = ReferenceCases().Select(c => (string)c[0]).ToArray();

        // Guards the theory below against a table that silently filters down to nothing.
        Assert.True(known.Count(c => c.StartsWith("neuron", StringComparison.Ordinal)) >= 18);
        Assert.True(known.Count(c => c.StartsWith("network", StringComparison.Ordinal)) >= 8);
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void GradientsMatchPyTorchAutograd(string name)
    {
        var row = TrainingReference.Read("training_gradients.tsv").Single(r => r["case"] == name);
        var stack = TrainingReference.Stack(row["sizes"], row["activations"], row["weight"], row["bias"]);
        double[] x = TrainingReference.Numbers(row["input"]);
        int k = int.Parse(row["output_index"], System.Globalization.CultureInfo.InvariantCulture);

        var gradient = GradientCalculator.ComputeStack(stack, x, k);

        const double Tolerance = 1e-14;
        TrainingReference.Close(double.Parse(row["output"], System.Globalization.CultureInfo.InvariantCulture), gradient.LayerOutput[^1][k], Tolerance, "z");
        TrainingReference.Close(TrainingReference.Numbers(row["input_gradient"]), gradient.InputGradient, Tolerance, "dz/dx");
        TrainingReference.Close(TrainingReference.Numbers(row["weight_gradient"]), gradient.WeightGradient.SelectMany(g => g).ToArray(), Tolerance, "dz/dW");
        TrainingReference.Close(TrainingReference.Numbers(row["bias_gradient"]), gradient.BiasGradient.SelectMany(g => g).ToArray(), Tolerance, "dz/db");
    }

    [Theory]
    [InlineData("ReLU", 5.0, 3.0, 1.0, 1.0)]
    [InlineData("ReLU", 1.0, 4.0, 0.0, 0.0)]
    [InlineData("ReLU", 1.0, 0.5, -0.25, 0.0)]
    [InlineData("LeakyReLU(negative_slope=0.2)", 1.0, 0.5, -0.25, 0.2)]
    [InlineData("Identity", 1.0, 4.0, 0.0, 1.0)]
    [InlineData("BinaryStep", 5.0, 3.0, 1.0, 0.0)]
    public void ANeuronsGradientsAreTheArticlesFormulas(string activation, double x1, double x2, double x3, double derivative)
    {
        var neuron = new Neuron(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar(activation));
        double[] x = { x1, x2, x3 };

        var gradient = GradientCalculator.Compute(neuron, x);

        Assert.Equal(derivative, gradient.Derivative);
        Assert.Equal(derivative, gradient.BiasGradient);
        Assert.Equal(new[] { derivative * 0.5, derivative * -1.0, derivative * 2.0 }, gradient.InputGradient);
        Assert.Equal(x.Select(v => derivative * v).ToArray(), gradient.WeightGradient);
        Assert.Equal(neuron.Evaluate(x).Output, gradient.Output);
    }

    [Fact]
    public void ANeuronAndItsOneLayerStackGiveTheSameGradientsToTheBit()
    {
        var neuron = new Neuron(new[] { 0.3, -1.7, 2.2, 0.01 }, -0.4, ActivationCatalog.CreateScalar("Tanh"));
        double[] x = { 0.9, 0.1, -0.6, 12.0 };

        var direct = GradientCalculator.Compute(neuron, x);
        var stacked = GradientCalculator.ComputeStack(neuron.ToStack(), x, 0);

        Assert.Equal(direct.InputGradient, stacked.InputGradient);
        Assert.Equal(direct.WeightGradient, stacked.WeightGradient[0]);
        Assert.Equal(direct.BiasGradient, stacked.BiasGradient[0][0]);
    }

    [Fact]
    public void GradientsAgreeWithCentralFiniteDifferences()
    {
        // Random 3-layer networks of smooth activations: every analytic gradient against (f(p+h) − f(p−h)) / 2h.
        var activations = new[] { "Sigmoid", "Tanh", "Identity" };
        Gen.Select(Gen.Int[0, 2], Gen.Int[0, 2], Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[0, 1000])
            .Sample((f1, f2, inputs, hidden, outputs, seed) =>
            {
                var stack = new DenseStack(new[]
                {
                    new DenseLayer(WeightInitializer.Draw(Initialization.XavierNormal, inputs, hidden, inputs * hidden, seed), WeightInitializer.Draw(Initialization.Uniform, hidden, 1, hidden, seed + 1), inputs, ActivationCatalog.Create(activations[f1])),
                    new DenseLayer(WeightInitializer.Draw(Initialization.XavierNormal, hidden, outputs, hidden * outputs, seed + 2), WeightInitializer.Draw(Initialization.Uniform, outputs, 1, outputs, seed + 3), hidden, ActivationCatalog.Create(activations[f2])),
                });
                double[] x = WeightInitializer.Draw(Initialization.Uniform, 1, 1, inputs, seed + 4).Select(v => v * 3).ToArray();
                for (int k = 0; k < outputs; k++)
                {
                    var analytic = GradientCalculator.ComputeStack(stack, x, k);
                    for (int i = 0; i < x.Length; i++)
                    {
                        AssertDifference(analytic.InputGradient[i], x, i, () => Output(stack, x, k));
                    }

                    for (int l = 0; l < stack.Layers.Length; l++)
                    {
                        for (int j = 0; j < stack.Layers[l].Weight.Length; j++)
                        {
                            AssertDifference(analytic.WeightGradient[l][j], stack.Layers[l].Weight, j, () => Output(stack, x, k));
                        }

                        for (int j = 0; j < stack.Layers[l].Bias.Length; j++)
                        {
                            AssertDifference(analytic.BiasGradient[l][j], stack.Layers[l].Bias, j, () => Output(stack, x, k));
                        }
                    }
                }
            }, iter: 60);
    }

    [Fact]
    public void SoftmaxAndLogSoftmaxBackwardAgreeWithFiniteDifferences()
    {
        // The vector activations arrive with the catalogue; their backward formulas are checked here on their own.
        double[] a = { 0.3, -1.2, 2.0, 0.7 };
        double[] g = { 0.5, -2.0, 1.0, 0.25 };
        Func<double[], double[]> softmax = v =>
        {
            double max = v.Max();
            double[] e = v.Select(x => Math.Exp(x - max)).ToArray();
            return e.Select(x => x / e.Sum()).ToArray();
        };
        Func<double[], double[]> logSoftmax = v => softmax(v).Select(p => Math.Log(p)).ToArray();
        Func<double[], double[]> softmin = v => softmax(v.Select(x => -x).ToArray());

        foreach (var (f, multiply) in new (Func<double[], double[]>, Action<double[], double[]>)[]
        {
            (softmax, (output, result) => VectorJacobian.Softmax(output, g, result, 0, 4, 1.0)),
            (softmin, (output, result) => VectorJacobian.Softmax(output, g, result, 0, 4, -1.0)),
            (logSoftmax, (output, result) => VectorJacobian.LogSoftmax(output, g, result, 0, 4)),
        })
        {
            var result = new double[4];
            multiply(f(a), result);
            for (int j = 0; j < 4; j++)
            {
                AssertDifference(result[j], a, j, () => f(a).Zip(g, (y, w) => y * w).Sum());
            }
        }
    }

    [Fact]
    public void AnOutputIndexOutsideTheModelIsInvalidOutputIndex()
    {
        var stack = new Neuron(new[] { 1.0 }).ToStack();

        var error = Assert.Throws<NeuronToolsException>(() => GradientCalculator.ComputeStack(stack, new[] { 1.0 }, 1));

        Assert.Equal("InvalidOutputIndex", error.ErrorId);
        Assert.Contains("0 to 0", error.Message, StringComparison.Ordinal);
    }

    private static double Output(DenseStack stack, double[] x, int k) => GradientCalculator.ComputeStack(stack, x, k).LayerOutput[^1][k];

    private static void AssertDifference(double analytic, double[] parameters, int index, Func<double> f)
    {
        double saved = parameters[index];
        double h = 1e-5 * Math.Max(1.0, Math.Abs(saved));
        parameters[index] = saved + h;
        double up = f();
        parameters[index] = saved - h;
        double down = f();
        parameters[index] = saved;
        double numeric = (up - down) / (2 * h);
        Assert.True(Math.Abs(numeric - analytic) <= 1e-7 * Math.Max(1.0, Math.Abs(analytic)), FormattableString.Invariant($"analytic {analytic:R}, central difference {numeric:R}"));
    }
}
