using System.Collections.Generic;
using System.Text;

namespace NeuronTools.Rendering;

/// <summary>
/// Breaks an equation such as <c>a = w_out1 + … + b = 2.5 + (-3) + … = 2</c> before an operator when it
/// would pass the width, and indents the continuation so the operators line up under the first '='.
/// </summary>
internal static class LineWrapper
{
    internal static IEnumerable<string> Wrap(string first, IEnumerable<(string Separator, string Text)> pieces, int width)
    {
        string indent = new(' ', first.Length + 1);
        var line = new StringBuilder(first);
        bool lineHasPiece = false;
        foreach (var (separator, text) in pieces)
        {
            if (lineHasPiece && line.Length + separator.Length + text.Length > width)
            {
                yield return line.ToString();
                line.Clear().Append(indent).Append(separator.TrimStart()).Append(text);
            }
            else
            {
                line.Append(separator).Append(text);
            }

            lineHasPiece = true;
        }

        yield return line.ToString();
    }

    /// <summary>Breaks prose at spaces; continuation lines start with <paramref name="hangingIndent"/> spaces.</summary>
    internal static IEnumerable<string> WrapWords(string text, int width, int hangingIndent)
    {
        string[] words = text.Split(' ');
        var pieces = new List<(string, string)>();
        for (int i = 1; i < words.Length; i++)
        {
            pieces.Add((" ", words[i]));
        }

        string indent = new(' ', hangingIndent);
        var line = new StringBuilder(words[0]);
        foreach (var (separator, word) in pieces)
        {
            if (line.Length + 1 + word.Length > width && line.Length > hangingIndent)
            {
                yield return line.ToString();
                line.Clear().Append(indent).Append(word);
            }
            else
            {
                line.Append(separator).Append(word);
            }
        }

        yield return line.ToString();
    }
}
