using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace NeuronTools;

/// <summary>
/// A small, strict RFC 8259 JSON reader: no comments, no trailing commas, no NaN or Infinity words, no
/// duplicate keys, escaped control characters only. It streams from a TextReader, so a file is never
/// held whole in memory as text, and it stops at a length and a nesting limit before building anything
/// beyond them. Errors give the line and position. Numbers are read exactly with the invariant culture.
/// <para>
/// The tree it builds is bounded by the text read so far: at most <see cref="BytesPerCharacter"/> bytes of
/// memory per character, plus <see cref="MemoryMargin"/> (JsonTooComplex beyond). The shapes a model is made
/// of stay well inside that (8 bytes per number of at least two characters; see <see cref="JsonArray"/>);
/// an empty object costs about 200 bytes for its 3 characters, so a text of <c>[{},{},...]</c> is refused
/// after a few hundred thousand of them, not after it has taken gigabytes.
/// </para>
/// </summary>
internal sealed class JsonParser
{
    /// <summary>A double needs at most 25 characters; longer number literals are refused rather than read slowly.</summary>
    internal const int MaximumNumberLength = 1000;

    /// <summary>How much memory the tree may take per character read: a number array takes at most 4 (8 bytes for "1,").</summary>
    internal const int BytesPerCharacter = 6;

    /// <summary>What any text may take whatever its length, so that small documents are never refused.</summary>
    internal const long MemoryMargin = 32L * 1024 * 1024;

    // Estimates of what each piece of the tree takes on a 64-bit runtime, rounded up.
    private const int ObjectCost = 200;
    private const int MemberCost = 104;
    private const int ArrayCost = 72;
    private const int NodeCost = 40;
    private const int StringCost = 32;

    private readonly TextReader _reader;
    private readonly char[] _buffer = new char[16384];
    private readonly long _maximumLength;
    private readonly int _maximumDepth;
    private readonly string _source;
    private readonly StringBuilder _text = new();
    private int _count;
    private int _next;
    private long _consumed;
    private int _line = 1;
    private int _position = 1;
    private long _treeBytes;

    private JsonParser(TextReader reader, long maximumLength, int maximumDepth, string source)
    {
        _reader = reader;
        _maximumLength = maximumLength;
        _maximumDepth = maximumDepth;
        _source = source;
    }

    /// <summary>
    /// Parses one JSON value that makes up the whole text. <paramref name="source"/> names the text in
    /// messages, e.g. <c>The file 'C:\models\a.json'</c>.
    /// </summary>
    internal static JsonNode Parse(TextReader reader, long maximumLength, int maximumDepth, string source)
    {
        var parser = new JsonParser(reader, maximumLength, maximumDepth, source);
        if (parser.Peek() == '\uFEFF')
        {
            parser.Next();
        }

        parser.SkipWhitespace();
        var value = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser.Peek() >= 0)
        {
            throw parser.Syntax("the end of the text after the JSON value");
        }

