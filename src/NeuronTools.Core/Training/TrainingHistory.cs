using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>How a model was trained: the settings, the seed actually used, and the loss of every epoch.</summary>
public sealed class TrainingHistory
{
    public TrainingHistory(
        LossFunction loss,
        Optimizer optimizer,
        double learningRate,
        int batchSize,
        int seed,
        int trainingRowCount,
        int validationRowCount,
        IEnumerable<TrainingEpoch> epoch,
        bool stopped = false)
    {
        if (epoch is null)
        {
            throw new ArgumentNullException(nameof(epoch));
        }

        Loss = loss;
        Optimizer = optimizer;
        LearningRate = learningRate;
        BatchSize = batchSize;
        Seed = seed;
        TrainingRowCount = trainingRowCount;
        ValidationRowCount = validationRowCount;
        Epoch = new ReadOnlyCollection<TrainingEpoch>(epoch.ToArray());
        Stopped = stopped;
    }

    public LossFunction Loss { get; }

    public Optimizer Optimizer { get; }

    public double LearningRate { get; }

    public int BatchSize { get; }

    /// <summary>The seed of the split and shuffling; training again with it gives the same model.</summary>
    public int Seed { get; }

    public int TrainingRowCount { get; }

    public int ValidationRowCount { get; }

    /// <summary>One entry per completed epoch, in order.</summary>
    public IReadOnlyList<TrainingEpoch> Epoch { get; }

    /// <summary>True when training was stopped (Ctrl+C) before the last epoch.</summary>
    public bool Stopped { get; }

    public int EpochCount => Epoch.Count;

    /// <summary>The training loss of the last epoch, or NaN before any epoch finished.</summary>
    public double FinalLoss => Epoch.Count == 0 ? double.NaN : Epoch[Epoch.Count - 1].Loss;

    public double? FinalValidationLoss => Epoch.Count == 0 ? null : Epoch[Epoch.Count - 1].ValidationLoss;

    /// <summary>
    /// This run's history continued from <paramref name="previous"/> (the history of the model it started
    /// from): the earlier epochs first, this run's numbered on after them; the settings and row counts are
    /// this run's.
    /// </summary>
    internal TrainingHistory After(TrainingHistory? previous)
    {
        if (previous is null || previous.Epoch.Count == 0)
        {
            return this;
        }

        int offset = previous.Epoch[previous.Epoch.Count - 1].Epoch;
        var epochs = previous.Epoch.Concat(Epoch.Select(e => new TrainingEpoch(e.Epoch + offset, e.Loss, e.ValidationLoss, e.Accuracy, e.ValidationAccuracy)));
        return new TrainingHistory(Loss, Optimizer, LearningRate, BatchSize, Seed, TrainingRowCount, ValidationRowCount, epochs, Stopped);
    }

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} of {1} with {2}, final loss {3:G6}{4}",
        Wording.Count(Epoch.Count, "epoch"),
        Loss,
        Optimizer,
        FinalLoss,
        Stopped ? " (stopped)" : string.Empty);
}
