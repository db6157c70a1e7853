namespace NeuronTools.Benchmarks;

/// <summary>Rows and their class indexes for the training benchmark.</summary>
public sealed class TrainingSet
{
    public TrainingSet(double[][] input, int[] @class)
    {
        Input = input;
        Class = @class;
    }

    public double[][] Input { get; }

    public int[] Class { get; }
}
