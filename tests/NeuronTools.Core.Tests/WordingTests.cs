using Xunit;

namespace NeuronTools.Tests;

public class WordingTests
{
    [Theory]
    [InlineData(1, "value", "1 value")]
    [InlineData(0, "value", "0 values")]
    [InlineData(2, "row", "2 rows")]
    [InlineData(1, "bias", "1 bias")]
    [InlineData(3, "bias", "3 biases")]
    [InlineData(40, "epoch", "40 epochs")]
    [InlineData(1, "input name", "1 input name")]
    [InlineData(-1, "value", "-1 values")]
    [InlineData(1234567, "weight", "1234567 weights")]
    public void CountPutsTheNounInTheSingularOnlyForOne(long count, string noun, string expected) =>
        Assert.Equal(expected, Wording.Count(count, noun));
}