        return value;
    }

    internal static JsonNode Parse(string text, long maximumLength, int maximumDepth, string source)
    {
        using var reader = new StringReader(text);
        return Parse(reader, maximumLength, maximumDepth, source);
    }

    private JsonNode ParseValue(int depth)
    {
        int line = _line;
        int position = _position;
        switch (Peek())
        {
            case '{':
                return ParseObject(depth + 1, line, position);
            case '[':
                return ParseArray(depth + 1, line, position);
            case '"':
                string text = ParseString();
                Charge(NodeCost + StringCost + (2L * text.Length));
                return new JsonString(text, line, position);
            case '-':
            case >= '0' and <= '9':
                double number = ParseNumber();
                Charge(NodeCost);
                return new JsonNumber(number, line, position);
            case 't':
                ExpectWord("true");
                Charge(NodeCost);
                return JsonLiteral.Create(JsonKind.True, line, position);
            case 'f':
                ExpectWord("false");
                Charge(NodeCost);
                return JsonLiteral.Create(JsonKind.False, line, position);
            case 'n':
                ExpectWord("null");
                Charge(NodeCost);
                return JsonLiteral.Create(JsonKind.Null, line, position);
            default:
                throw Syntax("a value (an object, array, string, number, true, false or null)");
        }
    }

    private JsonObject ParseObject(int depth, int line, int position)
    {
        CheckDepth(depth);
        Next();
        Charge(ObjectCost);
        var value = new JsonObject(line, position);
        SkipWhitespace();
        if (Peek() == '}')
        {
            Next();
            return value;
        }

        while (true)
        {
            if (Peek() != '"')
            {
                throw Syntax("a key in double quotes");
            }

            int keyLine = _line;
            int keyPosition = _position;
            string key = ParseString();
            Charge(MemberCost + StringCost + (2L * key.Length));
            SkipWhitespace();
            Expect(':', "':' after the key");
            SkipWhitespace();
            var member = ParseValue(depth);
            if (!value.TryAdd(key, member))
            {
                throw new NeuronToolsException(
                    ErrorIds.JsonSyntaxError,
                    ErrorKind.InvalidData,
                    FormattableString.Invariant($"{_source} is not valid model JSON: the key \"{Wording.Quote(key)}\" appears twice in the same object (the second time at line {keyLine}, position {keyPosition}). Give each key once."));
            }

            SkipWhitespace();
            if (Peek() == ',')
            {
                Next();
                SkipWhitespace();
                continue;
            }

            Expect('}', "',' or '}' after a value in an object");
            return value;
        }
    }

    /// <summary>
    /// Reads an array compactly while its elements are numbers and nulls (a double[], NaN for null) or strings
    /// (a string[]); at the first element of another kind the elements so far become nodes.
    /// </summary>
    private JsonArray ParseArray(int depth, int line, int position)
    {
        CheckDepth(depth);
        Next();
        Charge(ArrayCost);
        SkipWhitespace();
        if (Peek() == ']')
        {
            Next();
            return new JsonArray(Array.Empty<double>(), line, position);
        }

        var numbers = new ChunkedList<double>();
        bool hasNull = false;
        ChunkedList<string>? strings = null;
        List<JsonNode>? items = null;
        while (true)
        {
            int c = Peek();
            if (items is null && strings is null && (c == '-' || c == 'n' || (c >= '0' && c <= '9')))
            {
                if (c == 'n')
                {
                    ExpectWord("null");
                    hasNull = true;
                    numbers.Add(double.NaN);
                }
                else
                {
                    numbers.Add(ParseNumber());
                }

                Charge(sizeof(double));
            }
            else if (items is null && c == '"' && numbers.Count == 0)
            {
                strings ??= new ChunkedList<string>();
                string text = ParseString();
                strings.Add(text);
                Charge(sizeof(long) + StringCost + (2L * text.Length));
            }
            else
            {
                items ??= ToNodes(numbers, strings, line, position);
                items.Add(ParseValue(depth));
                Charge(2 * sizeof(long));
            }

            SkipWhitespace();
            if (Peek() == ',')
            {
                Next();
                SkipWhitespace();
                continue;
            }

            Expect(']', "',' or ']' after a value in an array");
            return items is not null ? new JsonArray(items, line, position)
                : strings is not null ? new JsonArray(strings.ToArray(), line, position)
                : new JsonArray(numbers.ToArray(), hasNull, line, position);
        }
    }

    /// <summary>The compact elements read so far as nodes, charged before they are made.</summary>
    private List<JsonNode> ToNodes(ChunkedList<double> numbers, ChunkedList<string>? strings, int line, int position)
    {
        int count = strings?.Count ?? numbers.Count;
        Charge((long)count * (NodeCost + (2 * sizeof(long))));
        var items = new List<JsonNode>(count + 1);
        if (strings is not null)
        {
            foreach (string text in strings.Items())
            {
                items.Add(new JsonString(text, line, position));
            }
        }
        else
        {
            foreach (double number in numbers.Items())
            {
                items.Add(double.IsNaN(number) ? JsonLiteral.Create(JsonKind.Null, line, position) : new JsonNumber(number, line, position));
            }
        }

        return items;
    }

    private string ParseString()
    {
        Next();
        _text.Clear();
        while (true)
        {
            int c = Peek();
            if (c < 0)
            {
                throw Syntax("a closing '\"'");
            }

            if (c == '"')
            {
                Next();
                return _text.ToString();
            }

            if (c < 0x20)
            {
                throw Syntax("a character of a string (control characters must be written as escapes such as \\n)");
            }

            Next();
            if (c != '\\')
            {
                _text.Append((char)c);
                continue;
            }

            int escape = Peek();
            switch (escape)
            {
                case '"':
                case '\\':
                case '/':
                    _text.Append((char)escape);
                    break;
                case 'b':
                    _text.Append('\b');
                    break;
                case 'f':
                    _text.Append('\f');
                    break;
                case 'n':
                    _text.Append('\n');
                    break;
                case 'r':
                    _text.Append('\r');
                    break;
                case 't':
                    _text.Append('\t');
                    break;
                case 'u':
                    Next();
                    int code = 0;
                    for (int i = 0; i < 4; i++)
                    {
                        int digit = HexValue(Peek());
                        if (digit < 0)
                        {
                            throw Syntax("a hexadecimal digit of a \\u escape");
                        }

                        code = (code * 16) + digit;
                        Next();
                    }

                    _text.Append((char)code);
                    continue;
                default:
                    throw Syntax("an escape (one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }

            Next();
        }
    }

    private double ParseNumber()
    {
        _text.Clear();
        if (Peek() == '-')
        {
            Take();
        }

        if (Peek() == '0')
        {
            Take();
        }
        else if (IsDigit(Peek()))
        {
            TakeDigits();
        }
        else
        {
            throw Syntax("a digit");
        }

        if (Peek() == '.')
        {
            Take();
            if (!IsDigit(Peek()))
            {
                throw Syntax("a digit after the decimal point");
            }

            TakeDigits();
        }

        if (Peek() is 'e' or 'E')
        {
            Take();
            if (Peek() is '+' or '-')
            {
                Take();
            }

            if (!IsDigit(Peek()))
            {
                throw Syntax("a digit of the exponent");
            }

            TakeDigits();
        }

        return DoubleText.Parse(_text.ToString());
    }

    private void TakeDigits()
    {
        while (IsDigit(Peek()))
        {
            Take();
        }
    }

    private void Take()
    {
        if (_text.Length >= MaximumNumberLength)
        {
            throw Syntax(FormattableString.Invariant($"the end of the number (this reader refuses number literals longer than {MaximumNumberLength} characters; a double needs at most 25)"));
        }

        _text.Append((char)Peek());
        Next();
    }

    private void ExpectWord(string word)
    {
        foreach (char c in word)
        {
            if (Peek() != c)
            {
                throw Syntax("'" + word + "'");
            }

            Next();
        }
    }

    private void Expect(char c, string expected)
    {
        if (Peek() != c)
        {
            throw Syntax(expected);
        }

        Next();
    }

    private void Charge(long bytes)
    {
        _treeBytes += bytes;
        if (_treeBytes > (BytesPerCharacter * _consumed) + MemoryMargin)
        {
            throw new NeuronToolsException(
                ErrorIds.JsonTooComplex,
                ErrorKind.LimitsExceeded,
                FormattableString.Invariant($"{_source} holds far more objects, arrays or strings than a model has for its length: by line {_line}, position {_position}, its {_consumed} characters would take {_treeBytes / (1024 * 1024)} MB of memory to hold, more than {BytesPerCharacter} bytes per character, so it was refused before being read further. A model file is mostly numbers; is this a model file?"));
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth > _maximumDepth)
        {
            throw new NeuronToolsException(
                ErrorIds.JsonTooDeep,
                ErrorKind.LimitsExceeded,
                FormattableString.Invariant($"{_source} nests objects and arrays more than {_maximumDepth} deep (at line {_line}, position {_position}), so it was refused before being read further. A model file nests at most 5 deep; if this file is one, raise -MaximumDepth."));
        }
    }

    private void SkipWhitespace()
    {
        while (Peek() is ' ' or '\t' or '\n' or '\r')
        {
            Next();
        }
    }

    private int Peek()
    {
        if (_next < _count)
        {
            return _buffer[_next];
        }

        try
        {
            _count = _reader.Read(_buffer, 0, _buffer.Length);
        }
        catch (DecoderFallbackException exception)
        {
            throw new NeuronToolsException(
                ErrorIds.JsonSyntaxError,
                ErrorKind.InvalidData,
                FormattableString.Invariant($"{_source} is not valid JSON: near line {_line}, position {_position} it holds bytes that are not UTF-8 text. Model files are UTF-8; is this a model file?"),
                exception);
        }

        _next = 0;
        return _count > 0 ? _buffer[0] : -1;
    }

    private void Next()
    {
        char c = _buffer[_next++];
        if (++_consumed > _maximumLength)
        {
            throw new NeuronToolsException(
                ErrorIds.ModelFileTooLarge,
                ErrorKind.LimitsExceeded,
                FormattableString.Invariant($"{_source} is longer than the limit of {_maximumLength} characters, so it was refused before being read further. If it is a model you trust, raise -MaximumSize."));
        }

        if (c == '\n')
        {
            _line++;
            _position = 1;
        }
        else
        {
            _position++;
        }
    }

    private NeuronToolsException Syntax(string expected)
    {
        int c = Peek();
        string found = c switch
        {
            < 0 => "the end of the text",
            < 0x20 or 0x7F => string.Format(CultureInfo.InvariantCulture, "the control character U+{0:X4}", c),
            _ => "'" + (char)c + "'",
        };
        return new NeuronToolsException(
            ErrorIds.JsonSyntaxError,
            ErrorKind.InvalidData,
            FormattableString.Invariant($"{_source} is not valid JSON: at line {_line}, position {_position}, {expected} was expected but {found} was found."));
    }

    private static bool IsDigit(int c) => c >= '0' && c <= '9';

    private static int HexValue(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
