using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Trains a copy of a neuron or a network on labelled rows and returns it with its training history.</summary>
[Cmdlet(VerbsLifecycle.Invoke, "NeuronTraining", DefaultParameterSetName = RowsSet)]
[OutputType(typeof(Neuron), typeof(NeuronNetwork))]
public sealed class InvokeNeuronTrainingCommand : ModelRowsCommand
{
    private const string RowsSet = "Rows";

    private volatile bool _stopRequested;
    private TabularTrainingRows? _tabular;
    private bool _firstRowSeen;

    /// <summary>The hidden layer sizes of a new network, first layer first; 0 or none for no hidden layer.</summary>
    [Parameter(ParameterSetName = RowsSet)]
    [AllowEmptyCollection]
    [ValidateRange(0, int.MaxValue)]
    [InvariantInteger]
    public int[] HiddenLayer { get; set; } = { 16 };

    [Parameter(ParameterSetName = RowsSet)]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    public string Activation { get; set; } = "ReLU";

    [Parameter(ParameterSetName = RowsSet)]
    [ValidateNotNullOrEmpty]
    public string[]? ExcludeProperty { get; set; }

    [Parameter(ParameterSetName = RowsSet)]
    [ValidateNotNullOrEmpty]
    public string[]? InputName { get; set; }

    [Parameter]
    public InputScaling Scaling { get; set; } = InputScaling.None;

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? CategoricalInput { get; set; }

    [Parameter]
    public MissingValueHandling MissingValue { get; set; } = MissingValueHandling.Error;

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

    /// <summary>True when a setting of training from named columns was given with -Model.</summary>
    private bool IsTabularAsked =>
        MyInvocation.BoundParameters.ContainsKey(nameof(Scaling))
        || MyInvocation.BoundParameters.ContainsKey(nameof(CategoricalInput))
        || MyInvocation.BoundParameters.ContainsKey(nameof(MissingValue));

    protected override void BeginProcessing()
    {
        if (!IsModelGiven)
        {
            _tabular = new TabularTrainingRows(this, null, TargetNames(), Settings());
            return;
        }

        StartRows(Loss, forTraining: true);
        if (Model.Preprocessing is not null || Model.ClassLabel is not null || IsTabularAsked)
        {
            _tabular = new TabularTrainingRows(this, Model, TargetNames(), Settings());
        }
    }

    protected override void ProcessRecord()
    {
        if (!_firstRowSeen && _tabular is null && IsModelGiven && IsPropertyNames(Target) && TabularTrainingRows.HasTextTarget(InputObject, TargetNames()))
        {
            // Text class labels: the model learns them as its classes, through named columns.
            _tabular = new TabularTrainingRows(this, Model, TargetNames(), Settings());
        }

        _firstRowSeen = true;
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
        else if (_tabular.Set is not { RowCount: > 0 })
        {
            ThrowTerminatingError(ErrorRecords.Create(
                "NoTrainingData",
                ErrorCategory.InvalidData,
                _tabular.Seen switch
                {
                    0 => "No row arrived",
                    1 => "The one row could not be used (see the error above)",
                    _ => FormattableString.Invariant($"None of the {_tabular.Seen} rows could be used (see the errors above)"),
                } + ", so there is nothing to learn from. Send rows with their inputs and targets.",
                null));
        }

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

        int rowCount = _tabular?.Set!.RowCount ?? Rows.Data.Count;
        string activity = string.Format(CultureInfo.InvariantCulture, "Training {0} on {1}", IsModelGiven ? Model : "a new network", Wording.Count(rowCount, "row"));
        var progress = new ProgressRecord(1, activity, "Starting");
        var sinceProgress = Stopwatch.StartNew();
        NeuronModel trained;
        try
        {
            using var stopKey = ConsoleStopKey.TryStart(Host);
            Func<bool> stop = () => _stopRequested || (stopKey?.Pressed ?? false);
            Action<TrainingEpoch> epochCompleted = epoch =>
                {
                    WriteVerbose(Describe(epoch));
                    if (sinceProgress.ElapsedMilliseconds >= 200 || epoch.Epoch == Epoch)
                    {
                        progress.StatusDescription = Describe(epoch);
                        progress.PercentComplete = (int)(100L * epoch.Epoch / Epoch);
                        WriteProgress(progress);
                        sinceProgress.Restart();
                    }
                };
            trained = _tabular is null
                ? ModelTrainer.Train(Rows.Data, options, stop, epochCompleted)
                : TrainTabular(options, stop, epochCompleted);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, IsModelGiven ? Model.ErrorTarget : null));
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

    private TabularSettings Settings() => new()
    {
        InputName = InputName,
        ExcludeProperty = ExcludeProperty,
        CategoricalInput = CategoricalInput,
        Scaling = Scaling,
        ScalingGiven = MyInvocation.BoundParameters.ContainsKey(nameof(Scaling)),
        MissingValue = MissingValue,
    };

    private NeuronModel TrainTabular(TrainingOptions options, Func<bool> stop, Action<TrainingEpoch> epochCompleted)
    {
        var tabularOptions = new TabularTrainingOptions
        {
            HiddenLayer = HiddenLayer.Where(size => size > 0).ToArray(),
            Activation = Activation,
            Loss = IsLossGiven ? Loss : null,
            CheckRanges = !MyInvocation.BoundParameters.ContainsKey(nameof(Scaling)) && !_tabular!.KeepsStoredPreprocessing,
            Training = options,
        };
        var result = _tabular!.Set!.Train(IsModelGiven ? Model : null, tabularOptions, stop, epochCompleted);
        if (result.RangeDisparity is { } disparity)
        {
            WriteWarning(string.Format(
                CultureInfo.InvariantCulture,
                "The input columns' ranges differ by a factor of {0:G3}: '{1}' spans {2:G6}, '{3}' spans {4:G6}. Unscaled, the wide column dominates the first layer and training is slow and less accurate; train with -Scaling Standard (the scaling is stored in the model and applied to every row it reads).",
                disparity.Ratio,
                disparity.Widest,
                disparity.WidestRange,
                disparity.Narrowest,
                disparity.NarrowestRange));
        }

        return result.Network;
    }

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
