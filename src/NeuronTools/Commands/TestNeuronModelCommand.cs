using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Scores a neuron or a network on labelled rows: loss, accuracy and confusion matrix.</summary>
[Cmdlet(VerbsDiagnostic.Test, "NeuronModel")]
[OutputType(typeof(ModelEvaluation))]
public sealed class TestNeuronModelCommand : ModelRowsCommand
{
    private LossFunction _loss;

    // -Loss defaults to the loss the model was trained with, so that the score matches its training history.
    protected override void BeginProcessing() => StartRows(model =>
    {
        _loss = IsLossGiven ? Loss : model.TrainingHistory?.Loss ?? LossFunction.MeanSquaredError;
        return _loss;
    });

    protected override void EndProcessing()
    {
        Rows.CheckComplete();
        try
        {
            WriteObject(ModelTrainer.Evaluate(Model, RowInputs, RowTargets, _loss));
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }
}
