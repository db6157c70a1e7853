using System;
using Xunit;

namespace NeuronTools.Tests;

/// <summary>Every construction error names the argument it is about, so that the cmdlets can target the offending value.</summary>
public class NeuronToolsExceptionTests
{
    [Theory]
    [InlineData("an empty weight list", "EmptyWeight", "weight")]
    [InlineData("a NaN weight", "NonFiniteWeight", "weight")]
    [InlineData("an infinite bias", "NonFiniteBias", "bias")]
    [InlineData("too few input names", "InputNameCountMismatch", "inputName")]
    [InlineData("a duplicate input name", "DuplicateInputName", "inputName")]
    [InlineData("an empty input name", "InvalidInputName", "inputName")]
    public void ANeuronErrorNamesItsArgument(string scenario, string errorId, string parameterName)
    {
        Func<Neuron> build = scenario switch
        {
            "an empty weight list" => () => new Neuron(Array.Empty<double>()),
            "a NaN weight" => () => new Neuron(new[] { 1.0, double.NaN }),
            "an infinite bias" => () => new Neuron(new[] { 1.0 }, double.PositiveInfinity),
            "too few input names" => () => new Neuron(new[] { 1.0, 2.0 }, inputName: new[] { "a" }),
            "a duplicate input name" => () => new Neuron(new[] { 1.0, 2.0 }, inputName: new[] { "a", "A" }),
            _ => () => new Neuron(new[] { 1.0 }, inputName: new[] { " " }),
        };

        var error = Assert.Throws<NeuronToolsException>(build);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameterName, error.ParameterName);
    }

    [Theory]
    [InlineData("a ragged matrix", "RaggedWeight", "weight")]
    [InlineData("an infinite weight", "NonFiniteWeight", "weight")]
    [InlineData("too few biases", "BiasCountMismatch", "bias")]
    [InlineData("a NaN bias", "NonFiniteBias", "bias")]
    public void ALayerErrorNamesItsArgument(string scenario, string errorId, string parameterName)
    {
        Func<NeuronLayer> build = scenario switch
        {
            "a ragged matrix" => () => new NeuronLayer(new[] { new[] { 1.0, 2.0 }, new[] { 3.0 } }),
            "an infinite weight" => () => new NeuronLayer(new[] { new[] { 1.0, double.NegativeInfinity } }),
            "too few biases" => () => new NeuronLayer(new[] { new[] { 1.0 }, new[] { 2.0 } }, new[] { 0.0 }),
            _ => () => new NeuronLayer(new[] { new[] { 1.0 } }, new[] { double.NaN }),
        };

        var error = Assert.Throws<NeuronToolsException>(build);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameterName, error.ParameterName);
    }

    [Theory]
    [InlineData("a shape without a layer", "InvalidShape", "shape")]
    [InlineData("names for the wrong number of inputs", "InputNameCountMismatch", "inputName")]
    [InlineData("two activations for three layers", "ActivationCountMismatch", "activations")]
    public void ANetworkErrorNamesItsArgument(string scenario, string errorId, string parameterName)
    {
        var relu = ActivationCatalog.Create("ReLU");
        Func<NeuronNetwork> build = scenario switch
        {
            "a shape without a layer" => () => NeuronNetwork.Create(new[] { 3 }, new[] { relu }),
            "names for the wrong number of inputs" => () => NeuronNetwork.Create(new[] { 3, 4, 2 }, new[] { relu }, inputName: new[] { "a", "b" }),
            _ => () => NeuronNetwork.Create(new[] { 3, 4, 2, 1 }, new[] { relu, relu }),
        };

        var error = Assert.Throws<NeuronToolsException>(build);

        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(parameterName, error.ParameterName);
    }

    [Fact]
    public void LayersThatDoNotFitNameTheLayers()
    {
        var error = Assert.Throws<NeuronToolsException>(() => new NeuronNetwork(new[] { new NeuronLayer(new[] { new[] { 1.0 } }), new NeuronLayer(new[] { new[] { 1.0, 2.0 } }) }));

        Assert.Equal("LayerShapeMismatch", error.ErrorId);
        Assert.Equal("layers", error.ParameterName);
        Assert.Contains("has 1 neuron, so it gives 1 output, but Layers[1] takes 2 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnInputProblemNamesNoArgument()
    {
        var error = Assert.Throws<NeuronToolsException>(() => new Neuron(new[] { 1.0, 2.0 }).Evaluate(new[] { 1.0 }));

        Assert.Equal("InputCountMismatch", error.ErrorId);
        Assert.Null(error.ParameterName);
        Assert.Contains("has 2 weights but the input has 1 value.", error.Message, StringComparison.Ordinal);
    }
}
