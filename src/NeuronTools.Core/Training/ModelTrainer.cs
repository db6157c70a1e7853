using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>Trains and evaluates models. Training never changes the model it is given: it returns a new one.</summary>
public static class ModelTrainer
{
    /// <summary>
    /// Trains a copy of <paramref name="model"/> on rows and their targets (one value per output, or a class index
    /// where the loss takes one: CrossEntropy and Hinge) and returns it, of the same kind, with its training history.
    /// </summary>
    /// <exception cref="NeuronToolsException">For the model and loss (see <see cref="LabelledData.ForTraining"/>), the first bad row, or the training.</exception>
    public static TModel Train<TModel>(
        TModel model,
        IReadOnlyList<IReadOnlyList<double>> input,
        IReadOnlyList<IReadOnlyList<double>> target,
        TrainingOptions options,
        Func<bool>? stopRequested = null,
        Action<TrainingEpoch>? epochCompleted = null)
        where TModel : NeuronModel
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        options.Validate();
        var data = LabelledData.ForTraining(model, options.Loss);
        data.AddAll(input, target, "Training");
        return (TModel)Train(data, options, stopRequested, epochCompleted);
    }

    /// <summary>
    /// Trains a copy of the data's model on its rows and returns it, of the same kind, with its training history.
    /// <paramref name="options"/> must name the data's loss.
    /// </summary>
    public static NeuronModel Train(LabelledData data, TrainingOptions options, Func<bool>? stopRequested = null, Action<TrainingEpoch>? epochCompleted = null)
    {
        if (data is null || options is null)
        {
            throw new ArgumentNullException(data is null ? nameof(data) : nameof(options));
        }

        if (!data.IsForTraining || options.Loss != data.Loss)
        {
            throw new ArgumentException("Training needs data made with LabelledData.ForTraining for the loss of the options.", nameof(data));
        }

        var run = StackTrainer.Train(data.Stack, data.Kernel, data.FlatInput(), data.FlatTarget(), options, stopRequested, epochCompleted);
        // Retraining continues the model's history and keeps its stored preprocessing and class labels.
        return data.Model.CarrySchemaTo(data.Model.WithParameters(run.Model, run.History.After(data.Model.TrainingHistory)));
    }

    /// <summary>Loss, accuracy and confusion matrix of a model on labelled rows.</summary>
    public static ModelEvaluation Evaluate(NeuronModel model, IReadOnlyList<IReadOnlyList<double>> input, IReadOnlyList<IReadOnlyList<double>> target, LossFunction loss)
    {
        var data = new LabelledData(model, loss);
        data.AddAll(input, target, "Evaluation");
        return Evaluate(data);
    }

    /// <summary>Loss, accuracy and confusion matrix of the data's model on its rows; the confusion matrix and per-class metrics are named by <paramref name="classLabel"/> when given.</summary>
    public static ModelEvaluation Evaluate(LabelledData data, IReadOnlyList<string>? classLabel = null)
    {
        if (data is null)
        {
            throw new ArgumentNullException(nameof(data));
        }

        if (data.Count == 0)
        {
            throw LabelledData.NoData("Evaluation", 0, 0);
        }

        var stack = data.Stack;
        var kernel = data.Kernel;
        double[] x = data.FlatInput();
        double[] t = data.FlatTarget();
        var rows = new int[data.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        int k = kernel.ClassCount;
        long[,]? counts = k > 0 ? new long[k, k] : null;
        var workspace = new DenseWorkspace(stack, Math.Min(rows.Length, 256));
        double[]? outputs = kernel.IsClassification ? null : new double[t.Length];
        var (mean, accuracy) = StackTrainer.Evaluate(stack, kernel, x, t, rows, workspace, counts, outputs);
        ConfusionMatrix? matrix = null;
        if (counts is not null)
        {
            var labels = new string[k];
            for (int i = 0; i < k; i++)
            {
                labels[i] = classLabel is not null && classLabel.Count == k
                    ? classLabel[i]
                    : k == 2 && stack.OutputCount == 1 && data.Loss == LossFunction.Hinge ? (i == 0 ? "-1" : "1") : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            matrix = new ConfusionMatrix(labels, counts);
        }

        var regression = outputs is null ? null : new RegressionMetrics(Rows(t, stack.OutputCount), Rows(outputs, stack.OutputCount));
        return new ModelEvaluation(data.Loss, mean, rows.Length, accuracy, matrix, regression);
    }

    private static IReadOnlyList<double>[] Rows(double[] flat, int width)
    {
        var rows = new IReadOnlyList<double>[flat.Length / width];
        for (int r = 0; r < rows.Length; r++)
        {
            var row = new double[width];
            Array.Copy(flat, r * width, row, 0, width);
            rows[r] = row;
        }

        return rows;
    }
}
