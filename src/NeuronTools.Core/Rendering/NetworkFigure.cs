using System;
using System.Collections.Generic;
using System.Linq;

using static NeuronTools.Rendering.SvgDocument;

namespace NeuronTools.Rendering;

/// <summary>
/// A network as an SVG picture: a column of nodes for the inputs and one per layer, a node per neuron,
/// and an edge per weight coloured by its sign and as wide as its size (<see cref="WeightStyle"/>, as
/// TensorFlow Playground draws them). The small square at a neuron is its bias, coloured the same way.
/// With an input, each node shows its value. Hovering an edge or a node shows its exact numbers.
/// Elements carry classes and data attributes (edge: data-layer, data-neuron, data-input, data-weight;
/// node: data-layer, data-index) for the tests and for anyone who styles the file.
/// </summary>
internal static class NetworkFigure
{
    private const double ColumnSpacing = 200;
    private const double RowSpacing = 54;
    private const double Left = 120;
    private const double Top = 84;
    private const double NodeRadius = 18;

    internal static string Render(NeuronNetwork network, NetworkOutput? output, Func<double, string> number)
    {
        if (network is null)
        {
            throw new ArgumentNullException(nameof(network));
        }

        var counts = new List<int> { network.InputCount };
        counts.AddRange(network.Layers.Select(l => l.NeuronCount));
        double tallest = counts.Max() * RowSpacing;
        double width = Left + ((counts.Count - 1) * ColumnSpacing) + 150;
        double height = Top + tallest + 56;
        double X(int column) => Left + (column * ColumnSpacing);
        double Y(int column, int row) => Top + ((tallest - (counts[column] * RowSpacing)) / 2) + (RowSpacing / 2) + (row * RowSpacing);
        var style = new WeightStyle(network.Layers.SelectMany(l => l.Weight.SelectMany(w => w)).Concat(network.Layers.SelectMany(l => l.Bias)));
        string title = "Network" + (network.Name is null ? string.Empty : " '" + network.Name + "'") + ": " + string.Join("-", counts.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            + ", " + ExplanationText.Count(network.Layers.Count, "layer") + ", " + ExplanationText.Count(network.ParameterCount, "parameter");

        using var svg = new SvgDocument(width, height, title);
        svg.Text(title, 16, 28, "start", ("font-size", "16"), ("class", "title"));
        svg.Text("Input", X(0), Top - 36, "middle", ("class", "column-label"), ("font-weight", "bold"));
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            string name = layer.Name is null ? "Layer " + ExplanationText.Index(l) : layer.Name;
            svg.Text(name, X(l + 1), Top - 36, "middle", ("class", "column-label"), ("font-weight", "bold"));
            svg.Text(ExplanationText.FunctionSymbol(layer.Activation), X(l + 1), Top - 20, "middle", ("class", "activation-label"), ("fill", "#666666"));
        }

        svg.Start("g", ("class", "edges"), ("stroke-linecap", "round"));
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            for (int j = 0; j < layer.NeuronCount; j++)
            {
                for (int i = 0; i < layer.InputCount; i++)
                {
                    double w = layer.Weight[j][i];
                    string from = l == 0 ? InputLabel(network, i) : "neuron " + ExplanationText.Index(i) + " of " + LayerLabel(network, l - 1);
                    string hover = LayerLabel(network, l) + ", neuron " + ExplanationText.Index(j) + " ← " + from + ": w = " + NumberText.Exact(w);
                    if (output is not null)
                    {
                        double x = output.Layer[l].Input[i];
                        hover += "\ninput " + NumberText.Exact(x) + ", w·input = " + NumberText.Exact(w * x);
                    }

                    svg.ElementWithTitle(
                        "line",
                        hover,
                        ("class", "edge"),
                        ("data-layer", ExplanationText.Index(l)),
                        ("data-neuron", ExplanationText.Index(j)),
                        ("data-input", ExplanationText.Index(i)),
                        ("data-weight", NumberText.Exact(w)),
                        ("x1", N(X(l) + NodeRadius)),
                        ("y1", N(Y(l, i))),
                        ("x2", N(X(l + 1) - NodeRadius)),
                        ("y2", N(Y(l + 1, j))),
                        ("stroke", WeightStyle.Colour(w)),
                        ("stroke-width", N(style.Width(w))),
                        ("stroke-opacity", "0.85"));
                }
            }
        }

