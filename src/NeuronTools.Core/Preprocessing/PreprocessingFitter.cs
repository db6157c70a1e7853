using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>The widest and the narrowest range among a data set's numeric columns, when they differ by more than <see cref="PreprocessingFitter.RangeRatioWarning"/>.</summary>
public sealed class RangeDisparity
{
    internal RangeDisparity(string widest, double widestRange, string narrowest, double narrowestRange)
    {
        Widest = widest;
        WidestRange = widestRange;
        Narrowest = narrowest;
        NarrowestRange = narrowestRange;
    }

    public string Widest { get; }

    public double WidestRange { get; }

    public string Narrowest { get; }

    public double NarrowestRange { get; }

    public double Ratio => WidestRange / NarrowestRange;
}

/// <summary>
/// Collects raw training rows and fits an <see cref="InputPreprocessing"/> on them. Rows arrive one at a
/// time; a row that cannot be used throws a <see cref="NeuronToolsException"/> for that row alone and is
/// not kept. The statistics are fitted on the training rows only (never the validation rows):
/// mean by compensated (Neumaier) summation divided by n, the population standard deviation as
/// √(Σ(x − mean)² / n), minimum and maximum. The categories of a categorical column are every value of the
/// rows collected (validation rows included, so that every collected row can be encoded), in ordinal
/// (code-point) order of the text, the order of scikit-learn's OneHotEncoder and LabelEncoder.
/// </summary>
/// <remarks>
/// A column whose training values are all equal (maximum = minimum) gets scale 1 whatever the scaling, so
/// that it becomes 0 after the offset instead of dividing by a zero spread (scikit-learn's rule too).
/// </remarks>
public sealed class PreprocessingFitter
{
    /// <summary>Numeric columns whose ranges differ by more than this factor train badly without scaling.</summary>
    public const double RangeRatioWarning = 100.0;

    private readonly string[] _names;
    private readonly bool[] _categorical;
    private readonly InputScaling _scaling;
    private readonly MissingValueHandling _missing;
    private readonly List<double[]> _numbers = new();
    private readonly List<string?[]>? _texts;

    public PreprocessingFitter(IEnumerable<string> columnName, IEnumerable<string>? categoricalColumn, InputScaling scaling, MissingValueHandling missingValue)
    {
        _names = columnName?.ToArray() ?? throw new ArgumentNullException(nameof(columnName));
        ModelChecks.InputNames(_names, _names.Length, "data", "column", nameof(columnName));
        if (_names.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.NoInputColumn, ErrorKind.InvalidArgument, "The rows have no input column left to learn from.").About(nameof(columnName));
        }

        _categorical = new bool[_names.Length];
        foreach (string name in categoricalColumn ?? Array.Empty<string>())
        {
            int index = Array.FindIndex(_names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            if (index < 0)
            {
                throw new NeuronToolsException(
                    ErrorIds.CategoricalInputNotFound,
                    ErrorKind.InvalidArgument,
                    $"'{name}' is named as a categorical input but is not one of the input columns: {string.Join(", ", _names)}.")
                    .About(nameof(categoricalColumn));
            }

            _categorical[index] = true;
        }

        _scaling = scaling;
        _missing = missingValue;
        if (_categorical.Any(c => c))
        {
            _texts = new List<string?[]>();
        }
    }

    /// <summary>The rows kept so far.</summary>
    public int RowCount => _numbers.Count;

    /// <summary>The column names, in order.</summary>
    public IReadOnlyList<string> ColumnName => _names;

    /// <summary>Checks and keeps one raw row (one cell per column, in column order); throws for a row that cannot be used.</summary>
    public void Add(IReadOnlyList<object?> raw)
    {
        if (raw is null)
        {
            throw new ArgumentNullException(nameof(raw));
        }

        if (raw.Count != _names.Length)
        {
            throw new NeuronToolsException(
                ErrorIds.InputCountMismatch,
                ErrorKind.InvalidArgument,
                $"The rows have {Wording.Count(_names.Length, "input column")} ({string.Join(", ", _names)}) but this row has {Wording.Count(raw.Count, "value")}.");
        }

        var numbers = new double[_names.Length];
        string?[]? texts = _texts is null ? null : new string?[_names.Length];
        for (int c = 0; c < _names.Length; c++)
        {
            if (_categorical[c])
            {
                texts![c] = InputPreprocessing.ReadText(_names[c], raw[c])
                    ?? throw InputPreprocessing.Missing(_names[c], "A categorical column has no fill value: give the row a category, or leave the row out.");
                numbers[c] = double.NaN;
                continue;
            }

            double value = InputPreprocessing.ReadNumber(_names[c], raw[c]);
            if (double.IsNaN(value) && _missing == MissingValueHandling.Error)
            {
                throw InputPreprocessing.Missing(_names[c], "Give the row a value, leave the row out, or train with -MissingValue Mean to fill a numeric column with its training mean.");
            }

            numbers[c] = value;
        }

        _numbers.Add(numbers);
        _texts?.Add(texts!);
    }

    /// <summary>
    /// Fits the preprocessing on the rows at <paramref name="trainingRow"/> (indices into the rows kept, in
    /// the order they arrived); every row when null.
    /// </summary>
    public InputPreprocessing Fit(IReadOnlyList<int>? trainingRow = null)
    {
        var rows = Rows(trainingRow);
        var columns = new InputColumn[_names.Length];
        for (int c = 0; c < _names.Length; c++)
        {
            columns[c] = _categorical[c] ? InputColumn.Categorical(_names[c], Categories(c)) : FitNumeric(c, rows);
        }

        return new InputPreprocessing(columns, _scaling, _missing);
    }

