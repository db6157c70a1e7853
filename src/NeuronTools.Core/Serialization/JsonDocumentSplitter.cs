using System.Collections.Generic;
using System.Text;

namespace NeuronTools;

/// <summary>
/// Splits text that arrives in pieces (strings from the pipeline) into JSON documents, without parsing
/// them, so that one broken document never takes good ones down with it:
/// <list type="bullet">
/// <item>A piece of several lines (Get-Content -Raw, ConvertTo-NeuronJson) is complete in itself: it holds
/// one document, or several one after another; an unfinished document in it ends with the piece.</item>
/// <item>Pieces of one line (Get-Content without -Raw) are the lines of a longer text: a document that one
/// begins runs on over the following lines until its outermost bracket closes. So a file sent line by line
/// is one document, two files sent line by line are two, and JSON Lines are one document per line.</item>
/// </list>
/// Brackets are counted outside strings only. A document that is not an object or array (a number, or
/// text that is not JSON) ends with its line. The parser then judges each document on its own.
/// </summary>
internal sealed class JsonDocumentSplitter
{
    private readonly StringBuilder _pending = new();
    private int _depth;
    private bool _started;
    private bool _endsWithLine;
    private bool _inString;
    private bool _escaped;

    /// <summary>Adds one piece of text, and appends to <paramref name="documents"/> every document it completes.</summary>
    internal void Add(string piece, List<string> documents)
    {
        if (piece.IndexOf('\n') >= 0)
        {
            Finish(documents);
            Scan(piece, documents);
            Finish(documents);
            return;
        }

        Scan(piece, documents);
        if (_endsWithLine)
        {
            Finish(documents);
        }
        else if (_started)
        {
            _pending.Append('\n');
            _inString = false;
            _escaped = false;
        }
        else
        {
            // Blank lines between documents: dropped, so that line numbers in messages count from a document's first line.
            _pending.Clear();
        }
    }

    /// <summary>Appends the unfinished document, if any, to <paramref name="documents"/>: the parser will say what it lacks.</summary>
    internal void Finish(List<string> documents)
    {
        if (_started)
        {
            documents.Add(_pending.ToString());
        }

        _pending.Clear();
        Reset();
    }

    private void Scan(string text, List<string> documents)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\n')
            {
                // JSON strings cannot hold a raw line break, so a string left open ends here.
                _inString = false;
                _escaped = false;
                if (_endsWithLine)
                {
                    Complete(text, ref start, i, documents);
                }

                continue;
            }

            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (c == '\\')
                {
                    _escaped = true;
                }
                else if (c == '"')
                {
                    _inString = false;
                }

                continue;
            }

            if (_endsWithLine)
            {
                continue;
            }

            if (!_started)
            {
                if (c is ' ' or '\t' or '\r' or '\uFEFF')
                {
                    continue;
                }

                _started = true;
                if (c is '{' or '[')
                {
                    _depth = 1;
                }
                else
                {
                    _endsWithLine = true;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    _inString = true;
                    break;
                case '{' or '[':
                    _depth++;
                    break;
                case '}' or ']':
                    if (--_depth == 0)
                    {
                        Complete(text, ref start, i + 1, documents);
                    }

                    break;
            }
        }

        _pending.Append(text, start, text.Length - start);
    }

    private void Complete(string text, ref int start, int end, List<string> documents)
    {
        _pending.Append(text, start, end - start);
        documents.Add(_pending.ToString());
        _pending.Clear();
        start = end;
        Reset();
    }

    private void Reset()
    {
        _depth = 0;
        _started = false;
        _endsWithLine = false;
        _inString = false;
        _escaped = false;
    }
}
