using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Scores a neuron or a network on labelled rows: loss, accuracy and confusion matrix.</summary>
[Cmdlet(VerbsDiagnostic.Test, "NeuronModel", DefaultParameterSetName = ModelSet)]
[OutputType(typeof(ModelEvaluation))]
public sealed class TestNeuronModelCommand : ModelRowsCommand
{
    private TabularTrainingRows? _tabular;
    private bool _firstRowSeen;

    // -Loss defaults to the loss the model was trained with, so that the score matches its training history.
    protected override void BeginProcessing() =>
        StartRows(IsLossGiven ? Loss : Model.TrainingHistory?.Loss ?? LossFunction.MeanSquaredError, forTraining: false);

    protected override void ProcessRecord()
    {
        if (!_firstRowSeen)
        {
            _firstRowSeen = true;

            // A model with stored preprocessing or class labels, or text labels in the rows: score through named columns.
            if (Model.Preprocessing is not null || Model.ClassLabel is not null || (IsPropertyNames(Target) && TabularTrainingRows.HasTextTarget(InputObject, TargetNames())))
            {
                _tabular = new TabularTrainingRows(this, Model, TargetNames(), new TabularSettings());
            }
        }

        if (_tabular is not null)
        {
            _tabular.Add(InputObject);
        }
        else
        {
            base.ProcessRecord();
        }
    }

    protected override void EndProcessing()
    {
        if (_tabular is null)
        {
            Rows.CheckComplete();
        }

        try
        {
            WriteObject(_tabular is null
                ? ModelTrainer.Evaluate(Rows.Data)
                : _tabular.Set is { RowCount: > 0 } set
                    ? set.Evaluate(Model, IsLossGiven ? Loss : null)
                    : throw new NeuronToolsException("NoTrainingData", ErrorKind.InvalidData, "None of the rows could be used (see the errors above), so there is nothing to score. Send rows with their inputs and targets."));
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
        }
    }
}
