using System;

namespace NeuronTools;

/// <summary>Draws starting weights with PyTorch's formulas for the bounds and deviations, reproducibly for a seed.</summary>
public static class WeightInitializer
{
    /// <summary>Draws <paramref name="count"/> weights for a unit with the given fan-in and fan-out.</summary>
    public static double[] Draw(Initialization initialization, int fanIn, int fanOut, int count, int seed)
    {
        if (fanIn < 1 || fanOut < 1 || count < 0)
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidInputCount,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"Fan-in and fan-out must be at least 1 (got {fanIn} and {fanOut})."));
        }

        ModelChecks.WeightCount(count, ErrorIds.TooManyWeights, Wording.Count(fanIn, "input") + " to weigh", "Use fewer inputs.");
        var random = new DeterministicRandom(seed);
        var weights = new double[count];
        Func<double> draw = initialization switch
        {
            Initialization.Zeros => () => 0.0,
            Initialization.Uniform => Uniform(random, 1.0 / Math.Sqrt(fanIn)),
            Initialization.XavierUniform => Uniform(random, Math.Sqrt(6.0 / (fanIn + fanOut))),
            Initialization.XavierNormal => Normal(random, Math.Sqrt(2.0 / (fanIn + fanOut))),
            Initialization.HeUniform => Uniform(random, Math.Sqrt(6.0 / fanIn)),
            Initialization.HeNormal => Normal(random, Math.Sqrt(2.0) / Math.Sqrt(fanIn)),
            _ => throw new ArgumentOutOfRangeException(nameof(initialization), initialization, "Unknown initialization."),
        };

        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = draw();
        }

        return weights;
    }

    /// <summary>A seed for callers that did not choose one.</summary>
    public static int NewSeed() => Guid.NewGuid().GetHashCode();

    private static Func<double> Uniform(DeterministicRandom random, double bound) => () => random.NextUniform(-bound, bound);

    private static Func<double> Normal(DeterministicRandom random, double deviation) => () => deviation * random.NextNormal();
}
