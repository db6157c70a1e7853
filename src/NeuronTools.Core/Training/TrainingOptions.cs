using System;

namespace NeuronTools;

/// <summary>The settings of one training run. Unset values take the defaults documented on each property.</summary>
public sealed class TrainingOptions
{
    /// <summary>The loss to minimise; mean squared error by default.</summary>
    public LossFunction Loss { get; set; } = LossFunction.MeanSquaredError;

    public Optimizer Optimizer { get; set; } = Optimizer.Adam;

    /// <summary>The step size; when null, 0.001 for Adam (PyTorch's default) and 0.01 for SGD and Momentum.</summary>
    public double? LearningRate { get; set; }

    /// <summary>μ of <see cref="NeuronTools.Optimizer.Momentum"/>.</summary>
    public double Momentum { get; set; } = 0.9;

    public double Beta1 { get; set; } = 0.9;

    public double Beta2 { get; set; } = 0.999;

    public double Epsilon { get; set; } = 1e-8;

    /// <summary>How many passes over the training rows.</summary>
    public int EpochCount { get; set; } = 100;

    /// <summary>Rows per gradient step; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Seeds the validation split and the shuffling of every epoch; when null a seed is drawn and recorded in the history.</summary>
    public int? Seed { get; set; }

    /// <summary>The share of rows, in [0, 1), held out to measure the validation loss; none by default.</summary>
    public double ValidationFraction { get; set; }

    internal double EffectiveLearningRate => LearningRate ?? (Optimizer == Optimizer.Adam ? 0.001 : 0.01);

    internal void Validate()
    {
        Check(EffectiveLearningRate > 0 && !double.IsInfinity(EffectiveLearningRate), "LearningRate", EffectiveLearningRate, "a positive number such as 0.01");
        Check(EpochCount >= 1, "Epoch", EpochCount, "a whole number of at least 1");
        Check(BatchSize >= 1, "BatchSize", BatchSize, "a whole number of at least 1");
        Check(ValidationFraction >= 0 && ValidationFraction < 1, "ValidationFraction", ValidationFraction, "a number in [0, 1), such as 0.2");
        Check(Momentum >= 0 && Momentum < 1, "Momentum", Momentum, "a number in [0, 1)");
        Check(Beta1 >= 0 && Beta1 < 1 && Beta2 >= 0 && Beta2 < 1, "Beta", Beta1, "β1 and β2 in [0, 1)");
        Check(Epsilon > 0, "Epsilon", Epsilon, "a small positive number such as 1e-8");
    }

    private static void Check(bool ok, string name, double value, string wanted)
    {
        if (!ok)
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidTrainingOption,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"-{name} is {value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}; it must be {wanted}."));
        }
    }
}
