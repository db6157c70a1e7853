using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>A trained copy of a stack with the history of how it was trained.</summary>
internal sealed class TrainingRun
{
    internal TrainingRun(DenseStack model, TrainingHistory history)
    {
        Model = model;
        History = history;
    }

    internal DenseStack Model { get; }

    internal TrainingHistory History { get; }
}

/// <summary>
/// The training loop: a seeded validation split, a seeded shuffle every epoch, mini-batches through
/// preallocated buffers, one optimizer step per batch. A lone BinaryStep neuron learns with the perceptron
/// rule instead of a gradient, which is 0 everywhere for a step.
/// </summary>
internal static class StackTrainer
{
    /// <summary>Trains a copy of <paramref name="start"/>; <paramref name="target"/> holds encoded targets (see <see cref="TargetEncoder"/>).</summary>
    internal static TrainingRun Train(
        DenseStack start,
        IReadOnlyList<double[]> input,
        IReadOnlyList<double[]> target,
        TrainingOptions options,
        Func<bool>? stopRequested = null,
        Action<TrainingEpoch>? epochCompleted = null)
    {
        options.Validate();
        var kernel = CreateKernel(start, options.Loss);
        if (target.Count != input.Count)
        {
            throw LabelledData.NoData("Training", input.Count, target.Count);
        }

        return Train(start, kernel, Flatten(input, start.InputCount, "input"), Flatten(target, start.OutputCount, "target"), options, stopRequested, epochCompleted);
    }

    /// <summary>
    /// Trains a copy of <paramref name="start"/> on checked rows: <paramref name="x"/> and <paramref name="t"/> hold
    /// the inputs and the encoded targets row-major, and are only read.
    /// </summary>
    internal static TrainingRun Train(
        DenseStack start,
        LossKernel kernel,
        double[] x,
        double[] t,
        TrainingOptions options,
        Func<bool>? stopRequested,
        Action<TrainingEpoch>? epochCompleted)
    {
        options.Validate();
        int d = start.InputCount;
        int c = start.OutputCount;
        int n = x.Length / d;
        if (n == 0)
        {
            throw LabelledData.NoData("Training", 0, 0);
        }

        bool perceptron = start.IsPerceptron;
        int seed = options.Seed ?? WeightInitializer.NewSeed();
        var random = new DeterministicRandom(seed);
        var (training, validation) = Split(n, options.ValidationFraction, random);
        int trainCount = training.Length;
        int validationCount = validation.Length;

        var model = start.Clone();
        int batchSize = Math.Min(options.BatchSize, trainCount);
        var workspace = new DenseWorkspace(model, Math.Max(batchSize, Math.Min(validationCount, 256)));
        var updater = new ParameterUpdater(model, options);
        var epochs = new List<TrainingEpoch>(options.EpochCount);
        bool stopped = false;

        for (int epoch = 1; epoch <= options.EpochCount && !stopped; epoch++)
        {
            Shuffle(training, trainCount, random);
            double lossSum = 0.0;
            double correct = 0.0;
            for (int first = 0; first < trainCount; first += batchSize)
            {
                if (stopRequested?.Invoke() == true)
                {
                    stopped = true;
                    break;
                }

                int rows = Math.Min(batchSize, trainCount - first);
                Gather(x, t, d, c, training, first, rows, workspace);
                lossSum += Step(model, kernel, workspace, updater, rows, perceptron, ref correct);
            }

            if (stopped)
            {
                break;
            }

            double loss = lossSum / trainCount;
            if (!Neuron.IsFinite(loss) || !model.IsFinite())
            {
                throw new NeuronToolsException(
                    ErrorIds.TrainingDiverged,
                    ErrorKind.InvalidResult,
                    FormattableString.Invariant($"Training diverged in epoch {epoch}: the loss or a weight is no longer a finite number. Lower -LearningRate (it is {options.EffectiveLearningRate.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}), or scale the inputs to a range near [-1, 1]."));
            }

            double? validationLoss = null;
            double? validationAccuracy = null;
            if (validationCount > 0)
            {
                var result = Evaluate(model, kernel, x, t, validation, workspace, null);
                validationLoss = result.Loss;
                validationAccuracy = result.Accuracy;
            }

            var record = new TrainingEpoch(epoch, loss, validationLoss, kernel.IsClassification ? correct / trainCount : null, validationAccuracy);
            epochs.Add(record);
            epochCompleted?.Invoke(record);
        }

        var history = new TrainingHistory(options.Loss, options.Optimizer, options.EffectiveLearningRate, options.BatchSize, seed, trainCount, validationCount, epochs, stopped);
        return new TrainingRun(model, history);
    }

