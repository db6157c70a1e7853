using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Turns one pipeline object into the input vector of something with <c>inputCount</c> inputs, optionally
/// named: a vector binds by position (see <see cref="InputVectorReader"/>); a dictionary binds its keys, and
/// any other object (a CSV row, a [pscustomobject], the output of another cmdlet) its properties, to the
/// input names, case-insensitively, ignoring extra keys and properties. Text is read with the invariant
/// culture. Every problem is a <see cref="NeuronToolsException"/> with a stable id. One binder serves one
/// pipeline, so it is not shared between threads.
/// </summary>
internal sealed class InputBinder
{
    private readonly int _inputCount;
    private readonly string[]? _names;

    // Dictionaries whose comparer is case-sensitive (a C# Dictionary<string, T>) miss 'CPU' when asked for
    // 'cpu'; the key that matched last time is tried before the slow scan of every key.
    private readonly object?[] _lastDictionaryKey;

    internal InputBinder(int inputCount, IReadOnlyList<string>? inputNames)
    {
        if (inputCount < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, "There must be at least one input.");
        }

        if (inputNames is not null && inputNames.Count != inputCount)
        {
            throw new ArgumentException("There must be one name per input.", nameof(inputNames));
        }

        _inputCount = inputCount;
        _names = inputNames?.ToArray();
        _lastDictionaryKey = new object?[inputCount];
    }

    internal IReadOnlyList<string>? InputNames => _names;

    /// <summary>
    /// True for an array or list whose every item is a row (a vector, a dictionary or an object with
    /// properties), which stands for several inputs; false for one vector, such as 5, 3, 1.
    /// </summary>
    private bool IsListOfRows(object? value)
    {
        object? unwrapped = InputVectorReader.Unwrap(value);
        if (unwrapped is double[] || unwrapped is not IList list || list.Count == 0)
        {
            return false;
        }

        foreach (object? item in list)
        {
            if (!IsRow(item))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The rows one pipeline object stands for: the items of a list of rows (see <see cref="IsListOfRows"/>),
    /// or else the object itself.
    /// </summary>
    internal RowList Rows(object? input) =>
        IsListOfRows(input) ? new RowList((IList)InputVectorReader.Unwrap(input)!, null) : new RowList(null, input);

    /// <summary>
    /// The error to report for a row that could not be used. An InputCountMismatch caused by a lone number
    /// gets a hint at the unary comma, with <paramref name="usage"/> showing how to send one vector to the
    /// command at hand, such as ",(1,2,3) | Invoke-Neuron $neuron".
    /// </summary>
    internal static NeuronToolsException Explain(NeuronToolsException exception, bool isLoneNumber, string usage) =>
        exception.ErrorId == ErrorIds.InputCountMismatch && isLoneNumber
            ? new NeuronToolsException(
                exception.ErrorId,
                exception.Kind,
                exception.Message + " A lone number arrived: PowerShell sends the items of an array down the pipeline one by one, so to send one vector write " + usage + ".",
                exception)
            : exception;

    /// <summary>Reads one row into a new array. <paramref name="isLoneNumber"/> tells whether a single number arrived on its own.</summary>
    internal double[] Bind(object? row, out bool isLoneNumber) => Bind(row, copyVector: true, out isLoneNumber);

    /// <summary>
    /// As <see cref="Bind(object?, out bool)"/>; with <paramref name="copyVector"/> false a double[] comes back
    /// as it is, for callers that only read it before they return.
    /// </summary>
    internal double[] Bind(object? row, bool copyVector, out bool isLoneNumber)
    {
        isLoneNumber = false;
        object? unwrapped = InputVectorReader.Unwrap(row);
        switch (unwrapped)
        {
            case double[] vector:
                return copyVector ? (double[])vector.Clone() : vector;
            case Array { Rank: > 1 } matrix:
                throw new NeuronToolsException(
                    ErrorIds.InvalidInputValue,
                    ErrorKind.InvalidData,
                    FormattableString.Invariant($"The input is a {matrix.Rank}-dimensional array ({matrix.GetType().Name}), not a vector. Send its rows as vectors, one per pipeline object, or give the whole matrix to Invoke-Neuron -InputMatrix."));
            case IList:
                return InputVectorReader.Read(unwrapped, out isLoneNumber);
            case IDictionary dictionary:
                return BindDictionary(dictionary);
            case PSObject custom:
                return BindProperties(custom);
            default:
                if (_names is not null && unwrapped is not null && !IsScalar(unwrapped))
                {
                    return BindProperties(PSObject.AsPSObject(unwrapped));
                }

                return InputVectorReader.Read(unwrapped, out isLoneNumber);
        }
    }

    private static bool IsRow(object? item)
    {
        object? unwrapped = InputVectorReader.Unwrap(item);
        return unwrapped is IList || unwrapped is IDictionary || unwrapped is PSObject;
    }

    private static bool IsScalar(object value) =>
        value is string || value is decimal || value.GetType().IsPrimitive;

    private double[] BindDictionary(IDictionary dictionary)
    {
        string[] names = RequireNames(dictionary);
        var vector = new double[_inputCount];
        List<string>? missing = null;
        for (int i = 0; i < names.Length; i++)
        {
            if (!TryGetEntry(dictionary, i, out object? key, out object? value))
            {
                (missing ??= new List<string>()).Add(names[i]);
                continue;
            }

            if (missing is null)
            {
                vector[i] = ReadNamedValue(Convert.ToString(key, CultureInfo.InvariantCulture) ?? names[i], value);
            }
        }

        if (missing is not null)
        {
            throw MissingInput(missing, dictionary.Keys.Cast<object?>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture) ?? string.Empty), "keys");
        }

        return vector;
    }

    private bool TryGetEntry(IDictionary dictionary, int input, out object? key, out object? value)
    {
        string name = _names![input];
        if (dictionary.Contains(name))
        {
            key = name;
            value = dictionary[name];
            return true;
        }

        object? last = _lastDictionaryKey[input];
        if (last is not null && dictionary.Contains(last))
        {
            key = last;
            value = dictionary[last];
            return true;
        }

        foreach (DictionaryEntry entry in dictionary)
        {
            if (entry.Key is string text && string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                _lastDictionaryKey[input] = text;
                key = text;
                value = entry.Value;
                return true;
            }
        }

        key = null;
        value = null;
        return false;
    }

    private double[] BindProperties(PSObject row)
    {
        string[] names = RequireNames(row);
        var vector = new double[_inputCount];
        List<string>? missing = null;

        // PowerShell keeps each object's properties in a case-insensitive dictionary, so each input is one
        // lookup; the property set is never enumerated for a good row.
        PSMemberInfoCollection<PSPropertyInfo> properties = row.Properties;
        for (int i = 0; i < names.Length; i++)
        {
            PSPropertyInfo? property = properties[names[i]];
            if (property is null)
            {
                (missing ??= new List<string>()).Add(names[i]);
                continue;
            }

            if (missing is null)
            {
                vector[i] = ReadNamedValue(property.Name, ReadPropertyValue(property));
            }
        }

        if (missing is not null)
        {
            throw MissingInput(missing, properties.Select(p => p.Name), "properties");
        }

        return vector;
    }

    private static object? ReadPropertyValue(PSPropertyInfo property)
    {
        try
        {
            return property.Value;
        }
        catch (GetValueException exception)
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidInputValue,
                ErrorKind.InvalidData,
                string.Format(CultureInfo.InvariantCulture, "The property '{0}' could not be read: {1}", property.Name, exception.Message),
                exception);
        }
    }

    private string[] RequireNames(object row)
    {
        if (_names is not null)
        {
            return _names;
        }

        object shown = row is PSObject wrapped ? wrapped.BaseObject : row;
        throw new NeuronToolsException(
            ErrorIds.InputNameRequired,
            ErrorKind.InvalidArgument,
            string.Format(
                CultureInfo.InvariantCulture,
                "A row with named values (a {0}) arrived, but the inputs have no names to bind them to. Name the inputs, for example New-Neuron -Weight 0.6, 0.3 -InputName cpu, memory, or send a vector of {1} in input order.",
                shown is PSCustomObject ? "[pscustomobject]" : shown.GetType().Name,
                Wording.Count(_inputCount, "number")));
    }

    private static double ReadNamedValue(string name, object? value)
    {
        object? unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        double number;
        if (unwrapped is string text)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
            {
                throw InvalidNamedValue(
                    name,
                    text.Trim().Length == 0 ? "is empty" : "has the value '" + text + "', which is not a number",
                    "Numbers in text are read with the invariant culture: write 2.5, not 2,5.");
            }
        }
        else if (unwrapped is null)
        {
            throw InvalidNamedValue(name, "is $null", "Give every input a number.");
        }
        else
        {
            try
            {
                number = InputVectorReader.ReadElement(unwrapped, 0);
            }
            catch (NeuronToolsException)
            {
                throw InvalidNamedValue(name, "has a value of type " + unwrapped.GetType().Name + ", which is not a number", "Give every input a number.");
            }
        }

        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            throw new NeuronToolsException(
                ErrorIds.NonFiniteInput,
                ErrorKind.InvalidData,
                string.Format(CultureInfo.InvariantCulture, "The input '{0}' is {1}; a neuron's inputs must be finite numbers. Remove or replace the value.", name, number.ToString("R", CultureInfo.InvariantCulture)));
        }

        return number;
    }

    private static NeuronToolsException InvalidNamedValue(string name, string problem, string fix) => new(
        ErrorIds.InvalidInputValue,
        ErrorKind.InvalidData,
        string.Format(CultureInfo.InvariantCulture, "The input '{0}' {1}. {2}", name, problem, fix));

    private NeuronToolsException MissingInput(List<string> missing, IEnumerable<string> present, string what) => new(
        ErrorIds.MissingInput,
        ErrorKind.InvalidData,
        string.Format(
            CultureInfo.InvariantCulture,
            "The row has no {0} named {1}. The inputs are bound by name (case-insensitive): {2}. The row's {0} are: {3}. Add the missing values, or rename them to match.",
            what,
            string.Join(", ", missing.Select(name => "'" + name + "'")),
            string.Join(", ", _names!),
            string.Join(", ", present)));
}

/// <summary>
/// The rows of one pipeline object, for foreach. A struct, so that the pipeline's per-object path allocates nothing
/// to enumerate what is nearly always a single row.
/// </summary>
internal readonly struct RowList
{
    private readonly IList? _list;
    private readonly object? _single;

    internal RowList(IList? list, object? single)
    {
        _list = list;
        _single = single;
    }

    public Enumerator GetEnumerator() => new(_list, _single);

    internal struct Enumerator
    {
        private readonly IList? _list;
        private readonly object? _single;
        private int _index;

        internal Enumerator(IList? list, object? single)
        {
            _list = list;
            _single = single;
            _index = -1;
        }

        public object? Current => _list is null ? _single : _list[_index];

        public bool MoveNext() => ++_index < (_list?.Count ?? 1);
    }
}
