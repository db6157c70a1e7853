using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>How a chart is drawn in a terminal.</summary>
internal sealed class TextChartOptions
{
    internal const int MinimumWidth = 30;
    internal const int MinimumHeight = 8;

    internal TextChartOptions(int width, int height, bool unicode, bool colour)
    {
        if (width < MinimumWidth || height < MinimumHeight)
        {
            throw new NeuronToolsException(
                ErrorIds.ChartTooSmall,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"A chart of {width} x {height} characters is too small to draw; give a width of at least {MinimumWidth} and a height of at least {MinimumHeight}."));
        }

        Width = width;
        Height = height;
        Unicode = unicode;
        Colour = colour;
    }

    internal int Width { get; }

    internal int Height { get; }

    /// <summary>Braille dots and box-drawing axes; otherwise ASCII only.</summary>
    internal bool Unicode { get; }

    /// <summary>ANSI colours, one per series.</summary>
    internal bool Colour { get; }
}

/// <summary>
/// Draws a <see cref="Chart"/> as lines of text: a title, a y axis with tick labels, the curves, an x axis
/// with tick labels and a legend. Unicode charts plot with braille, 2 × 4 dots a character; ASCII charts
/// with ' - . | :, 1 × 3 dots a character. Without colour, the second and later series are drawn with a
/// marker each (•, ×, … or *, +, …), so curves can be told apart in a file or a plain terminal.
/// </summary>
internal static class TextChart
{
    private static readonly string[] s_palette = { "\u001b[94m", "\u001b[91m", "\u001b[92m", "\u001b[93m", "\u001b[95m", "\u001b[96m" };
    private static readonly char[] s_unicodeMarkers = { '•', '×', '∘', '+', '#', '%' };
    private static readonly char[] s_asciiMarkers = { '*', '+', 'o', 'x', '#', '%' };

    // ASCII cells hold three dots, top to bottom; the glyph for each set of dots.
    private static readonly char[] s_asciiGlyphs = { ' ', '\'', '-', '|', '.', ':', '|', '|' };

    internal static IReadOnlyList<string> Render(Chart chart, TextChartOptions options)
    {
        int cellWidth = options.Unicode ? 2 : 1;
        int cellHeight = options.Unicode ? 4 : 3;
        string Text(string s) => options.Unicode ? s : AsciiText.Fold(s);

        var legend = LegendLines(chart, options, Text);
        int plotRows = options.Height - 3 - legend.Count;
        if (plotRows < 3)
        {
            throw new NeuronToolsException(
                ErrorIds.ChartTooSmall,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"A height of {options.Height} leaves no room for the curves under the title and over the axis and the {legend.Count}-line legend; give a larger height."));
        }

        var yAxis = chart.YAxis(Math.Max(2, plotRows / 3));
        var yLabels = yAxis.Ticks.Select(yAxis.Label).ToList();
        int axisColumn = yLabels.Max(l => l.Length) + 1;
        int plotLeft = axisColumn + 1;
        var roughX = chart.XAxis(4);
        int rightPad = Math.Max(1, roughX.Ticks.Select(roughX.Label).DefaultIfEmpty("0").Max(l => l.Length) / 2);
        int plotColumns = options.Width - plotLeft - rightPad;
        var xAxis = chart.XAxis(Math.Max(2, plotColumns / 10));

        int dotColumns = plotColumns * cellWidth;
        int dotRows = plotRows * cellHeight;
        int DotX(double x) => (int)Math.Round(Clamp(xAxis.Fraction(x), dotColumns) * (dotColumns - 1));
        int DotY(double y) => (int)Math.Round((1 - Clamp(yAxis.Fraction(y), dotRows)) * (dotRows - 1));

        var canvas = new TextCanvas(options.Width, options.Height);
        canvas.Write(0, 0, Fit(Text(chart.YLabel is null ? chart.Title : chart.YLabel + "   " + chart.Title), options.Width));

        // The curves.
        var masks = new int[chart.Series.Count, plotRows, plotColumns];
        for (int k = 0; k < chart.Series.Count; k++)
        {
            var series = chart.Series[k];
            int? previousX = null, previousY = null;
            for (int i = 0; i < series.X.Count; i++)
            {
                if (!series.IsDrawable(i))
                {
                    previousX = previousY = null;
                    continue;
                }

                int x = DotX(series.X[i]);
                int y = DotY(series.Y[i]);
                foreach (var (dx, dy) in Line(previousX ?? x, previousY ?? y, x, y))
                {
                    if (dx >= 0 && dx < dotColumns && dy >= 0 && dy < dotRows)
                    {
                        masks[k, dy / cellHeight, dx / cellWidth] |= DotBit(dx % cellWidth, dy % cellHeight, options.Unicode);
                    }
                }

                previousX = x;
                previousY = y;
            }
        }

