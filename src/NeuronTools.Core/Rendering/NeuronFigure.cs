using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using static NeuronTools.Rendering.SvgDocument;

namespace NeuronTools.Rendering;

/// <summary>
/// The article's figure of a neuron as an SVG picture: each input x_i (with its value), the pipe w_i that
/// carries it (w_i·x_i when there is an input), the Σ + b node with a, the activation box with a small
/// curve of the function and the point (a, z) on it, and the output z. Pipes are coloured and sized as
/// <see cref="WeightStyle"/> says. Every element the tests look at has a class: input, pipe, sum,
/// activation (with its plot-area, curve and point), output. Hovering shows the exact numbers.
/// </summary>
internal static class NeuronFigure
{
    private const double RowHeight = 90;
    private const double Top = 64;
    private const double InputX = 70;
    private const double NodeRadius = 20;
    private const double BusX = 330;
    private const double SumX = 420;
    private const double SumRadius = 36;
    private const double BoxLeft = 540;
    private const double BoxWidth = 170;
    private const double BoxHeight = 140;
    private const double OutputX = 800;
    private const double Width = 880;
    private const int CurveSamples = 121;

    internal static string Render(Neuron neuron, NeuronOutput? output, Func<double, string> number)
    {
        if (neuron is null)
        {
            throw new ArgumentNullException(nameof(neuron));
        }

        var rows = ShownRows(neuron.InputCount);
        double rowsHeight = rows.Count * RowHeight;
        double middle = Top + (Math.Max(rowsHeight, BoxHeight + 40) / 2);
        double height = Top + Math.Max(rowsHeight, BoxHeight + 40) + 48;
        string f = ExplanationText.FunctionSymbol(neuron.Activation);
        var style = new WeightStyle(neuron.Weight);

        using var svg = new SvgDocument(Width, height, NeuronExplanation.Header(neuron, n => "'" + n + "'", n => n));
        svg.Start("defs");
        svg.Start("marker", ("id", "arrow"), ("viewBox", "0 0 10 10"), ("refX", "9"), ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"), ("orient", "auto"));
        svg.Element("path", ("d", "M0,0 L10,5 L0,10 z"), ("fill", "#333333"));
        svg.End();
        svg.End();
        svg.Text(NeuronExplanation.Header(neuron, n => "'" + n + "'", n => n), 16, 28, "start", ("font-size", "16"), ("class", "title"));

        // Pipes first, so the nodes are drawn over their ends.
        svg.Start("g", ("class", "pipes"), ("fill", "none"));
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not int i)
            {
                continue;
            }

            double y = RowY(r);
            double w = neuron.Weight[i];
            double angle = Math.Atan2(y - middle, BusX - SumX);
            double endX = SumX + (SumRadius * Math.Cos(angle));
            double endY = middle + (SumRadius * Math.Sin(angle));
            string index = ExplanationText.Index(i);
            string hover = "w" + index + " = " + NumberText.Exact(w) + (output is null ? string.Empty : "\nx" + index + " = " + NumberText.Exact(output.Input[i]) + ", w" + index + "·x" + index + " = " + NumberText.Exact(output.WeightedInput[i]));
            svg.ElementWithTitle(
                "path",
                hover,
                ("class", "pipe"),
                ("data-index", index),
                ("data-weight", NumberText.Exact(w)),
                ("d", "M" + N(InputX + NodeRadius) + "," + N(y) + " H" + N(BusX) + " L" + N(endX) + "," + N(endY)),
                ("stroke", WeightStyle.Colour(w)),
                ("stroke-width", N(style.Width(w))),
                ("stroke-linecap", "round"));
        }

        svg.End();

