using System;
using System.Collections.Generic;
using System.Globalization;

namespace NeuronTools;

/// <summary>
/// Reads an activation specification such as <c>LeakyReLU(negative_slope=0.2)</c>, <c>ELU(0.5)</c> or
/// <c>GELU(approximate=tanh)</c>: a name, then optionally parameters in brackets, named or in order.
/// </summary>
internal static class ActivationSpecification
{
    internal sealed class Argument
    {
        internal Argument(string? name, string text, int position)
        {
            Name = name;
            Text = text;
            Position = position;
        }

        internal string? Name { get; }

        internal string Text { get; }

        internal int Position { get; }
    }

    internal static (string Name, List<Argument> Arguments) Parse(string specification)
    {
        var reader = new Reader(specification);
        reader.SkipSpace();
        string name = reader.ReadWord();
        if (name.Length == 0)
        {
            throw reader.Error("an activation name");
        }

        var arguments = new List<Argument>();
        reader.SkipSpace();
        if (reader.TryRead('('))
        {
            reader.SkipSpace();
            if (!reader.TryRead(')'))
            {
                do
                {
                    reader.SkipSpace();
                    int position = reader.Position;
                    string first = reader.ReadValue();
                    if (first.Length == 0)
                    {
                        throw reader.Error("a parameter value or name=value");
                    }

                    reader.SkipSpace();
                    if (reader.TryRead('='))
                    {
                        reader.SkipSpace();
                        string value = reader.ReadValue();
                        if (value.Length == 0)
                        {
                            throw reader.Error("a value after '" + first + "='");
                        }

                        arguments.Add(new Argument(first, value, position));
                    }
                    else
                    {
                        arguments.Add(new Argument(null, first, position));
                    }

                    reader.SkipSpace();
                }
                while (reader.TryRead(','));

                if (!reader.TryRead(')'))
                {
                    throw reader.Error("',' or ')'");
                }
            }
        }

        reader.SkipSpace();
        if (!reader.AtEnd)
        {
            throw reader.Error("the end of the specification");
        }

        return (name, arguments);
    }

