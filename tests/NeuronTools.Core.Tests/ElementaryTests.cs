using System;
using Xunit;

namespace NeuronTools.Tests;

public class ElementaryTests
{
    [Theory]
    [InlineData(-3.0, 0.0, 0.0)]
    [InlineData(0.0, 0.0, 0.0)]
    [InlineData(1e-300, 1e-300, 1.0)]
    [InlineData(7.5, 7.5, 1.0)]
    [InlineData(double.PositiveInfinity, double.PositiveInfinity, 1.0)]
    [InlineData(double.NegativeInfinity, 0.0, 0.0)]
    public void ReluIsMaxOfZeroAndXWithZeroDerivativeAtZero(double x, double value, double derivative)
    {
        var relu = ActivationCatalog.CreateScalar("ReLU");

        Assert.Equal(value, relu.Value(x));
        Assert.Equal(derivative, relu.Derivative(x));
    }

    [Theory]
    [InlineData("Identity", -2.5, -2.5, 1.0)]
    [InlineData("BinaryStep", -1e-300, 0.0, 0.0)]
    [InlineData("BinaryStep", 0.0, 1.0, 0.0)]
    [InlineData("BinaryStep", 3.0, 1.0, 0.0)]
    [InlineData("LeakyReLU", -2.0, -0.02, 0.01)]
    [InlineData("LeakyReLU", 0.0, 0.0, 0.01)]
    [InlineData("LeakyReLU", 2.0, 2.0, 1.0)]
    [InlineData("Sigmoid", 0.0, 0.5, 0.25)]
    [InlineData("Sigmoid", double.PositiveInfinity, 1.0, 0.0)]
    [InlineData("Sigmoid", double.NegativeInfinity, 0.0, 0.0)]
    [InlineData("Tanh", 0.0, 0.0, 1.0)]
    [InlineData("Tanh", double.PositiveInfinity, 1.0, 0.0)]
    [InlineData("Tanh", double.NegativeInfinity, -1.0, 0.0)]
    public void ExactValuesAndDerivatives(string name, double x, double value, double derivative)
    {
        var function = ActivationCatalog.CreateScalar(name);

        Assert.Equal(value, function.Value(x));
        Assert.Equal(derivative, function.Derivative(x));
    }

    [Theory]
    [InlineData(-700.0, 9.859676543759770e-305)]
    [InlineData(-30.0, 9.357622968839299e-14)]
    [InlineData(2.0, 0.8807970779778823)]
    [InlineData(40.0, 1.0)]
    public void SigmoidKeepsItsRelativePrecisionInTheTail(double x, double expected)
    {
        Assert.Equal(expected, Elementary.Sigmoid(x), expected * 4e-16);
    }

    [Theory]
    [InlineData(800.0)]
    [InlineData(-800.0)]
    [InlineData(1e308)]
    public void SigmoidAndTanhDerivativesUnderflowToZeroNotNaN(double x)
    {
        Assert.Equal(0.0, Elementary.SigmoidDerivative(x));
        Assert.Equal(0.0, Elementary.TanhDerivative(x));
    }

    [Theory]
    [InlineData(30.0, 9.3576229688384254e-14)]
    [InlineData(-2.0, 0.10499358540350652)]
    public void SigmoidDerivativeHasNoCancellation(double x, double expected)
    {
        Assert.Equal(expected, Elementary.SigmoidDerivative(x), expected * 4e-16);
    }

    [Theory]
    [InlineData(20.0, 1.6993417021166355e-17)]
    [InlineData(0.5, 0.7864477329659274)]
    public void TanhDerivativeHasNoCancellation(double x, double expected)
    {
        Assert.Equal(expected, Elementary.TanhDerivative(x), expected * 4e-16);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1e-8)]
    [InlineData(19.0)]
    [InlineData(123.456)]
    public void TanhIsOddToTheBit(double x)
    {
        Assert.Equal(-Elementary.Tanh(x), Elementary.Tanh(-x));
    }
}
