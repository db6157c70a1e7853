using System.Globalization;

namespace NeuronTools;

/// <summary>How well a model does on labelled rows: the mean loss, and for classification the accuracy and confusion matrix.</summary>
public sealed class ModelEvaluation
{
    public ModelEvaluation(LossFunction lossFunction, double loss, int rowCount, double? accuracy, ConfusionMatrix? confusionMatrix)
    {
        LossFunction = lossFunction;
        Loss = loss;
        RowCount = rowCount;
        Accuracy = accuracy;
        ConfusionMatrix = confusionMatrix;
    }

    public LossFunction LossFunction { get; }

    /// <summary>The loss averaged over the rows.</summary>
    public double Loss { get; }

    public int RowCount { get; }

    /// <summary>The share of rows classified right; null for regression losses.</summary>
    public double? Accuracy { get; }

    /// <summary>Counts by true and predicted class; null for regression and multi-label losses.</summary>
    public ConfusionMatrix? ConfusionMatrix { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} {1:G6} on {2}", LossFunction, Loss, Wording.Count(RowCount, "row"));
}
