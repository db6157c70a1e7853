using System;
using Xunit;

namespace NeuronTools.Tests;

public class NeuronTests
{
    private static Neuron ArticleNeuron(string activation = "ReLU") =>
        new(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar(activation));

    [Fact]
    public void EvaluateFollowsTheArticlesCalculationStepByStep()
    {
        var output = ArticleNeuron().Evaluate(new[] { 5.0, 3.0, 1.0 });

        Assert.Equal(new[] { 2.5, -3.0, 2.0 }, output.WeightedInput);
        Assert.Equal(2.0, output.PreActivation);
        Assert.Equal(2.0, output.Output);
        Assert.Equal(1.0, output.Derivative);
        Assert.Equal("ReLU", output.Activation);
    }

    [Theory]
    [InlineData(new[] { 1.0, 4.0, 0.0 }, -3.0, 0.0, 0.0)]
    [InlineData(new[] { 0.0, 0.0, 0.0 }, 0.5, 0.5, 1.0)]
    [InlineData(new[] { 1.0, 0.5, -0.5 }, -0.5, 0.0, 0.0)]
    [InlineData(new[] { -4.0, 1.0, 2.0 }, 1.5, 1.5, 1.0)]
    public void ReluNeuronGivesMaxOfZeroAndTheWeightedSumPlusBias(double[] input, double a, double z, double derivative)
    {
        var output = ArticleNeuron().Evaluate(input);

        Assert.Equal(a, output.PreActivation);
        Assert.Equal(z, output.Output);
        Assert.Equal(derivative, output.Derivative);
    }

    [Fact]
    public void ReluDerivativeAtAPreActivationOfExactlyZeroIsZero()
    {
        // 0.5*1 + (-1)*0.5 + 2*(-0.25) + 0.5 = 0 exactly.
        var output = ArticleNeuron().Evaluate(new[] { 1.0, 0.5, -0.25 });

        Assert.Equal(0.0, output.PreActivation);
        Assert.Equal(0.0, output.Derivative);
    }

    [Fact]
    public void PreActivationSumsInTheDocumentedOrderThenAddsTheBias()
    {
        // The order matters in floating point. DotProduct's order puts x1 and x3 in one pair and x2 in the other:
        // (1e16 + -1e16) + 1 = 1, where left to right, (1e16 + 1) + -1e16, would give 0.
        var neuron = new Neuron(new[] { 1.0, 1.0, 1.0 }, 0.0, ActivationCatalog.CreateScalar("Identity"));

        Assert.Equal(1.0, neuron.PreActivation(new[] { 1e16, 1.0, -1e16 }));
    }

    [Fact]
    public void EvaluateCopiesItsInputSoLaterChangesDoNotLeakIn()
    {
        var input = new[] { 5.0, 3.0, 1.0 };
        var output = ArticleNeuron().Evaluate(input);
        input[0] = 100;

        Assert.Equal(5.0, output.Input[0]);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public void AnInputOfTheWrongLengthIsInputCountMismatchWithBothCounts(int length)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ArticleNeuron().Evaluate(new double[length]));

        Assert.Equal("InputCountMismatch", error.ErrorId);
        Assert.Contains("3 weights", error.Message, StringComparison.Ordinal);
        Assert.Contains(length + " values", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANonFiniteInputIsRefused(double bad)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ArticleNeuron().Evaluate(new[] { 1.0, bad, 1.0 }));

        Assert.Equal("NonFiniteInput", error.ErrorId);
        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FiniteInputsWhoseSumOverflowsAreNonFiniteResult()
    {
        var neuron = new Neuron(new[] { 1.0, 1.0 });

        var error = Assert.Throws<NeuronToolsException>(() => neuron.Evaluate(new[] { double.MaxValue, double.MaxValue }));

        Assert.Equal("NonFiniteResult", error.ErrorId);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void NonFiniteWeightsAndBiasesAreRefused(double bad)
    {
        Assert.Equal("NonFiniteWeight", Assert.Throws<NeuronToolsException>(() => new Neuron(new[] { 1.0, bad })).ErrorId);
        Assert.Equal("NonFiniteBias", Assert.Throws<NeuronToolsException>(() => new Neuron(new[] { 1.0 }, bad)).ErrorId);
    }

    [Fact]
    public void ANeuronWithoutWeightsIsRefused()
    {
        Assert.Equal("EmptyWeight", Assert.Throws<NeuronToolsException>(() => new Neuron(Array.Empty<double>())).ErrorId);
    }

    [Fact]
    public void TheNeuronKeepsItsOwnCopyOfTheWeights()
    {
        var weights = new[] { 1.0, 2.0 };
        var neuron = new Neuron(weights);
        weights[0] = 99;

        Assert.Equal(1.0, neuron.Weight[0]);
        Assert.Equal(2, neuron.InputCount);
    }

    [Fact]
    public void ActivationDefaultsToRelu()
    {
        Assert.Equal("ReLU", new Neuron(new[] { 1.0 }).Activation.Name);
    }

    [Theory]
    [InlineData(new[] { "a", "A" }, "DuplicateInputName")]
    [InlineData(new[] { "a" }, "InputNameCountMismatch")]
    [InlineData(new[] { "a", " " }, "InvalidInputName")]
    public void InputNamesMustBeOnePerWeightAndUnique(string[] names, string errorId)
    {
        var error = Assert.Throws<NeuronToolsException>(() => new Neuron(new[] { 1.0, 2.0 }, inputName: names));

        Assert.Equal(errorId, error.ErrorId);
    }
}
