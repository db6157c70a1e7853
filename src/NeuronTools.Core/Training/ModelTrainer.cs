using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>Trains and evaluates models. Training never changes the model it is given: it returns a new one.</summary>
public static class ModelTrainer
{
    /// <summary>
    /// Trains a copy of <paramref name="model"/> on rows and their targets (one value per output, or a class index
    /// where the loss takes one: CrossEntropy and Hinge) and returns it, of the same kind, with its training history.
    /// </summary>
    public static TModel Train<TModel>(
        TModel model,
        IReadOnlyList<IReadOnlyList<double>> input,
        IReadOnlyList<IReadOnlyList<double>> target,
        TrainingOptions options,
        Func<bool>? stopRequested = null,
        Action<TrainingEpoch>? epochCompleted = null)
        where TModel : NeuronModel
    {
        if (model is null || input is null || target is null || options is null)
        {
            throw new ArgumentNullException(model is null ? nameof(model) : input is null ? nameof(input) : target is null ? nameof(target) : nameof(options));
        }

        var stack = model.ToStack();
        var run = StackTrainer.Train(stack, ToArrays(input), EncodeTargets(stack, target, options.Loss), options, stopRequested, epochCompleted);
        return (TModel)model.WithParameters(run.Model, run.History);
    }

    /// <summary>Loss, accuracy and confusion matrix of a model on labelled rows.</summary>
    public static ModelEvaluation Evaluate(NeuronModel model, IReadOnlyList<IReadOnlyList<double>> input, IReadOnlyList<IReadOnlyList<double>> target, LossFunction loss)
    {
        if (model is null || input is null || target is null)
        {
            throw new ArgumentNullException(model is null ? nameof(model) : input is null ? nameof(input) : nameof(target));
        }

        var stack = model.ToStack();
        return Evaluate(stack, ToArrays(input), EncodeTargets(stack, target, loss), loss);
    }

    /// <summary>Evaluates a stack on encoded targets.</summary>
    internal static ModelEvaluation Evaluate(DenseStack stack, IReadOnlyList<double[]> input, IReadOnlyList<double[]> target, LossFunction loss)
    {
        var kernel = new LossKernel(loss, stack.OutputLayer.Activation, stack.OutputCount);
        if (input.Count == 0 || target.Count != input.Count)
        {
            throw new NeuronToolsException(
                "NoEvaluationData",
                ErrorKind.InvalidArgument,
                $"Evaluation needs at least one row with its target; {Wording.Count(input.Count, "row")} and {Wording.Count(target.Count, "target")} arrived.");
        }

        double[] x = StackTrainer.Flatten(input, stack.InputCount, "input");
        double[] t = StackTrainer.Flatten(target, stack.OutputCount, "target");
        var rows = new int[input.Count];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = i;
        }

        int k = kernel.ClassCount;
        long[,]? counts = k > 0 ? new long[k, k] : null;
        var workspace = new DenseWorkspace(stack, Math.Min(rows.Length, 256));
        var (mean, accuracy) = StackTrainer.Evaluate(stack, kernel, x, t, rows, workspace, counts);
        ConfusionMatrix? matrix = null;
        if (counts is not null)
        {
            var labels = new string[k];
            for (int i = 0; i < k; i++)
            {
                labels[i] = k == 2 && stack.OutputCount == 1 && loss == LossFunction.Hinge ? (i == 0 ? "-1" : "1") : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            matrix = new ConfusionMatrix(labels, counts);
        }

        return new ModelEvaluation(loss, mean, rows.Length, accuracy, matrix);
    }

    internal static List<double[]> EncodeTargets(DenseStack stack, IReadOnlyList<IReadOnlyList<double>> target, LossFunction loss)
    {
        bool isStep = stack.Layers.Length == 1 && stack.OutputCount == 1 && stack.OutputLayer.Activation.Name == "BinaryStep";
        var encoded = new List<double[]>(target.Count);
        foreach (var row in target)
        {
            encoded.Add(TargetEncoder.Encode(row, loss, stack.OutputCount, isStep));
        }

        return encoded;
    }

    private static List<double[]> ToArrays(IReadOnlyList<IReadOnlyList<double>> rows)
    {
        var arrays = new List<double[]>(rows.Count);
        foreach (var row in rows)
        {
            arrays.Add(row.ToArray());
        }

        return arrays;
    }
}
