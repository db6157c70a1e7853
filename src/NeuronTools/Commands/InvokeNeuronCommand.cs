using System.Collections;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Runs a neuron on each input row from the pipeline or the parameter, or on a whole matrix at once.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "Neuron", DefaultParameterSetName = RowSet)]
[OutputType(typeof(NeuronOutput), ParameterSetName = new[] { RowSet })]
[OutputType(typeof(PSObject), ParameterSetName = new[] { RowSet })]
[OutputType(typeof(double[]), ParameterSetName = new[] { MatrixSet })]
public sealed class InvokeNeuronCommand : PSCmdlet, IRowStep
{
    private const string RowSet = "InputObject";
    private const string MatrixSet = "InputMatrix";

    private RowPipeline _rows = null!;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    public Neuron Neuron { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ParameterSetName = RowSet)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter(ParameterSetName = RowSet)]
    [ValidateNotNullOrEmpty]
    public string? AsProperty { get; set; }

    // Typed as object on purpose: PowerShell would convert an object[] of object[] into a double[][] one
    // element at a time, which costs more than the whole evaluation; the rows are converted here instead.
    [Parameter(Mandatory = true, ParameterSetName = MatrixSet)]
    [ValidateNotNull]
    public object InputMatrix { get; set; } = null!;

    protected override void BeginProcessing()
    {
        _rows = new RowPipeline(this, Neuron, nameof(Neuron));
        RowProperty.CheckName(this, AsProperty, Neuron.InputName);
    }

    protected override void ProcessRecord()
    {
        if (ParameterSetName == MatrixSet)
        {
            EvaluateMatrix();
            return;
        }

        _rows.Run(InputObject, this);
    }

    object? IRowStep.Process(double[] input, object? row, int index)
    {
        NeuronOutput output = Neuron.EvaluateOwned(input, row);
        return AsProperty is null ? output : RowProperty.Add(row, AsProperty, output.Output);
    }

    private void EvaluateMatrix()
    {
        object? matrix = InputVectorReader.Unwrap(InputMatrix);
        try
        {
            double[] output = matrix switch
            {
                double[,] rectangular => Neuron.EvaluateBatch(rectangular),
                double[][] jagged => Neuron.EvaluateBatch(jagged),
                IList rows => Neuron.EvaluateBatch(ReadRows(rows)),
                _ => throw new NeuronToolsException(
                    ErrorIds.InvalidInputMatrix,
                    ErrorKind.InvalidArgument,
                    $"-InputMatrix takes a double[][], a double[,] or an array of rows, but got a {matrix?.GetType().Name ?? "$null"}. To evaluate one vector, use -InputObject."),
            };

            // One array, written as one object: the batch skips per-row objects on purpose.
            WriteObject(output, enumerateCollection: false);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, InputMatrix));
        }
    }

    private double[][] ReadRows(IList rows)
    {
        var vectors = new double[rows.Count][];
        for (int row = 0; row < vectors.Length; row++)
        {
            try
            {
                vectors[row] = _rows.Binder.Bind(rows[row], copyVector: false, out _);
            }
            catch (NeuronToolsException exception)
            {
                // An earlier row may be bad in a way only evaluation finds (a wrong length, NaN, overflow):
                // the error names the first bad row, so evaluate the rows before this one first.
                var earlier = new double[row][];
                System.Array.Copy(vectors, earlier, row);
                Neuron.EvaluateBatch(earlier);

                var rowError = new NeuronToolsException(
                    exception.ErrorId,
                    exception.Kind,
                    string.Format(CultureInfo.InvariantCulture, "Row {0} (counting from 0) is bad, so no row was evaluated: {1}", row, exception.Message),
                    exception);
                rowError.Data["RowIndex"] = row;
                throw rowError;
            }
        }

        return vectors;
    }
}
