using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Scores a neuron or a network on labelled rows: loss, accuracy and confusion matrix.</summary>
[Cmdlet(VerbsDiagnostic.Test, "NeuronModel")]
[OutputType(typeof(ModelEvaluation))]
public sealed class TestNeuronModelCommand : ModelRowsCommand
{
    // -Loss defaults to the loss the model was trained with, so that the score matches its training history.
    protected override void BeginProcessing() =>
        StartRows(IsLossGiven ? Loss : Model.TrainingHistory?.Loss ?? LossFunction.MeanSquaredError, forTraining: false);

    protected override void EndProcessing()
    {
        Rows.CheckComplete();
        try
        {
            WriteObject(ModelTrainer.Evaluate(Rows.Data));
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }
}
