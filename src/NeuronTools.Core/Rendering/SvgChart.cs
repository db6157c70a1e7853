using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>
/// Writes a <see cref="Chart"/> as a standalone SVG document: the same title, ticks, curves and legend
/// as the text chart. The plot area carries its data ranges (data-x-min, data-x-max, data-y-min,
/// data-y-max), so the pixel coordinates of every curve point can be mapped back to (x, y).
/// </summary>
internal static class SvgChart
{
    internal const int PixelsPerColumn = 10;
    internal const int PixelsPerRow = 20;
    private static readonly string[] s_palette = { "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#17becf" };

    internal static string Render(Chart chart, int width, int height)
    {
        if (width < 200 || height < 150)
        {
            throw new NeuronToolsException(
                ErrorIds.ChartTooSmall,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"An SVG chart of {width} x {height} pixels is too small; give at least 200 x 150."));
        }

        const double left = 64, right = 24, top = 40, tickSpace = 36, legendRow = 20;
        int legendRows = (chart.Series.Count + 2) / 3;
        double plotWidth = width - left - right;
        double plotHeight = height - top - tickSpace - (legendRows * legendRow) - 8;
        var xAxis = chart.XAxis(Math.Max(2, (int)(plotWidth / 80)));
        var yAxis = chart.YAxis(Math.Max(2, (int)(plotHeight / 50)));
        double Px(double x) => left + (xAxis.Fraction(x) * plotWidth);
        double Py(double y) => top + ((1 - yAxis.Fraction(y)) * plotHeight);

        using var svg = new SvgDocument(width, height, chart.Title);
        svg.Text(chart.Title, left, 24, "start", ("font-size", "15"), ("class", "title"));

        svg.Start("g", ("class", "grid"), ("stroke", "#e0e0e0"), ("stroke-width", "1"));
        foreach (double tick in xAxis.Ticks)
        {
            svg.Element("line", ("x1", N(Px(tick))), ("y1", N(top)), ("x2", N(Px(tick))), ("y2", N(top + plotHeight)));
        }

        foreach (double tick in yAxis.Ticks)
        {
            svg.Element("line", ("x1", N(left)), ("y1", N(Py(tick))), ("x2", N(left + plotWidth)), ("y2", N(Py(tick))));
        }

        svg.End();

        // The lines x = 0 and y = 0, where most kinks and saturation levels sit, a little darker.
        svg.Start("g", ("class", "zero"), ("stroke", "#9e9e9e"), ("stroke-width", "1"));
        if (xAxis.Minimum < 0 && xAxis.Maximum > 0)
        {
            svg.Element("line", ("x1", N(Px(0))), ("y1", N(top)), ("x2", N(Px(0))), ("y2", N(top + plotHeight)));
        }

        if (yAxis.Minimum < 0 && yAxis.Maximum > 0)
        {
            svg.Element("line", ("x1", N(left)), ("y1", N(Py(0))), ("x2", N(left + plotWidth)), ("y2", N(Py(0))));
        }

        svg.End();

        svg.Element("rect", ("class", "plot-area"), ("x", N(left)), ("y", N(top)), ("width", N(plotWidth)), ("height", N(plotHeight)), ("fill", "none"), ("stroke", "#333333"),
            ("data-x-min", NumberText.Exact(xAxis.Minimum)), ("data-x-max", NumberText.Exact(xAxis.Maximum)), ("data-y-min", NumberText.Exact(yAxis.Minimum)), ("data-y-max", NumberText.Exact(yAxis.Maximum)));

        svg.Start("g", ("class", "ticks"), ("fill", "#333333"));
        foreach (double tick in xAxis.Ticks)
        {
            svg.Text(xAxis.Label(tick), Px(tick), top + plotHeight + 16, "middle");
        }

        foreach (double tick in yAxis.Ticks)
        {
            svg.Text(yAxis.Label(tick), left - 6, Py(tick) + 4, "end");
        }

        if (chart.XLabel is { } xLabel)
        {
            svg.Text(xLabel, left + plotWidth, top + plotHeight + 32, "end", ("class", "x-label"));
        }

        if (chart.YLabel is { } yLabel)
        {
            svg.Text(yLabel, left - 6, top - 8, "end", ("class", "y-label"));
        }

        svg.End();

        for (int k = 0; k < chart.Series.Count; k++)
        {
            var series = chart.Series[k];
            svg.Start("g", ("class", "series"), ("data-name", series.Name), ("fill", "none"), ("stroke", Colour(k)), ("stroke-width", "2"), ("stroke-linejoin", "round"));
            foreach (var run in Runs(series))
            {
                string points = string.Join(" ", run.Select(i => N(Px(series.X[i])) + "," + N(Py(series.Y[i]))));
                svg.Element("polyline", ("points", points));
            }

            svg.End();
        }

        svg.Start("g", ("class", "legend"));
        for (int k = 0; k < chart.Series.Count; k++)
        {
            double x = left + (k % 3 * (plotWidth / 3));
            double y = top + plotHeight + tickSpace + (k / 3 * legendRow) + 8;
            svg.Element("line", ("x1", N(x)), ("y1", N(y)), ("x2", N(x + 24)), ("y2", N(y)), ("stroke", Colour(k)), ("stroke-width", "3"));
            svg.Text(chart.Series[k].Name, x + 30, y + 4, "start");
        }

        svg.End();
        return svg.Finish();
    }

    private static string Colour(int series) => s_palette[series % s_palette.Length];

    /// <summary>The runs of consecutive drawable points; a NaN or infinity ends one.</summary>
    private static IEnumerable<List<int>> Runs(ChartSeries series)
    {
        var run = new List<int>();
        for (int i = 0; i < series.X.Count; i++)
        {
            if (series.IsDrawable(i))
            {
                run.Add(i);
                continue;
            }

            if (run.Count > 0)
            {
                yield return run;
                run = new List<int>();
            }
        }

        if (run.Count > 0)
        {
            yield return run;
        }
    }

    private static string N(double value) => SvgDocument.N(value);
}
