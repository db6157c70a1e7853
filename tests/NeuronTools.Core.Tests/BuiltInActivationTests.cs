using System;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class BuiltInActivationTests
{
    [Theory]
    [InlineData("Identity", "")]
    [InlineData("BinaryStep", "")]
    [InlineData("ReLU", "")]
    [InlineData("LeakyReLU", "negative_slope=0.01")]
    [InlineData("PReLU", "init=0.25")]
    [InlineData("RReLU", "lower=0.125, upper=0.3333333333333333")]
    [InlineData("ELU", "alpha=1")]
    [InlineData("SELU", "")]
    [InlineData("CELU", "alpha=1")]
    [InlineData("GELU", "approximate=none")]
    [InlineData("SiLU", "")]
    [InlineData("Mish", "")]
    [InlineData("Sigmoid", "")]
    [InlineData("LogSigmoid", "")]
    [InlineData("Tanh", "")]
    [InlineData("Hardtanh", "min_val=-1, max_val=1")]
    [InlineData("ReLU6", "")]
    [InlineData("Hardsigmoid", "")]
    [InlineData("Hardswish", "")]
    [InlineData("Softplus", "beta=1, threshold=20")]
    [InlineData("Softsign", "")]
    [InlineData("Softshrink", "lambd=0.5")]
    [InlineData("Hardshrink", "lambd=0.5")]
    [InlineData("Tanhshrink", "")]
    [InlineData("Threshold", "threshold (required), value (required)")]
    [InlineData("Exponential", "")]
    [InlineData("SparsePlus", "")]
    [InlineData("SparseSigmoid", "")]
    [InlineData("Squareplus", "b=4")]
    [InlineData("Softmax", "")]
    [InlineData("LogSoftmax", "")]
    [InlineData("Softmin", "")]
    public void EveryActivationOfTheIssueIsListedWithPyTorchsParametersAndDefaults(string name, string parameters)
    {
        Assert.True(ActivationCatalog.TryFind(name, out var definition), name);
        Assert.Equal(name, definition.Name);
        Assert.Equal(parameters, string.Join(", ", definition.Parameters));
    }

    [Fact]
    public void TheCatalogueHasTheThirtyTwoFunctionsOfTheIssueAndNoOthers()
    {
        Assert.Equal(32, ActivationCatalog.All.Count);
        Assert.Equal(new[] { "LogSoftmax", "Softmax", "Softmin" }, ActivationCatalog.All.Where(d => d.IsVector).Select(d => d.Name).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("Linear", "Identity")]
    [InlineData("heaviside", "BinaryStep")]
    [InlineData("SWISH", "SiLU")]
    [InlineData("Logistic", "Sigmoid")]
    [InlineData("hardsilu", "Hardswish")]
    public void AliasesFindTheirFunction(string alias, string name)
    {
        Assert.Equal(name, ActivationCatalog.Create(alias).Name);
        Assert.Contains(alias, ActivationCatalog.Names, StringComparer.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("Sigmoid", -700.0, 9.859676543759770e-305)]
    [InlineData("LogSigmoid", -800.0, -800.0)]
    [InlineData("Softplus", -745.0, 5e-324)]
    [InlineData("GELU", -10.0, -7.619853024160526e-23)]
    [InlineData("ELU", -1e-10, -9.9999999995e-11)]
    [InlineData("Tanhshrink", 1e-6, 3.3333333333319997e-19)]
    [InlineData("Mish", -30.0, -2.807286890651921e-12)]
    [InlineData("SELU", -1e-12, -1.7580993408464977e-12)]
    [InlineData("GELU(approximate=tanh)", -10.0, -1.2040923482098103e-37)]
    [InlineData("Squareplus", -1e300, 1e-300)]
    public void TailValuesKeepTheirRelativePrecision(string name, double x, double expected)
    {
        double value = ActivationCatalog.CreateScalar(name).Value(x);

        Assert.True(Math.Abs(value - expected) <= Math.Abs(expected) * 1e-15 || value == expected, FormattableString.Invariant($"{name}({x}) = {value:R}, expected {expected:R}"));
    }

    [Theory]
    [InlineData("ReLU", 0.0, 0.0)]
    [InlineData("LeakyReLU(negative_slope=0.2)", 0.0, 0.2)]
    [InlineData("PReLU", 0.0, 0.25)]
    [InlineData("RReLU(lower=0.1, upper=0.3)", 0.0, 0.2)]
    [InlineData("ELU(alpha=0.5)", 0.0, 0.5)]
    [InlineData("SELU", 0.0, 1.7580993408473768)]
    [InlineData("CELU(alpha=2)", 0.0, 1.0)]
    [InlineData("Hardtanh", -1.0, 0.0)]
    [InlineData("Hardtanh", 1.0, 0.0)]
    [InlineData("ReLU6", 0.0, 0.0)]
    [InlineData("ReLU6", 6.0, 0.0)]
    [InlineData("Hardsigmoid", -3.0, 0.0)]
    [InlineData("Hardsigmoid", 3.0, 0.0)]
    [InlineData("Hardswish", -3.0, 0.0)]
    [InlineData("Hardswish", 3.0, 1.0)]
    [InlineData("Softshrink", 0.5, 0.0)]
    [InlineData("Softshrink", -0.5, 0.0)]
    [InlineData("Hardshrink", 0.5, 0.0)]
    [InlineData("Hardshrink", -0.5, 0.0)]
    [InlineData("Threshold(threshold=1, value=5)", 1.0, 0.0)]
    [InlineData("BinaryStep", 0.0, 0.0)]
    [InlineData("SparseSigmoid", -1.0, 0.0)]
    [InlineData("SparseSigmoid", 1.0, 0.0)]
    [InlineData("SparsePlus", 1.0, 1.0)]
    [InlineData("Softplus", 20.0, 0.9999999979388463)]
    [InlineData("Softplus", 20.000000000000004, 1.0)]
    [InlineData("Squareplus(b=0)", 0.0, 0.5)]
    public void DerivativesAtKinksFollowPyTorchsAutograd(string name, double x, double derivative)
    {
        Assert.Equal(derivative, ActivationCatalog.CreateScalar(name).Derivative(x));
    }

    [Fact]
    public void TheHardswishConventionIsDocumentedWithBothPyTorchVersions()
    {
        string convention = ActivationCatalog.Create("Hardswish").Definition.KinkConvention;

        Assert.Contains("Hardswish′(−3) = 0", convention, StringComparison.Ordinal);
        Assert.Contains("Hardswish′(3) = 1", convention, StringComparison.Ordinal);
        Assert.Contains("−0.5 and 1.5", convention, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sigmoid", 1.0, 0.0, 0.0, 0.0)]
    [InlineData("LogSigmoid", 0.0, 0.0, double.NegativeInfinity, 1.0)]
    [InlineData("ReLU", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("LeakyReLU", double.PositiveInfinity, 1.0, double.NegativeInfinity, 0.01)]
    [InlineData("ELU(alpha=2)", double.PositiveInfinity, 1.0, -2.0, 0.0)]
    [InlineData("SELU", double.PositiveInfinity, 1.0507009873554805, -1.7580993408473768, 0.0)]
    [InlineData("CELU(alpha=2)", double.PositiveInfinity, 1.0, -2.0, 0.0)]
    [InlineData("GELU", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("GELU(approximate=tanh)", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("SiLU", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("Mish", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("Tanh", 1.0, 0.0, -1.0, 0.0)]
    [InlineData("Hardtanh", 1.0, 0.0, -1.0, 0.0)]
    [InlineData("Hardswish", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("Softplus", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("Softsign", 1.0, 0.0, -1.0, 0.0)]
    [InlineData("Softshrink", double.PositiveInfinity, 1.0, double.NegativeInfinity, 1.0)]
    [InlineData("Tanhshrink", double.PositiveInfinity, 1.0, double.NegativeInfinity, 1.0)]
    [InlineData("Threshold(threshold=0, value=-3)", double.PositiveInfinity, 1.0, -3.0, 0.0)]
    [InlineData("Exponential", double.PositiveInfinity, double.PositiveInfinity, 0.0, 0.0)]
    [InlineData("SparsePlus", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    [InlineData("Squareplus", double.PositiveInfinity, 1.0, 0.0, 0.0)]
    public void InfinitiesGiveTheMathematicalLimits(string name, double atPlus, double slopeAtPlus, double atMinus, double slopeAtMinus)
    {
        var f = ActivationCatalog.CreateScalar(name);

        Assert.Equal(atPlus, f.Value(double.PositiveInfinity));
        Assert.Equal(slopeAtPlus, f.Derivative(double.PositiveInfinity));
        Assert.Equal(atMinus, f.Value(double.NegativeInfinity));
        Assert.Equal(slopeAtMinus, f.Derivative(double.NegativeInfinity));
    }

    [Theory]
    [InlineData(800.0)]
    [InlineData(-800.0)]
    public void SigmoidsDerivativeIsZeroNotNaNFarOut(double x)
    {
        Assert.Equal(0.0, ActivationCatalog.CreateScalar("Sigmoid").Derivative(x));
    }

    [Theory]
    [InlineData("ELU(0.5)", "ELU(alpha=0.5)")]
    [InlineData("Softplus(beta=2, threshold=10)", "Softplus(beta=2, threshold=10)")]
    [InlineData("softplus(Threshold=10, BETA=2)", "Softplus(beta=2, threshold=10)")]
    [InlineData("GELU(approximate=tanh)", "GELU(approximate=tanh)")]
    [InlineData("GELU(approximate='TANH')", "GELU(approximate=tanh)")]
    [InlineData("gelu(approximate=none)", "GELU")]
    [InlineData("Hardtanh(minval=-2, max-val=2)", "Hardtanh(min_val=-2, max_val=2)")]
    [InlineData("Threshold(0.5, 0)", "Threshold(threshold=0.5, value=0)")]
    [InlineData("RReLU(lower=0.125, upper=0.3333333333333333)", "RReLU")]
    public void SpecificationsReadParametersByNameOrPosition(string specification, string canonical)
    {
        Assert.Equal(canonical, ActivationCatalog.Create(specification).Specification);
    }

    [Theory]
    [InlineData("Softplus(beta=0)", "InvalidActivationParameter", "beta", "> 0")]
    [InlineData("Softplus(beta=-1)", "InvalidActivationParameter", "beta", "> 0")]
    [InlineData("Hardtanh(min_val=1, max_val=1)", "InvalidActivationParameter", "min_val", "max_val")]
    [InlineData("Hardtanh(min_val=2)", "InvalidActivationParameter", "min_val", "max_val")]
    [InlineData("RReLU(lower=0.5, upper=0.1)", "InvalidActivationParameter", "lower", "upper")]
    [InlineData("GELU(approximate=foo)", "InvalidActivationParameter", "approximate", "one of none, tanh")]
    [InlineData("CELU(alpha=0)", "InvalidActivationParameter", "alpha", "but 0")]
    [InlineData("Softshrink(lambd=-1)", "InvalidActivationParameter", "lambd", "≥ 0")]
    [InlineData("Hardshrink(-0.5)", "InvalidActivationParameter", "lambd", "≥ 0")]
    [InlineData("Squareplus(b=-4)", "InvalidActivationParameter", "'b'", "≥ 0")]
    [InlineData("ELU(alpha=Infinity)", "InvalidActivationParameter", "alpha", "finite")]
    [InlineData("Softplus(gamma=2)", "UnknownActivationParameter", "gamma", "beta=1")]
    [InlineData("SELU(1)", "UnknownActivationParameter", "SELU", "no parameters")]
    [InlineData("Threshold", "MissingActivationParameter", "threshold", "value")]
    [InlineData("Threshold(threshold=1)", "MissingActivationParameter", "'value'", "threshold")]
    [InlineData("Softplus(beta=2", "InvalidActivationSpecification", "position", "')'")]
    [InlineData("Softplus(beta=2,)", "InvalidActivationSpecification", "position", "name=value")]
    public void ABadSpecificationNamesTheParameterAndItsAllowedValues(string specification, string errorId, string first, string second)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.Create(specification));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(first, error.Message, StringComparison.Ordinal);
        Assert.Contains(second, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Softmax")]
    [InlineData("logsoftmax")]
    [InlineData("Softmin")]
    public void ANeuronCannotUseAVectorFunction(string name)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.CreateScalar(name));

        Assert.Equal("VectorActivationNotAllowed", error.ErrorId);
    }

    [Theory]
    [InlineData("Softmax", new[] { 1000.0, 1000.0 }, new[] { 0.5, 0.5 }, new[] { 0.25, 0.25 })]
    [InlineData("Softmax", new[] { 3.0, 3.0, 3.0, 3.0 }, new[] { 0.25, 0.25, 0.25, 0.25 }, new[] { 0.1875, 0.1875, 0.1875, 0.1875 })]
    [InlineData("Softmax", new[] { -1000.0, -1000.0 }, new[] { 0.5, 0.5 }, new[] { 0.25, 0.25 })]
    [InlineData("Softmax", new[] { 7.0 }, new[] { 1.0 }, new[] { 0.0 })]
    [InlineData("Softmax", new[] { double.PositiveInfinity, 1.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 0.0 })]
    [InlineData("Softmax", new[] { double.PositiveInfinity, double.PositiveInfinity, 1.0 }, new[] { 0.5, 0.5, 0.0 }, new[] { 0.25, 0.25, 0.0 })]
    [InlineData("Softmax", new[] { double.NegativeInfinity, 0.0 }, new[] { 0.0, 1.0 }, new[] { 0.0, 0.0 })]
    [InlineData("Softmax", new[] { double.NegativeInfinity, double.NegativeInfinity }, new[] { 0.5, 0.5 }, new[] { 0.25, 0.25 })]
    [InlineData("Softmin", new[] { 1000.0, 1000.0 }, new[] { 0.5, 0.5 }, new[] { -0.25, -0.25 })]
    [InlineData("Softmin", new[] { double.NegativeInfinity, 1.0 }, new[] { 1.0, 0.0 }, new[] { 0.0, 0.0 })]
    [InlineData("LogSoftmax", new[] { 1000.0, 1000.0 }, new[] { -0.6931471805599453, -0.6931471805599453 }, new[] { 0.5, 0.5 })]
    [InlineData("LogSoftmax", new[] { double.NegativeInfinity, 0.0 }, new[] { double.NegativeInfinity, 0.0 }, new[] { 1.0, 0.0 })]
    public void VectorFunctionsAreExactForLargeEqualAndInfiniteInputs(string name, double[] input, double[] output, double[] derivative)
    {
        var values = ActivationCatalog.Create(name).Evaluate(input);

        Assert.Equal(output, values.Select(v => v.Output));
        Assert.Equal(derivative, values.Select(v => v.Derivative));
    }

    [Fact]
    public void AVectorWithNaNIsNaNInputNamingThePosition()
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.Create("Softmax").Evaluate(new[] { 1.0, double.NaN }));

        Assert.Equal("NaNInput", error.ErrorId);
        Assert.Contains("position 1", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GELU")]
    [InlineData("Softplus(beta=2, threshold=10)")]
    [InlineData("Threshold(threshold=1, value=5)")]
    public void NaNIsRefusedNotPassedOn(string name)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.CreateScalar(name).Evaluate(double.NaN));

        Assert.Equal("NaNInput", error.ErrorId);
    }

    [Fact]
    public void EveryNumberParameterRefusesNaNAndInfinity()
    {
        foreach (var definition in ActivationCatalog.All)
        {
            foreach (var parameter in definition.Parameters.Where(p => !p.IsChoice))
            {
                foreach (string bad in new[] { "NaN", "Infinity", "-Infinity" })
                {
                    var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.Create($"{definition.Name}({parameter.Name}={bad})"));
                    Assert.Equal("InvalidActivationParameter", error.ErrorId);
                    Assert.Contains(parameter.Name, error.Message, StringComparison.Ordinal);
                }
            }
        }
    }
}
