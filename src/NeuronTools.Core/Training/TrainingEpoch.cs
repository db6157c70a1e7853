using System.Globalization;

namespace NeuronTools;

/// <summary>One pass over the training rows: the mean loss of its batches, and the validation loss after it.</summary>
public sealed class TrainingEpoch
{
    public TrainingEpoch(int epoch, double loss, double? validationLoss = null, double? accuracy = null, double? validationAccuracy = null)
    {
        Epoch = epoch;
        Loss = loss;
        ValidationLoss = validationLoss;
        Accuracy = accuracy;
        ValidationAccuracy = validationAccuracy;
    }

    /// <summary>1 for the first pass.</summary>
    public int Epoch { get; }

    /// <summary>The training loss, averaged over the epoch's rows as each batch saw them (before its step).</summary>
    public double Loss { get; }

    /// <summary>The loss on the held-out rows after the epoch; null without -ValidationFraction.</summary>
    public double? ValidationLoss { get; }

    /// <summary>The share of training rows classified right during the epoch; null for regression losses.</summary>
    public double? Accuracy { get; }

    public double? ValidationAccuracy { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "Epoch {0}: loss {1:G6}", Epoch, Loss);
}