        for (int row = 0; row < plotRows; row++)
        {
            for (int column = 0; column < plotColumns; column++)
            {
                int owner = -1, union = 0;
                for (int k = 0; k < chart.Series.Count; k++)
                {
                    if (masks[k, row, column] != 0)
                    {
                        owner = k;
                        union |= masks[k, row, column];
                    }
                }

                if (owner < 0)
                {
                    continue;
                }

                char glyph = options.Colour || owner == 0
                    ? Glyph(options.Colour ? union : masks[0, row, column], options.Unicode)
                    : Marker(owner, options.Unicode);
                canvas.Put(1 + row, plotLeft + column, glyph, s_palette[owner % s_palette.Length]);
            }
        }

        // The y axis, its ticks and their labels.
        int axisRow = 1 + plotRows;
        for (int row = 1; row < axisRow; row++)
        {
            canvas.Put(row, axisColumn, options.Unicode ? '│' : '|');
        }

        for (int i = 0; i < yAxis.Ticks.Count; i++)
        {
            int row = 1 + DotY(yAxis.Ticks[i]) / cellHeight;
            canvas.Write(row, axisColumn - 1 - yLabels[i].Length, yLabels[i]);
            canvas.Put(row, axisColumn, options.Unicode ? '┤' : '+');
        }

        // The x axis, its ticks and their labels, a label skipped where it would touch the one before.
        canvas.Put(axisRow, axisColumn, options.Unicode ? '└' : '+');
        for (int column = 0; column < plotColumns; column++)
        {
            canvas.Put(axisRow, plotLeft + column, options.Unicode ? '─' : '-');
        }

        int free = 0;
        foreach (double tick in xAxis.Ticks)
        {
            int column = plotLeft + DotX(tick) / cellWidth;
            canvas.Put(axisRow, column, options.Unicode ? '┬' : '+');
            string label = xAxis.Label(tick);
            int start = Math.Min(Math.Max(column - (label.Length - 1) / 2, 0), options.Width - label.Length);
            if (start >= free)
            {
                canvas.Write(axisRow + 1, start, label);
                free = start + label.Length + 1;
            }
        }

        if (chart.XLabel is { } xLabel && free + 2 + xLabel.Length <= options.Width)
        {
            canvas.Write(axisRow + 1, options.Width - xLabel.Length, Text(xLabel));
        }

        // The legend.
        for (int line = 0; line < legend.Count; line++)
        {
            int column = plotLeft;
            foreach (var (k, key, name) in legend[line])
            {
                canvas.Write(axisRow + 2 + line, column, key, s_palette[k % s_palette.Length]);
                canvas.Write(axisRow + 2 + line, column + key.Length + 1, name);
                column += key.Length + 1 + name.Length + 3;
            }
        }

        return canvas.ToLines(options.Colour);
    }

    private static List<List<(int Series, string Key, string Name)>> LegendLines(Chart chart, TextChartOptions options, Func<string, string> text)
    {
        var lines = new List<List<(int, string, string)>> { new() };
        int used = 0;
        int room = options.Width - 8;
        for (int k = 0; k < chart.Series.Count; k++)
        {
            string key = options.Colour ? (options.Unicode ? "━━" : "--")
                : k == 0 ? (options.Unicode ? "⠒⠒" : "--")
                : new string(Marker(k, options.Unicode), 2);
            string name = Fit(text(chart.Series[k].Name), room - 3);
            int length = key.Length + 1 + name.Length;
            if (used > 0 && used + 3 + length > room)
            {
                lines.Add(new());
                used = 0;
            }

            lines[lines.Count - 1].Add((k, key, name));
            used += (used > 0 ? 3 : 0) + length;
        }

        return lines;
    }

    private static char Glyph(int bits, bool unicode) => unicode ? (char)(0x2800 + bits) : s_asciiGlyphs[bits];

    private static char Marker(int series, bool unicode)
    {
        var markers = unicode ? s_unicodeMarkers : s_asciiMarkers;
        return markers[(series - 1) % markers.Length];
    }

    /// <summary>The bit of a dot in a braille cell (U+2800 + bits) or in a three-dot ASCII cell.</summary>
    private static int DotBit(int x, int y, bool unicode)
    {
        if (!unicode)
        {
            return 1 << y;
        }

        return y == 3 ? (x == 0 ? 0x40 : 0x80) : 1 << (y + (3 * x));
    }

    // Keeps points far outside the axes from making the line walk very long.
    private static double Clamp(double fraction, int dots) => Math.Max(-1.0 / dots, Math.Min(1 + (1.0 / dots), fraction));

    /// <summary>The dots of a straight line between two dots (Bresenham), both ends included.</summary>
    private static IEnumerable<(int X, int Y)> Line(int x0, int y0, int x1, int y1)
    {
        int dx = Math.Abs(x1 - x0), sx = x0 < x1 ? 1 : -1;
        int dy = -Math.Abs(y1 - y0), sy = y0 < y1 ? 1 : -1;
        int error = dx + dy;
        while (true)
        {
            yield return (x0, y0);
            if (x0 == x1 && y0 == y1)
            {
                yield break;
            }

            int twice = 2 * error;
            if (twice >= dy)
            {
                error += dy;
                x0 += sx;
            }

            if (twice <= dx)
            {
                error += dx;
                y0 += sy;
            }
        }
    }

    private static string Fit(string text, int width) => text.Length <= width ? text : text.Substring(0, Math.Max(0, width - 3)) + "...";
}
