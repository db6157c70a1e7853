using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// Labelled rows for one model and one loss: what training, evaluation and Test-NeuronModel read. The model
/// and the loss are checked against each other once, when the object is made (LossNotApplicable, and for
/// training UntrainableActivation); then rows arrive one at a time, each checked and its target encoded
/// for the loss once, as it is added. A bad row throws a <see cref="NeuronToolsException"/> for that row
/// alone and is not added, so a caller can report it and go on with the others.
/// </summary>
/// <remarks>
/// A target is what a user gives for one row: one value per model output, or a class index where the loss
/// takes one (CrossEntropy, multi-class Hinge); <see cref="TargetEncoder"/> turns it into one value per output.
/// A target given another way (a class label as text, say) is one more way into that encoder, not another
/// kind of data set. The rows are kept as they were added and are copied once, into the trainer's flat
/// arrays, when training or evaluation starts.
/// </remarks>
public sealed class LabelledData
{
    private readonly List<double[]> _input = new();
    private readonly List<double[]> _target = new();
    private readonly TargetEncoder _encoder;

    /// <summary>Rows to score <paramref name="model"/> with <paramref name="loss"/> (Test-NeuronModel).</summary>
    public LabelledData(NeuronModel model, LossFunction loss)
        : this(model, loss, forTraining: false)
    {
    }

    private LabelledData(NeuronModel model, LossFunction loss, bool forTraining)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Loss = loss;
        Stack = model.ToStack();
        Kernel = forTraining ? StackTrainer.CreateKernel(Stack, loss) : new LossKernel(loss, Stack.OutputLayer.Activation, Stack.OutputCount);
        _encoder = new TargetEncoder(loss, Stack.OutputCount, Stack.IsPerceptron);
        IsForTraining = forTraining;
    }

    public NeuronModel Model { get; }

    public LossFunction Loss { get; }

    /// <summary>How many rows were added.</summary>
    public int Count => _input.Count;

    /// <summary>The model's layers, copied once, for the trainer to start from.</summary>
    internal DenseStack Stack { get; }

    internal LossKernel Kernel { get; }

    internal bool IsForTraining { get; }

    /// <summary>
    /// Rows to train <paramref name="model"/> on with <paramref name="loss"/>: also refuses a model that cannot
    /// learn (an activation without a derivative, a BinaryStep layer inside a network).
    /// </summary>
    public static LabelledData ForTraining(NeuronModel model, LossFunction loss) => new(model, loss, forTraining: true);

    /// <summary>
    /// Adds one row: its input (one value per model input, all finite) and its raw target. Both are copied.
    /// </summary>
    /// <exception cref="NeuronToolsException">
    /// InputCountMismatch or NonFiniteInput for the input, TargetCountMismatch or InvalidTarget for the target;
    /// the row is not added.
    /// </exception>
    public void Add(IReadOnlyList<double> input, IReadOnlyList<double> target)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        AddOwned(Copy(input), target);
    }

    /// <summary>As <see cref="Add"/>, for an input array the caller hands over and never changes afterwards.</summary>
    internal void AddOwned(double[] input, IReadOnlyList<double> target)
    {
        if (target is null)
        {
            throw new ArgumentNullException(nameof(target));
        }

        CheckInput(input);
        double[] encoded = _encoder.Encode(target);
        _input.Add(input);
        _target.Add(encoded);
    }

    /// <summary>Refuses an input of the wrong length or with a value that is not finite (InputCountMismatch, NonFiniteInput).</summary>
    internal void CheckInput(double[] input) => ModelChecks.Input(input, Stack.InputCount, "model", "input");

    /// <summary>The rows' inputs, row-major, one copy.</summary>
    internal double[] FlatInput() => Flatten(_input, Stack.InputCount);

    /// <summary>The rows' encoded targets, row-major, one copy.</summary>
    internal double[] FlatTarget() => Flatten(_target, Stack.OutputCount);

    /// <summary>
    /// The rows of plain lists, for the core's list API: each row as <see cref="Add"/> takes it; the first bad
    /// row stops it with its error, its index in the message and in <c>Data["RowIndex"]</c>.
    /// </summary>
    internal void AddAll(IReadOnlyList<IReadOnlyList<double>> input, IReadOnlyList<IReadOnlyList<double>> target, string what)
    {
        if (input is null || target is null)
        {
            throw new ArgumentNullException(input is null ? nameof(input) : nameof(target));
        }

        if (input.Count == 0 || target.Count != input.Count)
        {
            throw NoData(what, input.Count, target.Count);
        }

        for (int r = 0; r < input.Count; r++)
        {
            try
            {
                Add(input[r] ?? throw RowIsNull("input"), target[r] ?? throw RowIsNull("target"));
            }
            catch (NeuronToolsException exception)
            {
                var rowError = new NeuronToolsException(exception.ErrorId, exception.Kind, FormattableString.Invariant($"Row {r} (counting from 0): {exception.Message}"), exception);
                rowError.Data["RowIndex"] = r;
                throw rowError;
            }
        }
    }

    /// <summary>NoTrainingData or NoEvaluationData: no row, or not one target per row.</summary>
    internal static NeuronToolsException NoData(string what, int rows, int targets) => new(
        what == "Training" ? ErrorIds.NoTrainingData : ErrorIds.NoEvaluationData,
        ErrorKind.InvalidArgument,
        $"{what} needs at least one row with its target; {Wording.Count(rows, "row")} and {Wording.Count(targets, "target")} arrived."
            + (what == "Training" ? " Send rows down the pipeline or give -InputObject, and a target for each." : string.Empty));

    private static NeuronToolsException RowIsNull(string what) => new(
        what == "input" ? ErrorIds.InputCountMismatch : ErrorIds.TargetCountMismatch,
        ErrorKind.InvalidArgument,
        $"the {what} is null; give every row its {what} values.");

    private static double[] Copy(IReadOnlyList<double> values)
    {
        var copy = new double[values.Count];
        for (int i = 0; i < copy.Length; i++)
        {
            copy[i] = values[i];
        }

        return copy;
    }

    private static double[] Flatten(List<double[]> rows, int width)
    {
        var flat = new double[rows.Count * width];
        for (int r = 0; r < rows.Count; r++)
        {
            Array.Copy(rows[r], 0, flat, r * width, width);
        }

        return flat;
    }
}
