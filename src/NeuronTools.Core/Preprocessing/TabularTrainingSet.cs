using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>What training from named columns made: the trained network, the preprocessing in front of it and its class labels.</summary>
public sealed class TabularTrainingResult
{
    internal TabularTrainingResult(NeuronModel network, InputPreprocessing preprocessing, IReadOnlyList<string>? classLabel, RangeDisparity? rangeDisparity)
    {
        Network = network;
        Preprocessing = preprocessing;
        ClassLabel = classLabel;
        RangeDisparity = rangeDisparity;
    }

    /// <summary>The trained model (a new network when training started from none), with its preprocessing and labels.</summary>
    public NeuronModel Network { get; }

    public InputPreprocessing Preprocessing { get; }

    /// <summary>The classes in class-index order for a text target; null for a numeric one.</summary>
    public IReadOnlyList<string>? ClassLabel { get; }

    /// <summary>Set when the numeric columns were left unscaled though their ranges differ by more than a hundredfold.</summary>
    public RangeDisparity? RangeDisparity { get; }
}

/// <summary>The settings of training from named columns beyond <see cref="TrainingOptions"/>.</summary>
public sealed class TabularTrainingOptions
{
    /// <summary>The sizes of the hidden layers of a new network, first layer first; none for a single dense layer (logistic or linear regression).</summary>
    public IReadOnlyList<int> HiddenLayer { get; set; } = new[] { 16 };

    /// <summary>The activation of the hidden layers of a new network.</summary>
    public string Activation { get; set; } = "ReLU";

    /// <summary>The loss; null for the one that follows from the target (see <see cref="TabularTrainingSet"/>).</summary>
    public LossFunction? Loss { get; set; }

    /// <summary>True to look for column ranges that differ by more than a hundredfold (when scaling was not asked for).</summary>
    public bool CheckRanges { get; set; }

    public TrainingOptions Training { get; set; } = new();
}

/// <summary>
/// Labelled rows of named columns, as a CSV file has them, collected one row at a time for training; a row
/// that cannot be used throws a <see cref="NeuronToolsException"/> for that row alone and is not kept.
/// </summary>
/// <remarks>
/// The first good row decides what the target is: text that is not a number makes it a class label (every
/// later value, numbers included, is then a label), otherwise numbers (regression, or the class index a
/// model from -Model expects). The classes are the distinct labels of all rows in ordinal order (see
/// <see cref="ClassLabels"/>). A new network then has the hidden layers asked for and an output layer that
/// follows from the target: three or more classes, one Softmax output per class with CrossEntropy; two
/// classes, one Sigmoid output (the probability of the second class) with BinaryCrossEntropy, as
/// scikit-learn's MLPClassifier and LogisticRegression; numbers, one Identity output per target column with
/// MeanSquaredError (the target is not scaled). The input preprocessing is fitted on the training rows of
/// the run's own validation split, unless a stored one is given (retraining keeps it).
/// </remarks>
public sealed class TabularTrainingSet
{
    private readonly string[] _targetColumn;
    private readonly PreprocessingFitter? _fitter;
    private readonly InputPreprocessing? _stored;
    private readonly IReadOnlyList<string>? _storedLabels;
    private readonly List<double[]> _storedFeatures = new();
    private readonly List<string> _labels = new();
    private readonly List<double[]> _numbers = new();
    private bool? _isLabelled;

    /// <summary>Rows to be preprocessed by a new fit of <paramref name="scaling"/> (and the other settings).</summary>
    public TabularTrainingSet(IReadOnlyList<string> inputColumn, IReadOnlyList<string> targetColumn, IEnumerable<string>? categoricalInput, InputScaling scaling, MissingValueHandling missingValue, IReadOnlyList<string>? classLabel = null)
    {
        _targetColumn = CheckTargets(targetColumn);
        _fitter = new PreprocessingFitter(inputColumn, categoricalInput, scaling, missingValue);
        _storedLabels = classLabel;
        if (classLabel is not null)
        {
            _isLabelled = true;
        }
    }

    /// <summary>Rows preprocessed by a stored preprocessing, and labelled by stored class labels when given.</summary>
    public TabularTrainingSet(InputPreprocessing preprocessing, IReadOnlyList<string> targetColumn, IReadOnlyList<string>? classLabel)
    {
        _targetColumn = CheckTargets(targetColumn);
        _stored = preprocessing ?? throw new ArgumentNullException(nameof(preprocessing));
        _storedLabels = classLabel;
        if (classLabel is not null)
        {
            _isLabelled = true;
        }
    }

    /// <summary>The raw input columns, in the order <see cref="Add"/> takes their values.</summary>
    public IReadOnlyList<string> InputColumn => _stored?.InputName ?? _fitter!.ColumnName;

    public IReadOnlyList<string> TargetColumn => _targetColumn;