        svg.End();

        svg.Start("g", ("class", "nodes"));
        for (int i = 0; i < network.InputCount; i++)
        {
            double? value = output?.Input[i];
            svg.Start("g", ("class", "node input"), ("data-layer", "0"), ("data-index", ExplanationText.Index(i)));
            svg.Title(InputLabel(network, i) + (value is double v ? " = " + NumberText.Exact(v) : string.Empty));
            Node(svg, X(0), Y(0, i), "#f5f5f5", value);
            string label = network.InputName is { } names ? ExplanationText.Shorten(names[i], unicode: true) + " (x" + ExplanationText.Index(i) + ")" : "x" + ExplanationText.Index(i);
            svg.Text(value is double shown ? label + " = " + number(shown) : label, X(0) - NodeRadius - 8, Y(0, i) + 4, "end", ("class", "input-label"));
            svg.End();
        }

        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            bool isOutput = l == network.Layers.Count - 1;
            for (int j = 0; j < layer.NeuronCount; j++)
            {
                double b = layer.Bias[j];
                double? z = output?.Layer[l].Output[j];
                string hover = LayerLabel(network, l) + ", neuron " + ExplanationText.Index(j) + ": b = " + NumberText.Exact(b) + ", " + layer.Activation.Specification;
                if (output is not null)
                {
                    hover += "\na = " + NumberText.Exact(output.Layer[l].PreActivation[j]) + ", z = " + NumberText.Exact(output.Layer[l].Output[j]);
                }

                svg.Start("g", ("class", isOutput ? "node neuron output" : "node neuron"), ("data-layer", ExplanationText.Index(l)), ("data-index", ExplanationText.Index(j)), ("data-bias", NumberText.Exact(b)));
                svg.Title(hover);
                Node(svg, X(l + 1), Y(l + 1, j), isOutput ? "#e8f5e9" : "#fff8e1", z);
                svg.Element("rect", ("class", "bias"), ("x", N(X(l + 1) - NodeRadius - 3)), ("y", N(Y(l + 1, j) + NodeRadius - 7)), ("width", "8"), ("height", "8"), ("fill", WeightStyle.Colour(b)), ("stroke", "#333333"), ("stroke-width", "0.5"));
                if (isOutput)
                {
                    string label = "z" + ExplanationText.Index(j);
                    svg.Text(z is double v ? label + " = " + number(v) : label, X(l + 1) + NodeRadius + 8, Y(l + 1, j) + 4, "start", ("class", "output-label"));
                }

                svg.End();
            }
        }

        svg.End();
        svg.Text("edges and bias squares: blue > 0, orange < 0; width grows with |w|. Hover for the exact values.", 16, height - 16, "start", ("class", "legend"), ("fill", "#666666"), ("font-size", "11"));
        return svg.Finish();
    }

    /// <summary>A node's circle; with a value, the value inside it in three significant digits (the hover and the labels have more).</summary>
    private static void Node(SvgDocument svg, double x, double y, string fill, double? value)
    {
        svg.Element("circle", ("cx", N(x)), ("cy", N(y)), ("r", N(NodeRadius)), ("fill", fill), ("stroke", "#333333"), ("stroke-width", "1.5"));
        if (value is double v)
        {
            string text = NumberText.Rounded(v, 3);
            double fontSize = Math.Min(10, 2 * NodeRadius * 0.9 / (0.6 * text.Length));
            svg.Text(text, x, y + (fontSize * 0.35), "middle", ("class", "node-value"), ("font-size", N(fontSize)));
        }
    }

    private static string LayerLabel(NeuronNetwork network, int layer) =>
        "layer " + ExplanationText.Index(layer) + (network.Layers[layer].Name is { } name ? " ('" + name + "')" : string.Empty);

    private static string InputLabel(NeuronNetwork network, int input) =>
        "x" + ExplanationText.Index(input) + (network.InputName is { } names ? " (" + names[input] + ")" : string.Empty);
}
