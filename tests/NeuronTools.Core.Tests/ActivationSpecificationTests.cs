using System;
using Xunit;

namespace NeuronTools.Tests;

public class ActivationSpecificationTests
{
    [Theory]
    [InlineData("LeakyReLU(negative_slope=0.2)", 0.2)]
    [InlineData("LeakyReLU(NEGATIVE_SLOPE=0.2)", 0.2)]
    [InlineData("LeakyReLU(negativeslope=0.2)", 0.2)]
    [InlineData("LeakyReLU(0.2)", 0.2)]
    [InlineData("LeakyReLU()", 0.01)]
    [InlineData("LeakyReLU", 0.01)]
    [InlineData("LeakyReLU(negative_slope=2e-1)", 0.2)]
    public void ParametersBindByNameWithOrWithoutUnderscoresOrInOrder(string specification, double slope)
    {
        var leaky = ActivationCatalog.CreateScalar(specification);

        Assert.Equal(slope, leaky.Derivative(-1.0));
        Assert.Equal(-slope * 3, leaky.Value(-3.0), 15);
    }

    [Theory]
    [InlineData("LeakyReLU(slope=0.2)", "UnknownActivationParameter", "negative_slope")]
    [InlineData("LeakyReLU(0.2, 0.3)", "UnknownActivationParameter", "negative_slope")]
    [InlineData("ReLU(1)", "UnknownActivationParameter", "no parameters")]
    [InlineData("LeakyReLU(negative_slope=abc)", "InvalidActivationParameter", "negative_slope")]
    [InlineData("LeakyReLU(negative_slope=0,2)", "UnknownActivationParameter", "negative_slope")]
    [InlineData("LeakyReLU(negative_slope=0.1, negative_slope=0.2)", "InvalidActivationSpecification", "more than once")]
    [InlineData("LeakyReLU(negative_slope=0.2", "InvalidActivationSpecification", "')'")]
    [InlineData("LeakyReLU(negative_slope=)", "InvalidActivationSpecification", "position")]
    [InlineData("(0.2)", "InvalidActivationSpecification", "activation name")]
    [InlineData("ReLU x", "InvalidActivationSpecification", "position 6")]
    public void ABadSpecificationNamesWhatIsWrong(string specification, string errorId, string mentioned)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.Create(specification));

        Assert.Equal(errorId, error.ErrorId);
        Assert.Contains(mentioned, error.Message, StringComparison.Ordinal);
    }
}