    /// <summary>The features of kept row <paramref name="row"/> under a preprocessing fitted by <see cref="Fit"/>.</summary>
    public double[] Features(int row, InputPreprocessing preprocessing)
    {
        if (preprocessing is null)
        {
            throw new ArgumentNullException(nameof(preprocessing));
        }

        double[] numbers = _numbers[row];
        string?[]? texts = _texts?[row];
        var feature = new double[preprocessing.FeatureCount];
        int f = 0;
        for (int c = 0; c < numbers.Length; c++)
        {
            var column = preprocessing.Column[c];
            f = column.Kind == InputColumnKind.Numeric
                ? Set(feature, f, InputPreprocessing.ScaleNumber(column, numbers[c]))
                : InputPreprocessing.OneHot(column, texts![c], feature, f);
        }

        return feature;
    }

    /// <summary>
    /// The widest and narrowest ranges (maximum − minimum over the training rows) of the numeric columns that
    /// are not constant, when the widest is more than <see cref="RangeRatioWarning"/> times the narrowest; otherwise null.
    /// </summary>
    public RangeDisparity? FindRangeDisparity(IReadOnlyList<int>? trainingRow = null)
    {
        var rows = Rows(trainingRow);
        int widest = -1;
        int narrowest = -1;
        var range = new double[_names.Length];
        for (int c = 0; c < _names.Length; c++)
        {
            if (_categorical[c])
            {
                continue;
            }

            var (_, _, min, max, n) = Moments(c, rows, needSpread: false);
            range[c] = n == 0 ? 0.0 : max - min;
            if (range[c] <= 0 || double.IsInfinity(range[c]))
            {
                continue;
            }

            if (widest < 0 || range[c] > range[widest])
            {
                widest = c;
            }

            if (narrowest < 0 || range[c] < range[narrowest])
            {
                narrowest = c;
            }
        }

        return widest >= 0 && range[widest] > RangeRatioWarning * range[narrowest]
            ? new RangeDisparity(_names[widest], range[widest], _names[narrowest], range[narrowest])
            : null;
    }

    private static int Set(double[] feature, int position, double value)
    {
        feature[position] = value;
        return position + 1;
    }

    private IReadOnlyList<int> Rows(IReadOnlyList<int>? trainingRow)
    {
        if (trainingRow is not null)
        {
            return trainingRow;
        }

        var all = new int[_numbers.Count];
        for (int i = 0; i < all.Length; i++)
        {
            all[i] = i;
        }

        return all;
    }

    private string[] Categories(int column)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var texts in _texts!)
        {
            seen.Add(texts[column]!);
        }

        var categories = seen.ToArray();
        Array.Sort(categories, StringComparer.Ordinal);
        return categories;
    }

    private InputColumn FitNumeric(int c, IReadOnlyList<int> rows)
    {
        var (mean, deviation, min, max, n) = Moments(c, rows, needSpread: _scaling == InputScaling.Standard);
        if (n == 0)
        {
            throw new NeuronToolsException(
                ErrorIds.MissingValue,
                ErrorKind.InvalidData,
                $"The input '{_names[c]}' has no value in any training row, so it has no mean to fill with or scaling to fit. Give it values, or leave the column out.");
        }

        double? fill = _missing == MissingValueHandling.Mean ? mean : null;
        bool constant = max == min;
        return _scaling switch
        {
            InputScaling.Standard => InputColumn.Numeric(_names[c], constant ? min : mean, constant ? 1.0 : 1.0 / deviation, fill),
            InputScaling.MinMax => InputColumn.Numeric(_names[c], min, constant ? 1.0 : 1.0 / (max - min), fill),
            _ => InputColumn.Numeric(_names[c], 0.0, 1.0, fill),
        };
    }

    /// <summary>Mean, population standard deviation, minimum, maximum and count of the values present (missing ones skipped).</summary>
    private (double Mean, double Deviation, double Min, double Max, int Count) Moments(int c, IReadOnlyList<int> rows, bool needSpread)
    {
        var sum = new CompensatedSum();
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        int n = 0;
        foreach (int row in rows)
        {
            double value = _numbers[row][c];
            if (double.IsNaN(value))
            {
                continue;
            }

            sum.Add(value);
            min = Math.Min(min, value);
            max = Math.Max(max, value);
            n++;
        }

        if (n == 0)
        {
            return (double.NaN, double.NaN, double.NaN, double.NaN, 0);
        }

        double mean = sum.Value / n;
        if (!needSpread)
        {
            return (mean, double.NaN, min, max, n);
        }

        var squares = new CompensatedSum();
        foreach (int row in rows)
        {
            double value = _numbers[row][c];
            if (!double.IsNaN(value))
            {
                double e = value - mean;
                squares.Add(e * e);
            }
        }

        return (mean, Math.Sqrt(squares.Value / n), min, max, n);
    }

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0} of {1}", Wording.Count(RowCount, "row"), Wording.Count(_names.Length, "column"));

    /// <summary>Neumaier's compensated sum: the rounding error of each addition is carried, so the order of the rows hardly matters.</summary>
    private struct CompensatedSum
    {
        private double _sum;
        private double _compensation;

        internal readonly double Value => _sum + _compensation;

        internal void Add(double value)
        {
            double t = _sum + value;
            _compensation += Math.Abs(_sum) >= Math.Abs(value) ? (_sum - t) + value : (value - t) + _sum;
            _sum = t;
        }
    }
}