    public int RowCount => _fitter?.RowCount ?? _storedFeatures.Count;

    /// <summary>True when the target holds class labels, false for numbers, null before the first good row.</summary>
    public bool? IsLabelled => _isLabelled;

    /// <summary>Checks and keeps one row: its input values in <see cref="InputColumn"/> order and its target values.</summary>
    public void Add(IReadOnlyList<object?> input, IReadOnlyList<object?> target)
    {
        if (input is null || target is null)
        {
            throw new ArgumentNullException(input is null ? nameof(input) : nameof(target));
        }

        if (target.Count != _targetColumn.Length)
        {
            throw new ArgumentException("There must be one target value per target column.", nameof(target));
        }

        bool labelled = _isLabelled ?? IsLabel(target[0]);
        string? label = null;
        double[]? numbers = null;
        if (labelled)
        {
            if (_targetColumn.Length != 1)
            {
                throw new NeuronToolsException("InvalidTarget", ErrorKind.InvalidData, $"The target column '{_targetColumn[0]}' holds text labels, so it must be the only target column; give -Target one column.");
            }

            label = TargetText(target[0]);
            if (_storedLabels is not null)
            {
                ClassLabels.IndexOf(_storedLabels, label);
            }
        }
        else
        {
            numbers = new double[target.Count];
            for (int j = 0; j < numbers.Length; j++)
            {
                numbers[j] = TargetNumber(j, target[j]);
            }
        }

        if (_stored is not null)
        {
            _storedFeatures.Add(_stored.Transform(input));
        }
        else
        {
            _fitter!.Add(input);
        }

        _isLabelled = labelled;
        if (labelled)
        {
            _labels.Add(label!);
        }
        else
        {
            _numbers.Add(numbers!);
        }
    }

    /// <summary>
    /// Trains <paramref name="start"/>, or a new network when it is null, on the rows kept: the
    /// preprocessing is fitted on the training rows of the run's split (or the stored one applies).
    /// </summary>
    public TabularTrainingResult Train(NeuronModel? start, TabularTrainingOptions options, Func<bool>? stopRequested = null, Action<TrainingEpoch>? epochCompleted = null)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        int n = RowCount;
        if (n == 0)
        {
            throw new NeuronToolsException("NoTrainingData", ErrorKind.InvalidArgument, "No row could be used, so there is nothing to learn from.");
        }

        var training = options.Training;
        training.Validate();
        int seed = training.Seed ?? WeightInitializer.NewSeed();
        var (trainingRows, _) = StackTrainer.Split(n, training.ValidationFraction, new DeterministicRandom(seed));
        var preprocessing = _stored ?? _fitter!.Fit(trainingRows);
        var disparity = options.CheckRanges && _fitter is not null ? _fitter.FindRangeDisparity(trainingRows) : null;
        var input = new List<IReadOnlyList<double>>(n);
        for (int i = 0; i < n; i++)
        {
            input.Add(_stored is null ? _fitter!.Features(i, preprocessing) : _storedFeatures[i]);
        }

        IReadOnlyList<string>? classes = _isLabelled == true ? _storedLabels ?? ClassLabels.Order(_labels) : null;
        int outputCount = start?.OutputCount ?? (classes is null ? _targetColumn.Length : classes.Count == 2 ? 1 : classes.Count);
        if (classes is not null)
        {
            classes = ClassLabels.Check(classes, outputCount, "classLabel");
        }

        NeuronModel network = start ?? NewNetwork(preprocessing, options, outputCount, classes is not null, seed);
        if (network.InputCount != preprocessing.FeatureCount)
        {
            throw new NeuronToolsException(
                "InputCountMismatch",
                ErrorKind.InvalidArgument,
                $"The model has {Wording.Count(network.InputCount, "input")} but the rows give {Wording.Count(preprocessing.FeatureCount, "feature")} ({string.Join(", ", preprocessing.FeatureName)}). Name the columns to use with -InputName, or train a new model without -Model.");
        }

        var target = new List<IReadOnlyList<double>>(n);
        for (int i = 0; i < n; i++)
        {
            target.Add(classes is null ? _numbers[i] : Encode(ClassLabels.IndexOf(classes, _labels[i]), outputCount));
        }

