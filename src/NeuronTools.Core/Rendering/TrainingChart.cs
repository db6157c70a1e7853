using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>One training to plot: its history, and the label that tells it from the others on a chart of several.</summary>
internal sealed class TrainingRunToPlot
{
    internal TrainingRunToPlot(TrainingHistory history, string? label)
    {
        History = history ?? throw new ArgumentNullException(nameof(history));
        Label = label;
    }

    internal TrainingHistory History { get; }

    internal string? Label { get; }
}

/// <summary>
/// Turns training histories into a <see cref="Chart"/> of a metric per epoch: "loss" and, where rows
/// were held out, "validation loss" (or accuracy). Several histories share the chart, each curve named
/// after its model.
/// </summary>
internal static class TrainingChart
{
    internal static Chart Create(IReadOnlyList<TrainingRunToPlot> runs, TrainingMetric metric)
    {
        if (runs is null || runs.Count == 0)
        {
            throw new ArgumentException("A training chart needs at least one history.", nameof(runs));
        }

        string what = metric == TrainingMetric.Loss ? "loss" : "accuracy";
        var series = new List<ChartSeries>();
        for (int r = 0; r < runs.Count; r++)
        {
            var history = runs[r].History;
            string suffix = runs.Count == 1 ? string.Empty : " (" + (runs[r].Label ?? "run " + (r + 1).ToString(CultureInfo.InvariantCulture)) + ")";
            Check(history, metric, runs[r].Label);
            var epochs = history.Epoch.Select(e => (double)e.Epoch).ToArray();
            var training = history.Epoch.Select(e => metric == TrainingMetric.Loss ? e.Loss : e.Accuracy ?? double.NaN).ToArray();
            var validation = history.Epoch.Select(e => (metric == TrainingMetric.Loss ? e.ValidationLoss : e.ValidationAccuracy) ?? double.NaN).ToArray();
            series.Add(new ChartSeries(what + suffix, epochs, training));
            if (validation.Any(v => !double.IsNaN(v)))
            {
                series.Add(new ChartSeries("validation " + what + suffix, epochs, validation));
            }
        }

        return new Chart(Title(runs, metric), series, "epoch", what, xMinimumStep: 1);
    }

    private static string Title(IReadOnlyList<TrainingRunToPlot> runs, TrainingMetric metric)
    {
        if (runs.Count > 1)
        {
            return (metric == TrainingMetric.Loss ? "Loss" : "Accuracy") + " per epoch of " + runs.Count.ToString(CultureInfo.InvariantCulture) + " trainings";
        }

        var history = runs[0].History;
        string name = runs[0].Label is null ? string.Empty : " '" + runs[0].Label + "'";
        return FormattableString.Invariant($"Training{name}: {history.Loss}, {history.Optimizer} at {NumberText.Exact(history.LearningRate)}, {Wording.Count(history.EpochCount, "epoch")}") + (history.Stopped ? " (stopped)" : string.Empty);
    }

    /// <summary>Refuses a history with nothing to plot: no epoch, or no accuracy when the accuracy is asked for.</summary>
    internal static void Check(TrainingHistory history, TrainingMetric metric, string? label)
    {
        string model = label is null ? "The training history" : "The training history of '" + label + "'";
        if (history.EpochCount == 0)
        {
            throw new NeuronToolsException(
                ErrorIds.EmptyTrainingHistory,
                ErrorKind.InvalidData,
                model + " has no epoch to plot: the training was stopped before its first epoch ended. Train again and let at least one epoch finish.");
        }

        if (metric == TrainingMetric.Accuracy && history.Epoch.All(e => e.Accuracy is null))
        {
            throw new NeuronToolsException(
                ErrorIds.NoAccuracy,
                ErrorKind.InvalidArgument,
                $"{model} has no accuracy: it was trained with {history.Loss}, a regression loss, so no row is classified right or wrong. Plot -Metric Loss, or train with BinaryCrossEntropy, CrossEntropy or Hinge to get an accuracy.");
        }
    }
}
