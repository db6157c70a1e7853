using System;
using System.Collections.Generic;
using System.Text;

namespace NeuronTools.Rendering;

/// <summary>
/// A grid of characters, each with an optional ANSI colour, that diagrams and charts draw on and then
/// turn into lines. Writes outside the grid are dropped, so callers need not clip.
/// </summary>
internal sealed class TextCanvas
{
    private const string Reset = "\u001b[0m";
    private readonly char[,] _cells;
    private readonly string?[,] _colours;

    internal TextCanvas(int width, int height)
    {
        if (width < 1 || height < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(width), "A canvas needs at least one row and one column.");
        }

        Width = width;
        Height = height;
        _cells = new char[height, width];
        _colours = new string?[height, width];
        for (int row = 0; row < height; row++)
        {
            for (int column = 0; column < width; column++)
            {
                _cells[row, column] = ' ';
            }
        }
    }

    internal int Width { get; }

    internal int Height { get; }

    internal char this[int row, int column] => _cells[row, column];

    internal void Put(int row, int column, char c, string? colour = null)
    {
        if (row < 0 || row >= Height || column < 0 || column >= Width)
        {
            return;
        }

        _cells[row, column] = c;
        _colours[row, column] = colour;
    }

    internal void Write(int row, int column, string text, string? colour = null)
    {
        for (int i = 0; i < text.Length; i++)
        {
            Put(row, column + i, text[i], colour);
        }
    }

    /// <summary>The rows as text without trailing spaces; with <paramref name="colour"/>, each coloured run is wrapped in SGR codes and reset.</summary>
    internal IReadOnlyList<string> ToLines(bool colour)
    {
        var lines = new List<string>(Height);
        var line = new StringBuilder(Width * 2);
        for (int row = 0; row < Height; row++)
        {
            line.Clear();
            int end = Width;
            while (end > 0 && _cells[row, end - 1] == ' ')
            {
                end--;
            }

            string? current = null;
            for (int column = 0; column < end; column++)
            {
                string? wanted = colour && _cells[row, column] != ' ' ? _colours[row, column] : current;
                if (!string.Equals(wanted, current, StringComparison.Ordinal))
                {
                    if (current is not null)
                    {
                        line.Append(Reset);
                    }

                    if (wanted is not null)
                    {
                        line.Append(wanted);
                    }

                    current = wanted;
                }

                line.Append(_cells[row, column]);
            }

            if (current is not null)
            {
                line.Append(Reset);
            }

            lines.Add(line.ToString());
        }

        return lines;
    }
}
