using System;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class DenseStackTests
{
    [Theory]
    [InlineData("ReLU")]
    [InlineData("Identity")]
    public void TheInlinedActivationsGiveExactlyTheCataloguesValuesAndDerivatives(string name)
    {
        var activation = ActivationCatalog.CreateScalar(name);
        double[] values = { 0.0, -0.0, 1e-320, -1e-320, double.Epsilon, -3.5, 2.25, 1e308, -1e308, 0.1 };

        // One input with weight 1 and bias 0 makes a = x, so the layer's output is f(x) and its derivative f′(x).
        var stack = new DenseStack(new[] { new DenseLayer(new[] { 1.0 }, new[] { 0.0 }, 1, activation) });
        var workspace = new DenseWorkspace(stack, values.Length);
        Array.Copy(values, workspace.Input, values.Length);
        workspace.Forward(values.Length);

        for (int k = 0; k < values.Length; k++)
        {
            double a = workspace.PreActivation[0][k];
            Assert.Equal(BitConverter.DoubleToInt64Bits(activation.Value(a)), BitConverter.DoubleToInt64Bits(workspace.Output[0][k]));
            Assert.Equal(activation.Derivative(a), workspace.Derivative[0][k]);
        }
    }

    [Fact]
    public void TheForwardPassOfEveryRowOfABatchSumsAsANeuronDoes()
    {
        // Five rows: four go through the interleaved path, one through the single-row path.
        var neuron = new Neuron(new[] { 1e16, 1.0, -1e16, 0.3 }, 0.7, ActivationCatalog.CreateScalar("Identity"));
        var rows = new[]
        {
            new[] { 1.0, 1.0, 1.0, 0.1 }, new[] { 0.3, -0.2, 0.3, 7.0 }, new[] { 1.0, 3.0, 1.0, 0.0 },
            new[] { -2.0, 0.5, -2.0, 1.0 }, new[] { 1.0, 1e-3, 1.0, 2.0 },
        };
        var stack = neuron.ToStack();
        var workspace = new DenseWorkspace(stack, rows.Length);
        Array.Copy(rows.SelectMany(r => r).ToArray(), workspace.Input, rows.Length * 4);

        workspace.Forward(rows.Length);

        Assert.Equal(rows.Select(neuron.PreActivation).ToArray(), workspace.PreActivation[0].Take(rows.Length).ToArray());
    }
}