    internal static ActivationArguments Bind(ActivationDefinition definition, IReadOnlyList<Argument> arguments, string specification)
    {
        var parameters = definition.Parameters;
        var values = new object?[parameters.Count];
        for (int i = 0; i < arguments.Count; i++)
        {
            var argument = arguments[i];
            int index = argument.Name is null ? i : IndexOf(parameters, argument.Name);
            if (argument.Name is null && i >= parameters.Count)
            {
                throw new NeuronToolsException(
                    ErrorIds.UnknownActivationParameter,
                    ErrorKind.InvalidArgument,
                    FormattableString.Invariant($"{definition.Name} takes {Describe(parameters)}, but '{Wording.Quote(specification)}' gives {Wording.Count(arguments.Count, "value")}."));
            }

            if (index < 0)
            {
                throw new NeuronToolsException(
                    ErrorIds.UnknownActivationParameter,
                    ErrorKind.InvalidArgument,
                    $"{definition.Name} has no parameter '{argument.Name}'. It takes {Describe(parameters)}.");
            }

            var parameter = parameters[index];
            if (values[index] is not null)
            {
                throw new NeuronToolsException(
                    ErrorIds.InvalidActivationSpecification,
                    ErrorKind.InvalidArgument,
                    $"The parameter '{parameter.Name}' of {definition.Name} is given more than once in '{Wording.Quote(specification)}'. Give each parameter once.");
            }

            values[index] = ConvertValue(definition, parameter, argument.Text);
        }

        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] is null)
            {
                values[i] = parameters[i].Default ?? throw new NeuronToolsException(
                    ErrorIds.MissingActivationParameter,
                    ErrorKind.InvalidArgument,
                    $"{definition.Name} needs a value for its parameter '{parameters[i].Name}' ({parameters[i].Allowed}), for example '{definition.Name}({parameters[i].Name}=1)'. It takes {Describe(parameters)}.");
            }
        }

        var bound = new ActivationArguments(values!);
        string? problem = definition.Validate(bound);
        if (problem is not null)
        {
            throw new NeuronToolsException(ErrorIds.InvalidActivationParameter, ErrorKind.InvalidArgument, $"'{Wording.Quote(specification)}' is not a valid {definition.Name}: {problem}");
        }

        return bound;
    }

    internal static string Describe(IReadOnlyList<ActivationParameter> parameters)
    {
        if (parameters.Count == 0)
        {
            return "no parameters";
        }

        var described = new string[parameters.Count];
        for (int i = 0; i < described.Length; i++)
        {
            described[i] = parameters[i].ToString() + " (" + parameters[i].Allowed + ")";
        }

        return "the parameters " + string.Join(", ", described);
    }

    private static object ConvertValue(ActivationDefinition definition, ActivationParameter parameter, string text)
    {
        if (parameter.Choices is { } choices)
        {
            string unquoted = text.Trim('\'', '"');
            foreach (string choice in choices)
            {
                if (string.Equals(choice, unquoted, StringComparison.OrdinalIgnoreCase))
                {
                    return choice;
                }
            }

            throw new NeuronToolsException(
                ErrorIds.InvalidActivationParameter,
                ErrorKind.InvalidArgument,
                $"The parameter '{parameter.Name}' of {definition.Name} must be {parameter.Allowed}; '{Wording.Quote(text)}' is not.");
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !parameter.IsAllowed(number))
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidActivationParameter,
                ErrorKind.InvalidArgument,
                $"The parameter '{parameter.Name}' of {definition.Name} must be {parameter.Allowed} (a number such as 0.5, written with a dot); '{Wording.Quote(text)}' is not.");
        }

        return number;
    }

    private static int IndexOf(IReadOnlyList<ActivationParameter> parameters, string name)
    {
        string wanted = Normalize(name);
        for (int i = 0; i < parameters.Count; i++)
        {
            if (string.Equals(Normalize(parameters[i].Name), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty).Replace("-", string.Empty);

    private sealed class Reader
    {
        private readonly string _text;

        internal Reader(string text) => _text = text;

        internal int Position { get; private set; }

        internal bool AtEnd => Position >= _text.Length;

        internal void SkipSpace()
        {
            while (!AtEnd && char.IsWhiteSpace(_text[Position]))
            {
                Position++;
            }
        }

        internal bool TryRead(char expected)
        {
            if (!AtEnd && _text[Position] == expected)
            {
                Position++;
                return true;
            }

            return false;
        }

        internal string ReadWord()
        {
            int start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[Position]) || _text[Position] == '_'))
            {
                Position++;
            }

            return _text.Substring(start, Position - start);
        }

        /// <summary>A number, a word, or a quoted word.</summary>
        internal string ReadValue()
        {
            if (!AtEnd && (_text[Position] == '\'' || _text[Position] == '"'))
            {
                char quote = _text[Position];
                int close = _text.IndexOf(quote, Position + 1);
                if (close < 0)
                {
                    throw Error("a closing " + quote);
                }

                string quoted = _text.Substring(Position, close - Position + 1);
                Position = close + 1;
                return quoted;
            }

            int start = Position;
            while (!AtEnd && (char.IsLetterOrDigit(_text[Position]) || _text[Position] is '_' or '.' or '-' or '+'))
            {
                Position++;
            }

            return _text.Substring(start, Position - start);
        }

        internal NeuronToolsException Error(string expected)
        {
            string found = AtEnd ? "the end" : "'" + _text[Position] + "'";
            return new NeuronToolsException(
                ErrorIds.InvalidActivationSpecification,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"The activation '{Wording.Quote(_text)}' cannot be read: at position {Position + 1} {expected} was expected but {found} was found. Write a name with optional parameters, for example 'LeakyReLU(negative_slope=0.2)' or 'ELU(0.5)'."));
        }
    }
}
