using System.Collections.Generic;
using System.Globalization;

namespace NeuronTools;

/// <summary>How well a model does on labelled rows: the mean loss, and for classification the accuracy and confusion matrix.</summary>
public sealed class ModelEvaluation
{
    public ModelEvaluation(LossFunction lossFunction, double loss, int rowCount, double? accuracy, ConfusionMatrix? confusionMatrix, RegressionMetrics? regression = null)
    {
        LossFunction = lossFunction;
        Loss = loss;
        RowCount = rowCount;
        Accuracy = accuracy;
        ConfusionMatrix = confusionMatrix;
        if (confusionMatrix is not null)
        {
            var metrics = new ClassificationMetrics(confusionMatrix);
            ClassMetric = metrics.PerClass;
            MacroPrecision = metrics.MacroPrecision;
            MacroRecall = metrics.MacroRecall;
            MacroF1 = metrics.MacroF1;
        }

        if (regression is not null)
        {
            RSquared = regression.RSquared;
            MeanAbsoluteError = regression.MeanAbsoluteError;
            RootMeanSquaredError = regression.RootMeanSquaredError;
        }
    }

    public LossFunction LossFunction { get; }

    /// <summary>The loss averaged over the rows.</summary>
    public double Loss { get; }

    public int RowCount { get; }

    /// <summary>The share of rows classified right; null for regression losses.</summary>
    public double? Accuracy { get; }

    /// <summary>Counts by true and predicted class; null for regression and multi-label losses.</summary>
    public ConfusionMatrix? ConfusionMatrix { get; }

    /// <summary>Precision, recall, F1 and support of each class, named as the model's classes; null without a confusion matrix.</summary>
    public IReadOnlyList<ClassMetric>? ClassMetric { get; }

    /// <summary>The unweighted mean of the classes' precisions (scikit-learn's average='macro'); null without a confusion matrix.</summary>
    public double? MacroPrecision { get; }

    public double? MacroRecall { get; }

    public double? MacroF1 { get; }

    /// <summary>For regression losses: 1 − Σ(t − z)² / Σ(t − t̄)², averaged over the outputs; otherwise null.</summary>
    public double? RSquared { get; }

    public double? MeanAbsoluteError { get; }

    public double? RootMeanSquaredError { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1:G6} on {2}", LossFunction, Loss, Wording.Count(RowCount, "row"));
}
