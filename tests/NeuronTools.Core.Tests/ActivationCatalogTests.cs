using System;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class ActivationCatalogTests
{
    [Theory]
    [InlineData("relu", "ReLU")]
    [InlineData("RELU", "ReLU")]
    [InlineData("Linear", "Identity")]
    [InlineData("heaviside", "BinaryStep")]
    [InlineData("logistic", "Sigmoid")]
    [InlineData("  Tanh ", "Tanh")]
    public void NamesAndAliasesAreFoundWhateverTheirCase(string name, string expected)
    {
        Assert.Equal(expected, ActivationCatalog.Create(name).Name);
    }

    [Fact]
    public void TheFoundationActivationsAreInTheCatalogue()
    {
        var names = ActivationCatalog.All.Select(d => d.Name).ToArray();

        Assert.Superset(new[] { "Identity", "BinaryStep", "ReLU", "LeakyReLU", "Sigmoid", "Tanh" }.ToHashSet(), names.ToHashSet());
    }

    [Fact]
    public void EveryEntryDescribesItself()
    {
        foreach (var definition in ActivationCatalog.All)
        {
            Assert.False(string.IsNullOrWhiteSpace(definition.Formula), definition.Name);
            Assert.False(string.IsNullOrWhiteSpace(definition.DerivativeFormula), definition.Name);
            Assert.False(string.IsNullOrWhiteSpace(definition.Range), definition.Name);
            Assert.False(string.IsNullOrWhiteSpace(definition.KinkConvention), definition.Name);
        }
    }

    [Fact]
    public void NoTwoEntriesShareANameOrAlias()
    {
        var names = ActivationCatalog.Names.Select(n => n.ToUpperInvariant()).ToArray();

        Assert.Equal(names.Length, names.Distinct().Count());
    }

    [Theory]
    [InlineData("Relu7", "ReLU")]
    [InlineData("sigmoyd", "Sigmoid")]
    [InlineData("LeakyRelu2", "LeakyReLU")]
    public void AnUnknownNameSuggestsTheClosestNames(string name, string suggestion)
    {
        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.Create(name));

        Assert.Equal("UnknownActivation", error.ErrorId);
        Assert.Contains("'" + suggestion + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Get-Activation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultParametersAreLeftOutOfTheSpecification()
    {
        Assert.Equal("LeakyReLU", ActivationCatalog.Create("LeakyReLU(negative_slope=0.01)").Specification);
        Assert.Equal("LeakyReLU(negative_slope=0.2)", ActivationCatalog.Create("leakyrelu( NegativeSlope = 0.2 )").Specification);
    }

    [Theory]
    [InlineData(2_000_000)]
    [InlineData(20_000_000)]
    public void AHugeUnknownNameIsRefusedWithAShortMessage(int length)
    {
        string name = new('y', length);

        var error = Assert.Throws<NeuronToolsException>(() => ActivationCatalog.Create(name));

        Assert.Equal("UnknownActivation", error.ErrorId);
        Assert.True(error.Message.Length < 400, "The message is " + error.Message.Length + " characters long.");
        Assert.Contains(FormattableString.Invariant($"{length} characters in all"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameLongerThanTwiceTheLongestKnownOneIsNeverCompared()
    {
        // Comparing costs the product of the lengths: a million-character name would take seconds per catalogue entry.
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var suggestions = ActivationCatalog.Suggest(new string('r', 20_000_000));
        watch.Stop();

        Assert.Empty(suggestions);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), "Suggest took " + watch.Elapsed);
    }

    [Theory]
    [InlineData("relux", "ReLU")]
    [InlineData("sigmod", "Sigmoid")]
    public void ANearMissIsStillSuggested(string name, string expected)
    {
        Assert.Contains(expected, ActivationCatalog.Suggest(name));
    }
}
