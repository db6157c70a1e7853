using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// What a model does to a raw row before its first layer, as scikit-learn's Pipeline or Keras's
/// Normalization layer: each raw input column in order becomes one scaled numeric feature or one 0/1
/// feature per category. Fitted once on the training rows (<see cref="PreprocessingFitter"/>), stored in
/// the model, applied on every use. Immutable.
/// </summary>
public sealed class InputPreprocessing
{
    private readonly InputColumn[] _columns;

    public InputPreprocessing(IEnumerable<InputColumn> column, InputScaling scaling = InputScaling.None, MissingValueHandling missingValue = MissingValueHandling.Error)
    {
        _columns = column?.ToArray() ?? throw new ArgumentNullException(nameof(column));
        if (_columns.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.InvalidPreprocessing, ErrorKind.InvalidArgument, "Preprocessing needs at least one input column.").About(nameof(column));
        }

        if (Array.IndexOf(_columns, null) is int missing && missing >= 0)
        {
            throw new ArgumentNullException(nameof(column), FormattableString.Invariant($"The column at position {missing} is null."));
        }

        Column = new ReadOnlyCollection<InputColumn>(_columns);
        InputName = ModelChecks.InputNames(_columns.Select(c => c.Name).ToArray(), _columns.Length, "preprocessing", "column", nameof(column));
        FeatureName = new ReadOnlyCollection<string>(_columns.SelectMany(c => c.FeatureNames()).ToArray());
        Scaling = scaling;
        MissingValue = missingValue;
        IsNumeric = _columns.All(c => c.Kind == InputColumnKind.Numeric);
    }

    /// <summary>The raw input columns, in the order a row's values are read.</summary>
    public IReadOnlyList<InputColumn> Column { get; }

    /// <summary>How the numeric columns' offsets and scales were fitted (what -Scaling was); the stored offsets and scales are what apply.</summary>
    public InputScaling Scaling { get; }

    /// <summary>What a missing value was fitted to mean; the columns' fill values are what apply.</summary>
    public MissingValueHandling MissingValue { get; }

    /// <summary>The raw input count: one per column.</summary>
    public int InputCount => _columns.Length;

    /// <summary>The column names, which a row's properties bind to.</summary>
    public IReadOnlyList<string> InputName { get; }

    /// <summary>The feature count, which is the model's first layer's input count.</summary>
    public int FeatureCount => FeatureName.Count;

    /// <summary>One name per feature: the column name, or "column=category" for each category of a categorical column.</summary>
    public IReadOnlyList<string> FeatureName { get; }

    /// <summary>True when every column is numeric, so a raw row is a plain vector of numbers.</summary>
    public bool IsNumeric { get; }

    /// <summary>The features of one raw row: numbers (or numbers as invariant text), category text, or missing values ($null, empty text).</summary>
    public double[] Transform(IReadOnlyList<object?> raw)
    {
        if (raw is null)
        {
            throw new ArgumentNullException(nameof(raw));
        }

        CheckCount(raw.Count);
        var feature = new double[FeatureCount];
        int f = 0;
        for (int c = 0; c < _columns.Length; c++)
        {
            var column = _columns[c];
            if (column.Kind == InputColumnKind.Numeric)
            {
                feature[f++] = ScaleNumber(column, ReadNumber(column.Name, raw[c]));
            }
            else
            {
                f = OneHot(column, ReadText(column.Name, raw[c]), feature, f);
            }
        }

        return feature;
    }

    /// <summary>The features of a raw row of numbers, for a model whose columns are all numeric. Non-finite values are refused by the caller's input check.</summary>
    public double[] Transform(IReadOnlyList<double> raw)
    {
        if (raw is null)
        {
            throw new ArgumentNullException(nameof(raw));
        }

        RequireNumeric();
        CheckCount(raw.Count);
        var feature = new double[_columns.Length];
        for (int c = 0; c < feature.Length; c++)
        {
            feature[c] = (raw[c] - _columns[c].Offset) * _columns[c].Scale;
        }

        return feature;
    }

    /// <summary>
    /// The gradient with respect to the raw inputs from the gradient with respect to the features (chain
    /// rule: ∂ℓ/∂x = ∂ℓ/∂feature × Scale); a one-hot feature's gradient is with respect to its 0/1 indicator.
    /// </summary>
    public double[] RawGradient(IReadOnlyList<double> featureGradient)
    {
        if (featureGradient is null)
        {
            throw new ArgumentNullException(nameof(featureGradient));
        }

        if (featureGradient.Count != FeatureCount)
        {
            throw new ArgumentException(FormattableString.Invariant($"The gradient has {featureGradient.Count} values but there are {FeatureCount} features."), nameof(featureGradient));
        }

        var gradient = new double[FeatureCount];
        int f = 0;
        foreach (var column in _columns)
        {
            for (int k = 0; k < column.FeatureCount; k++, f++)
            {
                gradient[f] = featureGradient[f] * column.Scale;
            }
        }

        return gradient;
    }

    /// <summary>The position of the first feature of each column.</summary>
    internal int[] FeatureStart()
    {
        var start = new int[_columns.Length];
        int f = 0;
        for (int c = 0; c < _columns.Length; c++)
        {
            start[c] = f;
            f += _columns[c].FeatureCount;
        }

        return start;
    }

    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0} scaling of {1}, {2}",
        Scaling,
        Wording.Count(InputCount, "column"),
        Wording.Count(FeatureCount, "feature"));

    /// <summary>A numeric cell: null, DBNull or blank text is missing (NaN); text is read with the invariant culture.</summary>
    internal static double ReadNumber(string column, object? cell)
    {
        switch (cell)
        {
            case null:
            case DBNull:
                return double.NaN;
            case double d:
                return CheckFinite(column, d);
            case string text:
                if (text.Trim().Length == 0)
                {
                    return double.NaN;
                }

                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed))
                {
                    return CheckFinite(column, parsed);
                }

                throw new NeuronToolsException(
                    ErrorIds.InvalidInputValue,
                    ErrorKind.InvalidData,
                    $"The input '{column}' has the value '{text}', which is not a number. Numbers in text are read with the invariant culture: write 2.5, not 2,5. If the column holds categories, train with it as a categorical input.");
            case bool or char:
                throw NotANumber(column, cell);
            case IConvertible convertible:
                return CheckFinite(column, convertible.ToDouble(CultureInfo.InvariantCulture));
            default:
                throw NotANumber(column, cell);
        }
    }

    /// <summary>A categorical cell as text (numbers in their shortest invariant form); null when missing.</summary>
    internal static string? ReadText(string column, object? cell) => cell switch
    {
        null or DBNull => null,
        string text => text.Trim().Length == 0 ? null : text,
        double d => DoubleText.Format(CheckFinite(column, d)),
        IConvertible convertible => convertible.ToString(CultureInfo.InvariantCulture),
        _ => throw new NeuronToolsException(
            ErrorIds.InvalidInputValue,
            ErrorKind.InvalidData,
            $"The categorical input '{column}' has a value of type {cell.GetType().Name}; give its category as text."),
    };

    internal static NeuronToolsException Missing(string column, string remedy) => new(
        ErrorIds.MissingValue,
        ErrorKind.InvalidData,
        $"The input '{column}' is missing (an empty cell or $null); a missing value is never read as 0. {remedy}");

    /// <summary>(x − offset) × scale of a value read by <see cref="ReadNumber"/>, the fill value standing for a missing one.</summary>
    internal static double ScaleNumber(InputColumn column, double value)
    {
        if (double.IsNaN(value))
        {
            value = column.FillValue ?? throw Missing(column.Name, "Give the row a value, or train with -MissingValue Mean to fill a numeric column with its training mean.");
        }

        return (value - column.Offset) * column.Scale;
    }

    /// <summary>Writes the one-hot features of a category from position <paramref name="start"/>; returns the position after them.</summary>
    internal static int OneHot(InputColumn column, string? category, double[] feature, int start)
    {
        if (category is null)
        {
            throw Missing(column.Name, "A categorical column has no fill value: give the row one of its categories (" + string.Join(", ", column.Category) + ").");
        }

        int index = -1;
        for (int k = 0; k < column.Category.Count; k++)
        {
            if (string.Equals(column.Category[k], category, StringComparison.Ordinal))
            {
                index = k;
                break;
            }
        }

        if (index < 0)
        {
            throw new NeuronToolsException(
                ErrorIds.UnknownCategory,
                ErrorKind.InvalidData,
                $"The input '{column.Name}' is '{category}', a category not seen in training. The known categories are: {string.Join(", ", column.Category)} (case-sensitive). Train again with rows that have '{category}', or map it to a known category.");
        }

        for (int k = 0; k < column.Category.Count; k++)
        {
            feature[start + k] = k == index ? 1.0 : 0.0;
        }

        return start + column.Category.Count;
    }

    private static double CheckFinite(string column, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new NeuronToolsException(
                ErrorIds.NonFiniteInput,
                ErrorKind.InvalidData,
                $"The input '{column}' is {Neuron.Describe(value)}; inputs must be finite numbers (a missing value is an empty cell or $null). Remove or replace the value.");
        }

        return value;
    }

    private static NeuronToolsException NotANumber(string column, object cell) => new(
        ErrorIds.InvalidInputValue,
        ErrorKind.InvalidData,
        $"The input '{column}' has a value of type {cell.GetType().Name}, which is not a number. Give every numeric input a number.");

    private void CheckCount(int count)
    {
        if (count != _columns.Length)
        {
            throw new NeuronToolsException(
                ErrorIds.InputCountMismatch,
                ErrorKind.InvalidArgument,
                $"The model reads {Wording.Count(_columns.Length, "input column")} ({string.Join(", ", InputName)}) but the row has {Wording.Count(count, "value")}. Give one value per column, in column order.");
        }
    }

    private void RequireNumeric()
    {
        if (!IsNumeric)
        {
            throw new NeuronToolsException(
                ErrorIds.CategoricalInputNeedsNames,
                ErrorKind.InvalidArgument,
                $"The model has categorical input columns ({string.Join(", ", _columns.Where(c => c.Kind == InputColumnKind.Categorical).Select(c => c.Name))}), so a row cannot be a plain vector of numbers. Send rows with named values, such as Import-Csv rows.");
        }
    }
}
