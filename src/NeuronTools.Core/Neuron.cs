using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;

namespace NeuronTools;

/// <summary>
/// The article's neuron: inputs x_i flow through weights w_i (w_out_i = w_i·x_i), the neuron adds them
/// and its bias (a = Σ w_i·x_i + b) and applies its activation (z = f(a)). Immutable, so one neuron can
/// be shared by any number of pipelines and threads.
/// </summary>
public sealed class Neuron : NeuronModel
{
    private readonly double[] _weight;

    public Neuron(IEnumerable<double> weight, double bias = 0.0, ScalarActivation? activation = null, string? name = null, IEnumerable<string>? inputName = null)
        : this(weight, bias, activation, name, inputName, null)
    {
    }

    /// <summary>A neuron that carries the history of the training that produced it.</summary>
    public Neuron(IEnumerable<double> weight, double bias, ScalarActivation? activation, string? name, IEnumerable<string>? inputName, TrainingHistory? trainingHistory)
    {
        if (weight is null)
        {
            throw new ArgumentNullException(nameof(weight));
        }

        _weight = weight.ToArray();
        if (_weight.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.EmptyWeight, ErrorKind.InvalidArgument, "A neuron needs at least one weight. Give -Weight one number per input, for example -Weight 0.5,-1,2.").About(nameof(weight));
        }

        ModelChecks.FiniteParameters(_weight, "weight", "a neuron's", nameof(weight));
        if (!IsFinite(bias))
        {
            throw new NeuronToolsException(
                ErrorIds.NonFiniteBias,
                ErrorKind.InvalidArgument,
                $"The bias is {Describe(bias)}; a neuron's bias must be a finite number. Replace it with a finite value such as 0.")
                .About(nameof(bias));
        }

