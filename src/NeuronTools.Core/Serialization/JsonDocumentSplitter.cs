using System.Collections.Generic;
using System.Text;

namespace NeuronTools;

/// <summary>
/// Splits text that arrives in pieces (strings from the pipeline) into JSON documents, without parsing
/// them, so that one broken document never takes good ones down with it:
/// <list type="bullet">
/// <item>A piece of several lines (Get-Content -Raw, ConvertTo-NeuronJson, a here-string) is one document.</item>
/// <item>Pieces of one line (Get-Content without -Raw) are the lines of a longer text: a document runs on
/// over the following lines until a line ends where its outermost bracket has closed. So a file sent line
/// by line is one document, two files sent line by line are two, and JSON Lines are one document per line.
/// Blank lines between documents are skipped. A line that starts with { or [ in its first column begins a new
/// document even when the one before is unfinished: the writer indents every inner line, so such a line is the
/// start of the next file, and a file cut off part-way costs only itself.</item>
/// </list>
/// Each piece belongs to exactly one document. Brackets are counted outside strings only; a line that is
/// not an object or array (a number, or text that is not JSON) is a document of its own. The parser then
/// judges each document.
/// </summary>
internal sealed class JsonDocumentSplitter
{
    private readonly StringBuilder _pending = new();
    private int _depth;
    private bool _started;
    private bool _anyInput;
    private bool _anyDocument;

    /// <summary>Adds one piece of text, and appends to <paramref name="documents"/> every document it completes.</summary>
    internal void Add(string piece, List<string> documents)
    {
        _anyInput = true;
        if (piece.IndexOf('\n') >= 0)
        {
            Finish(documents);
            Emit(piece, documents);
            return;
        }

        if (_started && StartsDocument(piece))
        {
            Finish(documents);
        }

        bool wasStarted = _started;
        Scan(piece);
        if (!_started)
        {
            return;
        }

        if (wasStarted)
        {
            _pending.Append('\n');
        }

        _pending.Append(piece);
        if (_depth <= 0)
        {
            Finish(documents);
        }
    }

    /// <summary>
    /// Appends the unfinished document, if any, to <paramref name="documents"/>, for the parser to say what
    /// it lacks; and when only blank text arrived, that text, which is no model either.
    /// </summary>
    internal void Finish(List<string> documents)
    {
        if (_started)
        {
            Emit(_pending.ToString(), documents);
        }

        _pending.Clear();
        _depth = 0;
        _started = false;
    }

    /// <summary>Like <see cref="Finish"/>, at the end of the input: blank input alone is one (empty) document.</summary>
    internal void End(List<string> documents)
    {
        Finish(documents);
        if (_anyInput && !_anyDocument)
        {
            Emit(string.Empty, documents);
        }
    }

    private static bool StartsDocument(string line)
    {
        string text = line.TrimStart('\uFEFF');
        return text.Length > 0 && (text[0] == '{' || text[0] == '[');
    }

    private void Emit(string document, List<string> documents)
    {
        documents.Add(document);
        _anyDocument = true;
    }

    // JSON strings cannot hold a raw line break, so string state never carries over to the next line.
    private void Scan(string line)
    {
        bool inString = false;
        bool escaped = false;
        foreach (char c in line)
        {
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (c == '\\')
                {
                    escaped = true;
                }
                else if (c == '"')
                {
                    inString = false;
                }

                continue;
            }

            switch (c)
            {
                case ' ' or '\t' or '\r' or '\uFEFF':
                    break;
                case '"':
                    inString = true;
                    _started = true;
                    break;
                case '{' or '[':
                    _depth++;
                    _started = true;
                    break;
                case '}' or ']':
                    _depth--;
                    _started = true;
                    break;
                default:
                    _started = true;
                    break;
            }
        }
    }
}