    /// <summary>
    /// One batch: forward, loss and its gradient, backward, one optimizer step. Returns the batch's summed
    /// loss. A method of its own so that the JIT optimizes it after a few calls (a loop that runs once for
    /// the whole training would stay in slower code).
    /// </summary>
    private static double Step(DenseStack model, LossKernel kernel, DenseWorkspace workspace, ParameterUpdater updater, int rows, bool perceptron, ref double correct)
    {
        int last = model.Layers.Length - 1;
        int c = model.OutputCount;
        workspace.Forward(rows);
        double scale = 1.0 / rows;
        double[] a = workspace.PreActivation[last];
        double[] z = workspace.Output[last];
        double[]? gradient = perceptron ? null : kernel.GradientIsForPreActivation ? workspace.Delta[last] : workspace.OutputGradient;
        double lossSum = 0.0;
        for (int r = 0; r < rows; r++)
        {
            lossSum += kernel.Row(a, z, workspace.Target, r * c, gradient, scale);
            if (kernel.IsClassification)
            {
                correct += kernel.Correct(z, workspace.Target, r * c);
            }
        }

        if (perceptron)
        {
            // The perceptron rule w ← w + lr·(t − ŷ)·x, as the step of the pseudo-gradient −(t − ŷ)·x.
            double[] delta = workspace.Delta[last];
            for (int r = 0; r < rows; r++)
            {
                delta[r] = -(workspace.Target[r] - z[r]) * scale;
            }
        }

        workspace.Backward(rows, perceptron || kernel.GradientIsForPreActivation);
        updater.Step(model, workspace);
        return lossSum;
    }

    /// <summary>The loss kernel for a stack, refusing models that cannot learn with it.</summary>
    internal static LossKernel CreateKernel(DenseStack stack, LossFunction loss)
    {
        var kernel = new LossKernel(loss, stack.OutputLayer.Activation, stack.OutputCount);
        bool perceptron = stack.IsPerceptron;
        foreach (var layer in stack.Layers)
        {
            if (!VectorJacobian.Supports(layer.Activation))
            {
                throw VectorJacobian.NotSupported(layer.Activation);
            }

            if (layer.Activation.Name == "BinaryStep" && !perceptron)
            {
                throw new NeuronToolsException(
                    ErrorIds.UntrainableActivation,
                    ErrorKind.InvalidArgument,
                    "A BinaryStep layer inside a network cannot learn: its derivative is 0 everywhere, so no gradient reaches the weights before it, and the perceptron rule fits a lone neuron only. Use Sigmoid or Tanh in the network, or train a single BinaryStep neuron.");
            }
        }

        return kernel;
    }

