using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml;

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
                "ChartTooSmall",
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

        var text = new StringBuilder();
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), OmitXmlDeclaration = false };
        using (var writer = XmlWriter.Create(new StringWriterWithEncoding(text), settings))
        {
            const string ns = "http://www.w3.org/2000/svg";
            writer.WriteStartDocument();
            writer.WriteStartElement("svg", ns);
            Attributes(writer, ("width", N(width)), ("height", N(height)), ("viewBox", "0 0 " + N(width) + " " + N(height)), ("font-family", "sans-serif"), ("font-size", "12"));
            writer.WriteElementString("title", ns, chart.Title);
            Element(writer, "rect", ("width", "100%"), ("height", "100%"), ("fill", "white"));
            Text(writer, chart.Title, left, 24, "start", ("font-size", "15"), ("class", "title"));

            writer.WriteStartElement("g", ns);
            Attributes(writer, ("class", "grid"), ("stroke", "#e0e0e0"), ("stroke-width", "1"));
            foreach (double tick in xAxis.Ticks)
            {
                Element(writer, "line", ("x1", N(Px(tick))), ("y1", N(top)), ("x2", N(Px(tick))), ("y2", N(top + plotHeight)));
            }

            foreach (double tick in yAxis.Ticks)
            {
                Element(writer, "line", ("x1", N(left)), ("y1", N(Py(tick))), ("x2", N(left + plotWidth)), ("y2", N(Py(tick))));
            }

            writer.WriteEndElement();

            // The lines x = 0 and y = 0, where most kinks and saturation levels sit, a little darker.
            writer.WriteStartElement("g", ns);
            Attributes(writer, ("class", "zero"), ("stroke", "#9e9e9e"), ("stroke-width", "1"));
            if (xAxis.Minimum < 0 && xAxis.Maximum > 0)
            {
                Element(writer, "line", ("x1", N(Px(0))), ("y1", N(top)), ("x2", N(Px(0))), ("y2", N(top + plotHeight)));
            }

            if (yAxis.Minimum < 0 && yAxis.Maximum > 0)
            {
                Element(writer, "line", ("x1", N(left)), ("y1", N(Py(0))), ("x2", N(left + plotWidth)), ("y2", N(Py(0))));
            }

            writer.WriteEndElement();

            Element(writer, "rect", ("class", "plot-area"), ("x", N(left)), ("y", N(top)), ("width", N(plotWidth)), ("height", N(plotHeight)), ("fill", "none"), ("stroke", "#333333"),
                ("data-x-min", NumberText.Exact(xAxis.Minimum)), ("data-x-max", NumberText.Exact(xAxis.Maximum)), ("data-y-min", NumberText.Exact(yAxis.Minimum)), ("data-y-max", NumberText.Exact(yAxis.Maximum)));

            writer.WriteStartElement("g", ns);
            Attributes(writer, ("class", "ticks"), ("fill", "#333333"));
            foreach (double tick in xAxis.Ticks)
            {
                Text(writer, xAxis.Label(tick), Px(tick), top + plotHeight + 16, "middle");
            }

            foreach (double tick in yAxis.Ticks)
            {
                Text(writer, yAxis.Label(tick), left - 6, Py(tick) + 4, "end");
            }

            if (chart.XLabel is { } xLabel)
            {
                Text(writer, xLabel, left + plotWidth, top + plotHeight + 32, "end", ("class", "x-label"));
            }

            if (chart.YLabel is { } yLabel)
            {
                Text(writer, yLabel, left - 6, top - 8, "end", ("class", "y-label"));
            }

            writer.WriteEndElement();

            for (int k = 0; k < chart.Series.Count; k++)
            {
                var series = chart.Series[k];
                writer.WriteStartElement("g", ns);
                Attributes(writer, ("class", "series"), ("data-name", series.Name), ("fill", "none"), ("stroke", Colour(k)), ("stroke-width", "2"), ("stroke-linejoin", "round"));
                foreach (var run in Runs(series))
                {
                    string points = string.Join(" ", run.Select(i => N(Px(series.X[i])) + "," + N(Py(series.Y[i]))));
                    Element(writer, "polyline", ("points", points));
                }

                writer.WriteEndElement();
            }

            writer.WriteStartElement("g", ns);
            Attributes(writer, ("class", "legend"));
            for (int k = 0; k < chart.Series.Count; k++)
            {
                double x = left + (k % 3 * (plotWidth / 3));
                double y = top + plotHeight + tickSpace + (k / 3 * legendRow) + 8;
                Element(writer, "line", ("x1", N(x)), ("y1", N(y)), ("x2", N(x + 24)), ("y2", N(y)), ("stroke", Colour(k)), ("stroke-width", "3"));
                Text(writer, chart.Series[k].Name, x + 30, y + 4, "start");
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
            writer.WriteEndDocument();
        }

        return text.ToString();
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

    private static string N(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    private static void Attributes(XmlWriter writer, params (string Name, string Value)[] attributes)
    {
        foreach (var (name, value) in attributes)
        {
            writer.WriteAttributeString(name, value);
        }
    }

    private static void Element(XmlWriter writer, string name, params (string Name, string Value)[] attributes)
    {
        writer.WriteStartElement(name, "http://www.w3.org/2000/svg");
        Attributes(writer, attributes);
        writer.WriteEndElement();
    }

    private static void Text(XmlWriter writer, string content, double x, double y, string anchor, params (string Name, string Value)[] extra)
    {
        writer.WriteStartElement("text", "http://www.w3.org/2000/svg");
        Attributes(writer, ("x", N(x)), ("y", N(y)), ("text-anchor", anchor));
        Attributes(writer, extra);
        writer.WriteString(content);
        writer.WriteEndElement();
    }

    /// <summary>A StringWriter that declares UTF-8 in the XML declaration, since the file is written as UTF-8.</summary>
    private sealed class StringWriterWithEncoding : StringWriter
    {
        internal StringWriterWithEncoding(StringBuilder builder)
            : base(builder, CultureInfo.InvariantCulture)
        {
        }

        public override Encoding Encoding => new UTF8Encoding(false);
    }
}
