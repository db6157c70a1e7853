using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>Precision, recall and F1 of one class, with the number of rows that truly are that class.</summary>
public sealed class ClassMetric
{
    internal ClassMetric(string @class, double precision, double recall, double f1, long support)
    {
        Class = @class;
        Precision = precision;
        Recall = recall;
        F1 = f1;
        Support = support;
    }

    public string Class { get; }

    /// <summary>Of the rows predicted as this class, the share that are; 0 when none was predicted.</summary>
    public double Precision { get; }

    /// <summary>Of the rows of this class, the share predicted as it; 0 when there is none.</summary>
    public double Recall { get; }

    /// <summary>The harmonic mean of precision and recall; 0 when both are 0.</summary>
    public double F1 { get; }

    public long Support { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0}: precision {1:G4}, recall {2:G4}, F1 {3:G4}", Class, Precision, Recall, F1);
}

/// <summary>
/// Accuracy, per-class precision, recall and F1 and their macro (unweighted) averages over all the
/// model's classes, from a confusion matrix: the definitions of scikit-learn's
/// precision_recall_fscore_support with zero_division=0 and labels set to the classes.
/// </summary>
public sealed class ClassificationMetrics
{
    public ClassificationMetrics(ConfusionMatrix confusionMatrix)
    {
        ConfusionMatrix = confusionMatrix ?? throw new ArgumentNullException(nameof(confusionMatrix));
        int k = confusionMatrix.ClassLabel.Count;
        var perClass = new ClassMetric[k];
        long total = 0;
        long right = 0;
        for (int c = 0; c < k; c++)
        {
            long predicted = 0;
            long actual = 0;
            for (int j = 0; j < k; j++)
            {
                predicted += confusionMatrix[j, c];
                actual += confusionMatrix[c, j];
            }

            long hits = confusionMatrix[c, c];
            double precision = predicted == 0 ? 0.0 : (double)hits / predicted;
            double recall = actual == 0 ? 0.0 : (double)hits / actual;
            double f1 = precision + recall == 0 ? 0.0 : 2.0 * precision * recall / (precision + recall);
            perClass[c] = new ClassMetric(confusionMatrix.ClassLabel[c], precision, recall, f1, actual);
            total += actual;
            right += hits;
        }

        PerClass = new ReadOnlyCollection<ClassMetric>(perClass);
        RowCount = total;
        Accuracy = total == 0 ? double.NaN : (double)right / total;
        MacroPrecision = perClass.Average(m => m.Precision);
        MacroRecall = perClass.Average(m => m.Recall);
        MacroF1 = perClass.Average(m => m.F1);
    }

    public ConfusionMatrix ConfusionMatrix { get; }

    public IReadOnlyList<ClassMetric> PerClass { get; }

    public long RowCount { get; }

    public double Accuracy { get; }

    public double MacroPrecision { get; }

    public double MacroRecall { get; }

    public double MacroF1 { get; }

    /// <summary>The confusion matrix of true and predicted class indices, with the classes' names.</summary>
    public static ClassificationMetrics FromClasses(IReadOnlyList<string> classLabel, IReadOnlyList<int> actual, IReadOnlyList<int> predicted)
    {
        if (classLabel is null || actual is null || predicted is null)
        {
            throw new ArgumentNullException(classLabel is null ? nameof(classLabel) : actual is null ? nameof(actual) : nameof(predicted));
        }

        if (actual.Count != predicted.Count)
        {
            throw new ArgumentException("There must be one prediction per true class.", nameof(predicted));
        }

        var counts = new long[classLabel.Count, classLabel.Count];
        for (int i = 0; i < actual.Count; i++)
        {
            counts[actual[i], predicted[i]]++;
        }

        return new ClassificationMetrics(new ConfusionMatrix(classLabel, counts));
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "accuracy {0:P2}, macro F1 {1:G4} on {2}", Accuracy, MacroF1, Wording.Count(RowCount, "row"));
}

/// <summary>
/// R², mean absolute error and root mean squared error of a regression, each worked out per output and
/// averaged over the outputs (scikit-learn's multioutput='uniform_average'). Where the true values of an
/// output do not vary, its R² is 1 for perfect predictions and 0 otherwise, as scikit-learn's r2_score.
/// </summary>
public sealed class RegressionMetrics
{
    public RegressionMetrics(IReadOnlyList<IReadOnlyList<double>> actual, IReadOnlyList<IReadOnlyList<double>> predicted)
    {
        if (actual is null || predicted is null)
        {
            throw new ArgumentNullException(actual is null ? nameof(actual) : nameof(predicted));
        }

        if (actual.Count == 0 || actual.Count != predicted.Count)
        {
            throw new ArgumentException("There must be at least one row, and one prediction per row.", nameof(predicted));
        }

        int n = actual.Count;
        int outputs = actual[0].Count;
        double r2 = 0.0;
        double mae = 0.0;
        double rmse = 0.0;
        for (int j = 0; j < outputs; j++)
        {
            double mean = 0.0;
            for (int i = 0; i < n; i++)
            {
                mean += actual[i][j];
            }

            mean /= n;
            double residual = 0.0;
            double spread = 0.0;
            double absolute = 0.0;
            for (int i = 0; i < n; i++)
            {
                double e = actual[i][j] - predicted[i][j];
                residual += e * e;
                absolute += Math.Abs(e);
                double d = actual[i][j] - mean;
                spread += d * d;
            }

            r2 += spread == 0.0 ? (residual == 0.0 ? 1.0 : 0.0) : 1.0 - (residual / spread);
            mae += absolute / n;
            rmse += Math.Sqrt(residual / n);
        }

        RowCount = n;
        RSquared = r2 / outputs;
        MeanAbsoluteError = mae / outputs;
        RootMeanSquaredError = rmse / outputs;
    }

    public int RowCount { get; }

    /// <summary>1 − Σ(y − ŷ)² / Σ(y − ȳ)²: 1 is perfect, 0 no better than predicting the mean.</summary>
    public double RSquared { get; }

    public double MeanAbsoluteError { get; }

    public double RootMeanSquaredError { get; }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "R² {0:G4}, MAE {1:G6}, RMSE {2:G6} on {3}", RSquared, MeanAbsoluteError, RootMeanSquaredError, Wording.Count(RowCount, "row"));
}