    /// <summary>Mean loss, accuracy and confusion counts of a stack on the given rows.</summary>
    /// <summary>The mean loss and accuracy over <paramref name="rows"/>; also counts the confusion matrix and copies each row's outputs to <paramref name="outputs"/> (row-major, in <paramref name="rows"/> order) when they are given.</summary>
    internal static (double Loss, double? Accuracy) Evaluate(DenseStack model, LossKernel kernel, double[] x, double[] t, int[] rows, DenseWorkspace workspace, long[,]? confusion, double[]? outputs = null)
    {
        int d = model.InputCount;
        int c = model.OutputCount;
        int last = model.Layers.Length - 1;
        double lossSum = 0.0;
        double correct = 0.0;
        for (int first = 0; first < rows.Length; first += workspace.Capacity)
        {
            int count = Math.Min(workspace.Capacity, rows.Length - first);
            Gather(x, t, d, c, rows, first, count, workspace);
            workspace.Forward(count);
            double[] a = workspace.PreActivation[last];
            double[] z = workspace.Output[last];
            if (outputs is not null)
            {
                Array.Copy(z, 0, outputs, first * c, count * c);
            }

            for (int r = 0; r < count; r++)
            {
                lossSum += kernel.Row(a, z, workspace.Target, r * c, null, 1.0);
                if (kernel.IsClassification)
                {
                    correct += kernel.Correct(z, workspace.Target, r * c);
                    if (confusion is not null)
                    {
                        confusion[kernel.TargetClass(workspace.Target, r * c), kernel.PredictedClass(z, r * c)]++;
                    }
                }
            }
        }

        return (lossSum / rows.Length, kernel.IsClassification ? correct / rows.Length : null);
    }

    internal static double[] Flatten(IReadOnlyList<double[]> rows, int width, string what)
    {
        var flat = new double[rows.Count * width];
        for (int r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            if (row is null || row.Length != width)
            {
                throw new NeuronToolsException(
                    what == "input" ? ErrorIds.InputCountMismatch : ErrorIds.TargetCountMismatch,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"Row {r} has {Wording.Count(row?.Length ?? 0, what + " value")} but the model needs {width}."));
            }

            for (int j = 0; j < width; j++)
            {
                if (!Neuron.IsFinite(row[j]))
                {
                    throw new NeuronToolsException(
                        what == "input" ? ErrorIds.NonFiniteInput : ErrorIds.InvalidTarget,
                        ErrorKind.InvalidData,
                        FormattableString.Invariant($"The {what} value at position {j} of row {r} is {Neuron.Describe(row[j])}; it must be a finite number."));
                }
            }

            Array.Copy(row, 0, flat, r * width, width);
        }

        return flat;
    }

    private static void Gather(double[] x, double[] t, int d, int c, int[] rows, int first, int count, DenseWorkspace workspace)
    {
        for (int r = 0; r < count; r++)
        {
            int source = rows[first + r];
            Array.Copy(x, source * d, workspace.Input, r * d, d);
            Array.Copy(t, source * c, workspace.Target, r * c, c);
        }
    }

    /// <summary>
    /// The rows training learns from and the rows it holds out, as a seeded training run splits them:
    /// the first draws of <paramref name="random"/> shuffle the row numbers, and the first
    /// round(n × fraction) (at least one) are held out. Preprocessing is fitted on the training rows of
    /// this same split, so the validation rows never shape it.
    /// </summary>
    internal static (int[] Training, int[] Validation) Split(int n, double validationFraction, DeterministicRandom random)
    {
        var order = new int[n];
        for (int i = 0; i < n; i++)
        {
            order[i] = i;
        }

        int validationCount = 0;
        if (validationFraction > 0)
        {
            Shuffle(order, n, random);
            validationCount = Math.Max(1, (int)Math.Round(n * validationFraction, MidpointRounding.AwayFromZero));
            if (validationCount >= n)
            {
                throw new NeuronToolsException(
                    ErrorIds.TooFewTrainingRows,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"With {Wording.Count(n, "row")} and -ValidationFraction {validationFraction.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} no row is left to train on. Give more rows or a smaller -ValidationFraction."));
            }
        }

        var training = new int[n - validationCount];
        Array.Copy(order, validationCount, training, 0, training.Length);
        var validation = new int[validationCount];
        Array.Copy(order, 0, validation, 0, validationCount);
        return (training, validation);
    }

    /// <summary>Fisher–Yates over the first <paramref name="count"/> items.</summary>
    private static void Shuffle(int[] items, int count, DeterministicRandom random)
    {
        for (int i = count - 1; i > 0; i--)
        {
            int j = (int)(random.NextDouble() * (i + 1));
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
