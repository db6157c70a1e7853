using System.Collections.Generic;
using System.Management.Automation;
using NeuronTools.Rendering;

namespace NeuronTools.Commands;

/// <summary>
/// Plots the learning curve of trained models — the loss per epoch, and the validation loss where rows
/// were held out, or the accuracy — as a chart of text lines, or as an SVG file with -OutFile. Every
/// history is collected first, since one chart shows them all.
/// </summary>
[Cmdlet(VerbsCommon.Show, "TrainingHistory", SupportsShouldProcess = true)]
[OutputType(typeof(string))]
public sealed class ShowTrainingHistoryCommand : ChartCommand
{
    private readonly List<TrainingRunToPlot> _runs = new();
    private string? _outPath;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    [Alias("Model", "TrainingHistory")]
    public object InputObject { get; set; } = null!;

    [Parameter]
    public TrainingMetric Metric { get; set; } = TrainingMetric.Loss;

    protected override void BeginProcessing() => _outPath = ResolveOutFile();

    protected override void ProcessRecord()
    {
        switch (InputVectorReader.Unwrap(InputObject))
        {
            case NeuronModel model:
                Add(model.TrainingHistory, model.Name, model.Noun, "New-" + model.GetType().Name);
                break;
            case TrainingHistory history:
                Add(history, null, "history", string.Empty);
                break;
            case var other:
                WriteError(ErrorRecords.Create(
                    ErrorIds.NotATrainingHistory,
                    ErrorCategory.InvalidType,
                    $"Show-TrainingHistory plots the training of a neuron or network that Invoke-NeuronTraining returned, or its TrainingHistory, but got a {other?.GetType().FullName ?? "null"}. Pipe in the trained model.",
                    InputObject));
                break;
        }
    }

    private void Add(TrainingHistory? history, string? label, string what, string builder)
    {
        if (history is null)
        {
            WriteError(ErrorRecords.Create(
                ErrorIds.NoTrainingHistory,
                ErrorCategory.InvalidArgument,
                $"The {what}{(label is null ? string.Empty : " '" + label + "'")} has no training history: {builder} built it and nothing trained it. Train it with Invoke-NeuronTraining and plot the model that returns.",
                InputObject));
            return;
        }

        try
        {
            TrainingChart.Check(history, Metric, label);
            _runs.Add(new TrainingRunToPlot(history, label));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, InputObject));
        }
    }

    protected override void EndProcessing()
    {
        if (_runs.Count == 0)
        {
            return;
        }

        try
        {
            var chart = TrainingChart.Create(_runs, Metric);
            ChartOutput.Write(this, chart, MyInvocation.BoundParameters.ContainsKey(nameof(Width)) ? Width : null, Height, _outPath, Force, NoClobber);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, InputObject));
        }
    }
}