        training.Seed = seed;
        training.Loss = options.Loss ?? DefaultLoss(classes, outputCount);
        var trained = ModelTrainer.Train(network, input, target, training, stopRequested, epochCompleted);
        return new TabularTrainingResult(trained.WithSchema(preprocessing, classes, trained.TrainingHistory), preprocessing, classes, disparity);
    }

    /// <summary>
    /// Scores <paramref name="model"/> on the rows kept: the loss (by default the one it was trained with,
    /// else the one its target calls for), and for classes the accuracy, confusion matrix and per-class
    /// metrics named by the model's class labels; for regression R², MAE and RMSE.
    /// </summary>
    public ModelEvaluation Evaluate(NeuronModel model, LossFunction? loss)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        int n = RowCount;
        if (n == 0)
        {
            throw new NeuronToolsException("NoEvaluationData", ErrorKind.InvalidArgument, "No row could be used, so there is nothing to score.");
        }

        var preprocessing = _stored ?? _fitter!.Fit();
        IReadOnlyList<string>? classes = null;
        if (_isLabelled == true)
        {
            classes = _storedLabels ?? throw new NeuronToolsException(
                ErrorIds.ModelHasNoClassLabel,
                ErrorKind.InvalidArgument,
                $"The target '{_targetColumn[0]}' holds text labels, but the model has no class labels to match them with. Train the model from these rows (Invoke-NeuronTraining -Target {_targetColumn[0]}) so it learns them, or give the class index as a number.");
        }

        var input = new List<double[]>(n);
        var target = new List<double[]>(n);
        for (int i = 0; i < n; i++)
        {
            input.Add(_stored is null ? _fitter!.Features(i, preprocessing) : _storedFeatures[i]);
            target.Add(classes is null ? _numbers[i] : Encode(ClassLabels.IndexOf(classes, _labels[i]), model.OutputCount));
        }

        var chosen = loss ?? model.TrainingHistory?.Loss ?? DefaultLoss(classes, model.OutputCount);
        var data = new LabelledData(model, chosen);
        data.AddAll(input.ConvertAll(r => (IReadOnlyList<double>)r), target.ConvertAll(t => (IReadOnlyList<double>)t), "Evaluation");
        return ModelTrainer.Evaluate(data, classes);
    }

    /// <summary>The loss a target calls for: CrossEntropy for one output per class, BinaryCrossEntropy for two classes on one output, else MeanSquaredError.</summary>
    internal static LossFunction DefaultLoss(IReadOnlyList<string>? classes, int outputCount) =>
        classes is null ? LossFunction.MeanSquaredError : outputCount == 1 ? LossFunction.BinaryCrossEntropy : LossFunction.CrossEntropy;

    private static double[] Encode(int index, int outputCount)
    {
        if (outputCount == 1)
        {
            return new[] { (double)index };
        }

        var oneHot = new double[outputCount];
        oneHot[index] = 1.0;
        return oneHot;
    }

    private static NeuronNetwork NewNetwork(InputPreprocessing preprocessing, TabularTrainingOptions options, int outputCount, bool labelled, int seed)
    {
        var hidden = options.HiddenLayer ?? Array.Empty<int>();
        var shape = new List<int> { preprocessing.FeatureCount };
        shape.AddRange(hidden);
        shape.Add(outputCount);
        var activations = new List<ActivationFunction>();
        var hiddenActivation = ActivationCatalog.Create(options.Activation);
        if (hiddenActivation.IsVector)
        {
            throw new NeuronToolsException("InvalidActivation", ErrorKind.InvalidArgument, $"{hiddenActivation.Specification} mixes a layer's outputs; a hidden layer needs an element-wise activation such as ReLU or Tanh.");
        }

        activations.AddRange(hidden.Select(_ => hiddenActivation));
        activations.Add(ActivationCatalog.Create(!labelled ? "Identity" : outputCount == 1 ? "Sigmoid" : "Softmax"));
        return NeuronNetwork.Create(shape, activations, seed: seed, inputName: preprocessing.FeatureName);
    }

    private static string[] CheckTargets(IReadOnlyList<string> targetColumn)
    {
        var names = targetColumn?.ToArray() ?? throw new ArgumentNullException(nameof(targetColumn));
        if (names.Length == 0)
        {
            throw new ArgumentException("There must be at least one target column.", nameof(targetColumn));
        }

        return names;
    }

    /// <summary>Text that is not a number is a class label.</summary>
    private static bool IsLabel(object? value) =>
        value is string text && text.Trim().Length > 0 && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    private string TargetText(object? value) =>
        InputPreprocessing.ReadText(_targetColumn[0], value) ?? throw MissingTarget(_targetColumn[0]);

    private double TargetNumber(int j, object? value)
    {
        double number;
        try
        {
            number = InputPreprocessing.ReadNumber(_targetColumn[j], value);
        }
        catch (NeuronToolsException exception)
        {
            throw new NeuronToolsException("InvalidTarget", exception.Kind, $"The target column '{_targetColumn[j]}': {exception.Message}", exception);
        }

        return double.IsNaN(number) ? throw MissingTarget(_targetColumn[j]) : number;
    }

    private static NeuronToolsException MissingTarget(string column) => new(
        "InvalidTarget",
        ErrorKind.InvalidData,
        $"The row's target '{column}' is missing (an empty cell or $null). Give every training row its target, or leave the row out.");
}