        Weight = new ReadOnlyCollection<double>(_weight);
        Bias = bias;
        Activation = activation ?? ActivationCatalog.CreateScalar("ReLU");
        Name = name;
        InputName = inputName is null ? null : ModelChecks.InputNames(inputName.ToArray(), _weight.Length, "neuron", "weight", nameof(inputName));
        TrainingHistory = trainingHistory;
    }

    public IReadOnlyList<double> Weight { get; }

    public double Bias { get; }

    public ScalarActivation Activation { get; }

    public override int InputCount => _weight.Length;

    /// <summary>1: a neuron gives one number, z.</summary>
    public override int OutputCount => 1;

    internal override string Noun => "neuron";

    internal override ActivationFunction? SharedActivation => Activation;

    internal override IReadOnlyList<DenseLayerView> DenseLayers =>
        new[] { new DenseLayerView(new[] { _weight }, new[] { Bias }, Activation, "the neuron", string.Empty) };

    internal override NeuronModel WithParameters(DenseStack stack, TrainingHistory? history) =>
        new Neuron(stack.Layers[0].Weight, stack.Layers[0].Bias[0], Activation, Name, InputName, history);

    internal override object Gradient(IReadOnlyList<double> input, int outputIndex, object? inputObject) =>
        GradientCalculator.Compute(this, input, inputObject);

    internal override void WriteJson(JsonObject root) => ModelSerializer.WriteNeuron(root, this);

    /// <summary>a = Σ w_i·x_i + b, summed in the order of <see cref="DotProduct"/>, then the bias added.</summary>
    public double PreActivation(IReadOnlyList<double> input)
    {
        CheckInput(input);
        return Sum(input);
    }

    /// <summary>Runs the neuron on one input vector and keeps every intermediate value of the article's calculation.</summary>
    public NeuronOutput Evaluate(IReadOnlyList<double> input, object? inputObject = null)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        return EvaluateOwned(input.ToArray(), inputObject);
    }

    /// <summary>As <see cref="Evaluate"/>, for an input array that the caller hands over and will not change.</summary>
    internal NeuronOutput EvaluateOwned(double[] input, object? inputObject)
    {
        CheckInput(input);
        double a = Sum(input);
        double z = Activation.Value(a);
        if (!IsFinite(a) || !IsFinite(z))
        {
            throw new NeuronToolsException(
                ErrorIds.NonFiniteResult,
                ErrorKind.InvalidResult,
                $"The inputs are finite but the neuron's result is not: a = {Describe(a)}, z = {Describe(z)}. The result overflowed the range of a double (about ±1.8e308); scale the inputs or weights down.");
        }

        return new NeuronOutput(input, _weight, a, z, Activation.Derivative(a), Activation.Specification, inputObject);
    }

    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "Neuron({0}, {1})", Wording.Count(InputCount, "input"), Activation.Specification);

    internal static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    internal static string Describe(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    // Σ w_i·x_i in the one summation order of DotProduct (every path of the module uses it), then + b.
    private double Sum(IReadOnlyList<double> input) => DotProduct.Sum(_weight, input) + Bias;

    private void CheckInput(IReadOnlyList<double> input) => ModelChecks.Input(input, _weight.Length, "neuron", "weight");

    /// <summary>
    /// z = f(Σ w_i·x_i + b) for every row of <paramref name="rows"/>, bit for bit what <see cref="Evaluate"/> gives
    /// row by row (each row is summed in the order of <see cref="DotProduct"/>, then the bias added). No per-row objects are made.
    /// </summary>
    /// <exception cref="NeuronToolsException">
    /// InputCountMismatch, NonFiniteInput or NonFiniteResult for the first bad row; its index is in the message
    /// and in <c>Data["RowIndex"]</c>. Nothing is returned when a row is bad.
    /// </exception>
    [MethodImpl(AggressiveOptimization)]
    public double[] EvaluateBatch(double[][] rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        var output = new double[rows.Length];
        EvaluateInParts(rows.Length, (long)rows.Length * _weight.Length, (start, end) => EvaluateRows(rows, output, start, end));
        return output;
    }

    /// <summary>As <see cref="EvaluateBatch(double[][])"/>, for a rectangular matrix with one row per input vector.</summary>
    [MethodImpl(AggressiveOptimization)]
    public double[] EvaluateBatch(double[,] rows)
    {
        if (rows is null)
        {
            throw new ArgumentNullException(nameof(rows));
        }

        int rowCount = rows.GetLength(0);
        int n = _weight.Length;
        if (rowCount > 0 && rows.GetLength(1) != n)
        {
            throw RowError(
                ErrorIds.InputCountMismatch,
                ErrorKind.InvalidArgument,
                0,
                $"the neuron has {Wording.Count(n, "weight")} but every row of the matrix has {Wording.Count(rows.GetLength(1), "value")}. Give one column per weight, in weight order.");
        }

        var output = new double[rowCount];
        EvaluateInParts(rowCount, (long)rowCount * n, (start, end) => EvaluateRows(rows, output, start, end));
        return output;
    }

    // A batch of at least this many input values is split across the processors. Each row is still summed by one
    // thread, in the same order, so the results do not depend on the split.
    private const long ParallelThreshold = 1 << 18;

    /// <summary>
    /// Runs <paramref name="evaluateRows"/> over consecutive parts of the rows, in parallel for a large batch. When
    /// rows are bad, the error of the part that comes first is thrown: each part stops at its own first bad row,
    /// so that is the first bad row of the batch.
    /// </summary>
    private static void EvaluateInParts(int rowCount, long valueCount, Action<int, int> evaluateRows)
    {
        int parts = valueCount < ParallelThreshold ? 1 : Math.Min(Environment.ProcessorCount, Math.Max(1, rowCount / 1024));
        if (parts <= 1)
        {
            evaluateRows(0, rowCount);
            return;
        }

        var errors = new NeuronToolsException?[parts];
        Parallel.For(0, parts, part =>
        {
            int start = (int)((long)rowCount * part / parts);
            int end = (int)((long)rowCount * (part + 1) / parts);
            try
            {
                evaluateRows(start, end);
            }
            catch (NeuronToolsException exception)
            {
                errors[part] = exception;
            }
        });

        foreach (var error in errors)
        {
            if (error is not null)
            {
                throw error;
            }
        }
    }

    [MethodImpl(AggressiveOptimization)]
    private void EvaluateRows(double[][] rows, double[] output, int start, int end)
    {
        int n = _weight.Length;
        int row = start;
        for (; row + RowsPerPass <= end; row += RowsPerPass)
        {
            double[] x0 = rows[row], x1 = rows[row + 1], x2 = rows[row + 2], x3 = rows[row + 3];
            if (!HasLength(x0, n) || !HasLength(x1, n) || !HasLength(x2, n) || !HasLength(x3, n))
            {
                // Let the one-row path find and report the first bad row of these four, in order.
                for (int k = row; k < row + RowsPerPass; k++)
                {
                    output[k] = EvaluateBatchRow(rows[k], k);
                }

                continue;
            }

            SumFourRows(x0, x1, x2, x3, out double s0, out double s1, out double s2, out double s3);
            output[row] = Finish(s0 + Bias, x0, row);
            output[row + 1] = Finish(s1 + Bias, x1, row + 1);
            output[row + 2] = Finish(s2 + Bias, x2, row + 2);
            output[row + 3] = Finish(s3 + Bias, x3, row + 3);
        }

        for (; row < end; row++)
        {
            output[row] = EvaluateBatchRow(rows[row], row);
        }
    }

    [MethodImpl(AggressiveOptimization)]
    private unsafe void EvaluateRows(double[,] rows, double[] output, int start, int end)
    {
        if (start == end)
        {
            return;
        }

        int n = _weight.Length;
        fixed (double* first = &rows[0, 0])
        fixed (double* w = _weight)
        {
            int row = start;
            for (; row + RowsPerPass <= end; row += RowsPerPass)
            {
                double* x0 = first + ((long)row * n);
                DotProduct.SumFour(w, x0, x0 + n, x0 + (2 * n), x0 + (3 * n), n, out double s0, out double s1, out double s2, out double s3);
                output[row] = Finish(s0 + Bias, rows, row);
                output[row + 1] = Finish(s1 + Bias, rows, row + 1);
                output[row + 2] = Finish(s2 + Bias, rows, row + 2);
                output[row + 3] = Finish(s3 + Bias, rows, row + 3);
            }

            for (; row < end; row++)
            {
                output[row] = Finish(DotProduct.Sum(w, first + ((long)row * n), n) + Bias, rows, row);
            }
        }
    }

    // Four rows at a time give four independent sums, so the processor overlaps them; each row is still
    // summed in DotProduct's order, which keeps the results bit-identical to Evaluate.
    private const int RowsPerPass = 4;

    private const MethodImplOptions AggressiveOptimization = DotProduct.AggressiveOptimization;

    private static bool HasLength(double[]? row, int length) => row is not null && row.Length == length;

    private unsafe void SumFourRows(double[] row0, double[] row1, double[] row2, double[] row3, out double s0, out double s1, out double s2, out double s3)
    {
        fixed (double* w = _weight)
        fixed (double* x0 = row0)
        fixed (double* x1 = row1)
        fixed (double* x2 = row2)
        fixed (double* x3 = row3)
        {
            DotProduct.SumFour(w, x0, x1, x2, x3, _weight.Length, out s0, out s1, out s2, out s3);
        }
    }

    private double EvaluateBatchRow(double[]? input, int row)
    {
        if (input is null)
        {
            throw RowError(ErrorIds.InputCountMismatch, ErrorKind.InvalidArgument, row, $"the row is $null but the neuron has {Wording.Count(_weight.Length, "weight")}. Give one value per weight, in weight order.");
        }

        if (input.Length != _weight.Length)
        {
            throw RowError(
                ErrorIds.InputCountMismatch,
                ErrorKind.InvalidArgument,
                row,
                $"the neuron has {Wording.Count(_weight.Length, "weight")} but the row has {Wording.Count(input.Length, "value")}. Give one value per weight, in weight order.");
        }

        return Finish(Sum(input), input, row);
    }

    // A non-finite input always makes a non-finite (0·∞ is NaN, NaN and ∞ survive every sum), so the inputs
    // need to be looked at only for a row whose a or z came out non-finite.
    private double Finish(double a, double[] input, int row)
    {
        double z = Activation.Value(a);
        if (IsFinite(a) && IsFinite(z))
        {
            return z;
        }

        for (int i = 0; i < input.Length; i++)
        {
            if (!IsFinite(input[i]))
            {
                throw NonFiniteBatchInput(row, i, input[i]);
            }
        }

        throw NonFiniteBatchResult(row, a, z);
    }

    private double Finish(double a, double[,] rows, int row)
    {
        double z = Activation.Value(a);
        if (IsFinite(a) && IsFinite(z))
        {
            return z;
        }

        for (int i = 0; i < rows.GetLength(1); i++)
        {
            if (!IsFinite(rows[row, i]))
            {
                throw NonFiniteBatchInput(row, i, rows[row, i]);
            }
        }

        throw NonFiniteBatchResult(row, a, z);
    }

    private static NeuronToolsException NonFiniteBatchInput(int row, int position, double value) => RowError(
        ErrorIds.NonFiniteInput,
        ErrorKind.InvalidData,
        row,
        FormattableString.Invariant($"the input value at position {position} is {Describe(value)}; a neuron's inputs must be finite numbers. Remove or replace the value."));

    private static NeuronToolsException NonFiniteBatchResult(int row, double a, double z) => RowError(
        ErrorIds.NonFiniteResult,
        ErrorKind.InvalidResult,
        row,
        $"the inputs are finite but the neuron's result is not: a = {Describe(a)}, z = {Describe(z)}. The result overflowed the range of a double (about ±1.8e308); scale the inputs or weights down.");

    private static NeuronToolsException RowError(string errorId, ErrorKind kind, int row, string problem)
    {
        var exception = new NeuronToolsException(errorId, kind, FormattableString.Invariant($"Row {row} (counting from 0) is bad, so no row was evaluated: {problem}"));
        exception.Data["RowIndex"] = row;
        return exception;
    }
}
