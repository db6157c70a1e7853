using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// One raw input column of a model and how it becomes the model's features: a numeric column is one
/// feature, (x − <see cref="Offset"/>) × <see cref="Scale"/>, the form of ONNX's Scaler (a StandardScaler is
/// offset = mean, scale = 1 / standard deviation; a MinMaxScaler onto [0, 1] is offset = minimum,
/// scale = 1 / range); a categorical column is one 0/1 feature per category, in <see cref="Category"/> order.
/// Immutable.
/// </summary>
public sealed class InputColumn
{
    private static readonly ReadOnlyCollection<string> s_noCategory = new(Array.Empty<string>());

    private InputColumn(string name, InputColumnKind kind, double offset, double scale, double? fillValue, string[] category)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new NeuronToolsException(ErrorIds.InvalidInputName, ErrorKind.InvalidArgument, "An input column name is empty. Give every column a name, such as alcohol or region.").About(nameof(name));
        }

        Name = name;
        Kind = kind;
        Offset = offset;
        Scale = scale;
        FillValue = fillValue;
        Category = category.Length == 0 ? s_noCategory : new ReadOnlyCollection<string>(category);
    }

    public string Name { get; }

    public InputColumnKind Kind { get; }

    /// <summary>What is subtracted from a numeric value before it is multiplied by <see cref="Scale"/>; 0 for a categorical column.</summary>
    public double Offset { get; }

    /// <summary>What the offset value is multiplied by; 1 for a categorical column.</summary>
    public double Scale { get; }

    /// <summary>The raw value a missing numeric value stands for (the training mean with -MissingValue Mean); null when a missing value is an error.</summary>
    public double? FillValue { get; }

    /// <summary>The categories of a categorical column, in feature order (ordinal order of the text); empty for a numeric column.</summary>
    public IReadOnlyList<string> Category { get; }

    /// <summary>How many of the model's features this column becomes: 1, or one per category.</summary>
    public int FeatureCount => Kind == InputColumnKind.Numeric ? 1 : Category.Count;

    /// <summary>A numeric column; the defaults pass the value through unchanged.</summary>
    public static InputColumn Numeric(string name, double offset = 0.0, double scale = 1.0, double? fillValue = null)
    {
        CheckFinite(name, offset, "offset");
        CheckFinite(name, scale, "scale");
        if (fillValue is double fill)
        {
            CheckFinite(name, fill, "fill value");
        }

        return new InputColumn(name, InputColumnKind.Numeric, offset, scale, fillValue, Array.Empty<string>());
    }

    /// <summary>A categorical column with its categories, in the order of its one-hot features.</summary>
    public static InputColumn Categorical(string name, IEnumerable<string> category)
    {
        string[] categories = category?.ToArray() ?? throw new ArgumentNullException(nameof(category));
        if (categories.Length == 0)
        {
            throw new NeuronToolsException(ErrorIds.InvalidCategory, ErrorKind.InvalidArgument, $"The categorical column '{name}' has no category; give at least one.").About(nameof(category));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string? value in categories)
        {
            if (value is null || value.Length == 0)
            {
                throw new NeuronToolsException(ErrorIds.InvalidCategory, ErrorKind.InvalidArgument, $"The categorical column '{name}' has an empty category; an empty cell is a missing value, not a category.").About(nameof(category));
            }

            if (!seen.Add(value))
            {
                throw new NeuronToolsException(ErrorIds.InvalidCategory, ErrorKind.InvalidArgument, $"The categorical column '{name}' has the category '{value}' more than once; give each category once.").About(nameof(category));
            }
        }

        return new InputColumn(name, InputColumnKind.Categorical, 0.0, 1.0, null, categories);
    }

    /// <summary>The names of this column's features: the column name, or "name=category" for each category.</summary>
    internal IEnumerable<string> FeatureNames() =>
        Kind == InputColumnKind.Numeric ? new[] { Name } : Category.Select(c => Name + "=" + c);

    public override string ToString() => Kind == InputColumnKind.Numeric
        ? string.Format(CultureInfo.InvariantCulture, "{0}: (x - {1}) * {2}", Name, DoubleText.Format(Offset), DoubleText.Format(Scale))
        : Name + ": one of " + string.Join(", ", Category);

    private static void CheckFinite(string name, double value, string what)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidScaling,
                ErrorKind.InvalidArgument,
                string.Format(CultureInfo.InvariantCulture, "The {0} of the input column '{1}' is {2}; it must be a finite number.", what, name, Neuron.Describe(value)));
        }
    }
}
