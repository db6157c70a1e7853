using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Trains a copy of a neuron or a network on labelled rows and returns it with its training history.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronTraining")]
[OutputType(typeof(Neuron), typeof(NeuronNetwork))]
public sealed class InvokeNeuronTrainingCommand : ModelRowsCommand
{
    private volatile bool _stopRequested;

    [Parameter]
    public Optimizer Optimizer { get; set; } = Optimizer.Adam;

    [Parameter]
    [ValidateRange(double.Epsilon, double.MaxValue)]
    [InvariantNumber]
    public double LearningRate { get; set; }

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    [Alias("Epochs")]
    [InvariantInteger]
    public int Epoch { get; set; } = 100;

    [Parameter]
    [ValidateRange(1, int.MaxValue)]
    [InvariantInteger]
    public int BatchSize { get; set; } = 32;

    [Parameter]
    [InvariantInteger]
    public int Seed { get; set; }

    [Parameter]
    [ValidateRange(0.0, 0.99)]
    [InvariantNumber]
    public double ValidationFraction { get; set; }

    protected override void BeginProcessing() => StartRows(Loss, forTraining: true);

    protected override void EndProcessing()
    {
        Rows.CheckComplete();
        var options = new TrainingOptions
        {
            Loss = Loss,
            Optimizer = Optimizer,
            LearningRate = MyInvocation.BoundParameters.ContainsKey(nameof(LearningRate)) ? LearningRate : null,
            EpochCount = Epoch,
            BatchSize = BatchSize,
            Seed = MyInvocation.BoundParameters.ContainsKey(nameof(Seed)) ? Seed : null,
            ValidationFraction = ValidationFraction,
        };

        string activity = string.Format(CultureInfo.InvariantCulture, "Training {0} on {1}", Model, Wording.Count(Rows.Data.Count, "row"));
        var progress = new ProgressRecord(1, activity, "Starting");
        var sinceProgress = Stopwatch.StartNew();
        NeuronModel trained;
        try
        {
            using var stopKey = ConsoleStopKey.TryStart(Host);
            trained = ModelTrainer.Train(
                Rows.Data,
                options,
                () => _stopRequested || (stopKey?.Pressed ?? false),
                epoch =>
                {
                    WriteVerbose(Describe(epoch));
                    if (sinceProgress.ElapsedMilliseconds >= 200 || epoch.Epoch == Epoch)
                    {
                        progress.StatusDescription = Describe(epoch);
                        progress.PercentComplete = (int)(100L * epoch.Epoch / Epoch);
                        WriteProgress(progress);
                        sinceProgress.Restart();
                    }
                });
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Model.ErrorTarget));
            return;
        }

        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        var history = trained.TrainingHistory!;
        if (history.Stopped)
        {
            WriteWarning(string.Format(
                CultureInfo.InvariantCulture,
                "Training was stopped after {0} of {1} (final loss {2:G6}); the model returned is the one trained so far.",
                history.EpochCount,
                Wording.Count(Epoch, "epoch"),
                history.FinalLoss));
        }

        WriteObject(trained);
    }

    protected override void StopProcessing() => _stopRequested = true;

    private static string Describe(TrainingEpoch epoch)
    {
        string text = string.Format(CultureInfo.InvariantCulture, "Epoch {0}: loss {1:G6}", epoch.Epoch, epoch.Loss);
        if (epoch.Accuracy is double accuracy)
        {
            text += string.Format(CultureInfo.InvariantCulture, ", accuracy {0:P1}", accuracy);
        }

        if (epoch.ValidationLoss is double validation)
        {
            text += string.Format(CultureInfo.InvariantCulture, ", validation loss {0:G6}", validation);
        }

        if (epoch.ValidationAccuracy is double validationAccuracy)
        {
            text += string.Format(CultureInfo.InvariantCulture, ", validation accuracy {0:P1}", validationAccuracy);
        }

        return text;
    }
}
