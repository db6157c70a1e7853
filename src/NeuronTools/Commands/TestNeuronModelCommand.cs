using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Scores a neuron or a network on labelled rows: loss, accuracy and confusion matrix.</summary>
[Cmdlet(VerbsDiagnostic.Test, "NeuronModel")]
[OutputType(typeof(ModelEvaluation))]
public sealed class TestNeuronModelCommand : PSCmdlet
{
    private object _model = null!;
    private LabelledRows _rows = null!;
    private LossFunction _loss;

    [Parameter(Mandatory = true, Position = 0)]
    [ValidateNotNull]
    [Alias("Neuron", "Network")]
    public object Model { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipeline = true)]
    [Alias("Input", "X")]
    [AllowNull]
    public object? InputObject { get; set; }

    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    [AllowNull]
    public object?[] Target { get; set; } = null!;

    [Parameter]
    public LossFunction Loss { get; set; }

    protected override void BeginProcessing()
    {
        try
        {
            _model = ModelRows.Model(Model);
            var history = _model is Neuron neuron ? neuron.TrainingHistory : ((NeuronNetwork)_model).TrainingHistory;
            _loss = MyInvocation.BoundParameters.ContainsKey(nameof(Loss)) ? Loss : history?.Loss ?? LossFunction.MeanSquaredError;
            _rows = new LabelledRows(this, _model, Target, _loss);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model));
        }
    }

    protected override void ProcessRecord() => _rows.Add(InputObject);

    protected override void EndProcessing()
    {
        _rows.CheckComplete();
        try
        {
            WriteObject(ModelTrainer.EvaluateModel(
                _model,
                _rows.Input.ConvertAll(r => (System.Collections.Generic.IReadOnlyList<double>)r),
                _rows.Target.ConvertAll(r => (System.Collections.Generic.IReadOnlyList<double>)r),
                _loss));
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model));
        }
    }
}