        svg.Start("g", ("class", "pipe-labels"), ("fill", "#333333"));
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is not int i)
            {
                continue;
            }

            double y = RowY(r);
            string index = ExplanationText.Index(i);
            double labelX = (InputX + NodeRadius + BusX) / 2;
            svg.Text("w" + index + " = " + number(neuron.Weight[i]), labelX, y - 10, "middle", ("class", "weight-label"));
            if (output is not null)
            {
                svg.Text("w" + index + "·x" + index + " = " + number(output.WeightedInput[i]), labelX, y + 20, "middle", ("class", "weighted-input-label"), ("fill", "#666666"), ("font-size", "11"));
            }
        }

        svg.End();

        // The inputs.
        for (int r = 0; r < rows.Count; r++)
        {
            double y = RowY(r);
            if (rows[r] is not int i)
            {
                svg.Text("⋮ " + ExplanationText.Count(neuron.InputCount - 6, "more input"), InputX - NodeRadius, y + 4, "start", ("class", "more-inputs"), ("fill", "#666666"));
                continue;
            }

            string index = ExplanationText.Index(i);
            string hover = "x" + index + (neuron.InputName is { } names ? " (" + names[i] + ")" : string.Empty) + (output is null ? string.Empty : " = " + NumberText.Exact(output.Input[i]));
            svg.Start("g", ("class", "input"), ("data-index", index));
            svg.Title(hover);
            svg.Element("circle", ("cx", N(InputX)), ("cy", N(y)), ("r", N(NodeRadius)), ("fill", "#f5f5f5"), ("stroke", "#333333"));
            svg.Text("x" + index, InputX, y + 5, "middle", ("font-size", "14"));
            if (neuron.InputName is { } inputNames)
            {
                svg.Text(ExplanationText.Shorten(inputNames[i], unicode: true), InputX, y - NodeRadius - 6, "middle", ("class", "input-name"), ("fill", "#666666"), ("font-size", "11"));
            }

            if (output is not null)
            {
                svg.Text("= " + number(output.Input[i]), InputX, y + NodeRadius + 16, "middle", ("class", "input-value"));
            }

            svg.End();
        }

        // Σ + b, then a.
        svg.Start("g", ("class", "sum"));
        svg.Title("a = Σ wi·xi + b" + (output is null ? string.Empty : " = " + NumberText.Exact(output.PreActivation)) + "\nb = " + NumberText.Exact(neuron.Bias));
        svg.Element("circle", ("cx", N(SumX)), ("cy", N(middle)), ("r", N(SumRadius)), ("fill", "#fff8e1"), ("stroke", "#333333"), ("stroke-width", "1.5"));
        svg.Text("Σ + b", SumX, middle + 6, "middle", ("font-size", "17"));
        svg.Text("b = " + number(neuron.Bias), SumX, middle + SumRadius + 18, "middle", ("class", "bias-label"));
        svg.End();

        svg.Element("line", ("class", "arrow"), ("x1", N(SumX + SumRadius)), ("y1", N(middle)), ("x2", N(BoxLeft - 2)), ("y2", N(middle)), ("stroke", "#333333"), ("stroke-width", "1.5"), ("marker-end", "url(#arrow)"));
        svg.Text(output is null ? "a" : "a = " + number(output.PreActivation), (SumX + SumRadius + BoxLeft) / 2, middle - 8, "middle", ("class", "pre-activation-label"));

        DrawActivation(svg, neuron.Activation, f, output, number, middle - (BoxHeight / 2));

        svg.Element("line", ("class", "arrow"), ("x1", N(BoxLeft + BoxWidth)), ("y1", N(middle)), ("x2", N(OutputX - NodeRadius - 2)), ("y2", N(middle)), ("stroke", "#333333"), ("stroke-width", "1.5"), ("marker-end", "url(#arrow)"));
        svg.Start("g", ("class", "output"));
        svg.Title("z = " + f + "(a)" + (output is null ? string.Empty : " = " + NumberText.Exact(output.Output)));
        svg.Element("circle", ("cx", N(OutputX)), ("cy", N(middle)), ("r", N(NodeRadius)), ("fill", "#e8f5e9"), ("stroke", "#333333"));
        svg.Text("z", OutputX, middle + 5, "middle", ("font-size", "14"));
        if (output is not null)
        {
            svg.Text("= " + number(output.Output), OutputX, middle + NodeRadius + 16, "middle", ("class", "output-value"));
        }

        svg.End();

        svg.Text("pipe colour: blue w > 0, orange w < 0; width grows with |w|", 16, height - 16, "start", ("class", "legend"), ("fill", "#666666"), ("font-size", "11"));
        return svg.Finish();
    }

    /// <summary>The activation's box: its symbol, a small plot of f on a range that holds a, and the point (a, z).</summary>
    private static void DrawActivation(SvgDocument svg, ScalarActivation activation, string f, NeuronOutput? output, Func<double, string> number, double top)
    {
        const double plotLeft = BoxLeft + 14, plotTop = 30, plotWidth = BoxWidth - 28, plotHeight = BoxHeight - 50;
        double reach = output is null ? 5 : Math.Max(5, Math.Min(1e300, Math.Abs(output.PreActivation) * 1.25));
        var x = ActivationChart.Sample(-reach, reach, CurveSamples);
        var y = x.Select(activation.Value).ToArray();
        var finite = y.Where(Neuron.IsFinite).DefaultIfEmpty(0).ToList();
        double yMin = finite.Min(), yMax = finite.Max();
        if (output is not null && Neuron.IsFinite(output.Output))
        {
            yMin = Math.Min(yMin, output.Output);
            yMax = Math.Max(yMax, output.Output);
        }

        if (!(yMax > yMin))
        {
            yMin -= 1;
            yMax += 1;
        }

        double pad = (yMax - yMin) * 0.08;
        yMin -= pad;
        yMax += pad;
        double Px(double value) => plotLeft + ((value + reach) / (2 * reach) * plotWidth);
        double Py(double value) => top + plotTop + ((1 - ((value - yMin) / (yMax - yMin))) * plotHeight);

        svg.Start("g", ("class", "activation"), ("data-activation", activation.Specification));
        svg.Title(activation.Specification + ": z = " + f + "(a)");
        svg.Element("rect", ("x", N(BoxLeft)), ("y", N(top)), ("width", N(BoxWidth)), ("height", N(BoxHeight)), ("rx", "8"), ("fill", "#e3f2fd"), ("stroke", "#333333"), ("stroke-width", "1.5"));
        svg.Text(f, BoxLeft + (BoxWidth / 2), top + 20, "middle", ("font-size", "15"), ("font-weight", "bold"));
        svg.Element("rect", ("class", "plot-area"), ("x", N(plotLeft)), ("y", N(top + plotTop)), ("width", N(plotWidth)), ("height", N(plotHeight)), ("fill", "white"), ("stroke", "#9e9e9e"),
            ("data-x-min", NumberText.Exact(-reach)), ("data-x-max", NumberText.Exact(reach)), ("data-y-min", NumberText.Exact(yMin)), ("data-y-max", NumberText.Exact(yMax)));
        svg.Element("line", ("x1", N(Px(0))), ("y1", N(top + plotTop)), ("x2", N(Px(0))), ("y2", N(top + plotTop + plotHeight)), ("stroke", "#cccccc"));
        if (yMin < 0 && yMax > 0)
        {
            svg.Element("line", ("x1", N(plotLeft)), ("y1", N(Py(0))), ("x2", N(plotLeft + plotWidth)), ("y2", N(Py(0))), ("stroke", "#cccccc"));
        }

        var points = Enumerable.Range(0, x.Length).Where(i => Neuron.IsFinite(y[i])).Select(i => N(Px(x[i])) + "," + N(Py(y[i])));
        svg.Element("polyline", ("class", "curve"), ("points", string.Join(" ", points)), ("fill", "none"), ("stroke", "#1565c0"), ("stroke-width", "2"), ("stroke-linejoin", "round"));
        if (output is not null && Neuron.IsFinite(output.Output))
        {
            double cx = Px(output.PreActivation), cy = Py(output.Output);
            svg.Element("line", ("x1", N(cx)), ("y1", N(cy)), ("x2", N(cx)), ("y2", N(top + plotTop + plotHeight)), ("stroke", "#d62728"), ("stroke-dasharray", "3,2"));
            svg.ElementWithTitle(
                "circle",
                "(a, z) = (" + NumberText.Exact(output.PreActivation) + ", " + NumberText.Exact(output.Output) + ")",
                ("class", "point"),
                ("cx", N(cx)),
                ("cy", N(cy)),
                ("r", "4.5"),
                ("fill", "#d62728"),
                ("data-a", NumberText.Exact(output.PreActivation)),
                ("data-z", NumberText.Exact(output.Output)));
            svg.Text("(" + number(output.PreActivation) + ", " + number(output.Output) + ")", BoxLeft + (BoxWidth / 2), top + BoxHeight - 4, "middle", ("class", "point-label"), ("font-size", "11"), ("fill", "#d62728"));
        }

        svg.End();
    }

    private static double RowY(int row) => Top + (RowHeight / 2) + (row * RowHeight);

    /// <summary>The input index on each row, or null for the row that stands for the inputs left out (as the text diagram does).</summary>
    private static List<int?> ShownRows(int count)
    {
        if (count <= NeuronDiagram.MaxShownInputs)
        {
            return Enumerable.Range(0, count).Select(i => (int?)i).ToList();
        }

        var rows = Enumerable.Range(0, 3).Select(i => (int?)i).ToList();
        rows.Add(null);
        rows.AddRange(Enumerable.Range(count - 3, 3).Select(i => (int?)i));
        return rows;
    }
}
