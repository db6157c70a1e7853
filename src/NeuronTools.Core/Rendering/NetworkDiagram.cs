using System;
using System.Collections.Generic;
using System.Linq;
using static NeuronTools.Rendering.ExplanationText;

namespace NeuronTools.Rendering;

/// <summary>
/// Draws a network from top to bottom: the inputs, a box per layer with its neurons and activation, and
/// the outputs, each layer's outputs flowing down into the next; beside each box, its neuron and
/// parameter counts. With a forward pass, the vectors between the layers are written on the wires.
/// <code>
///  x ○ ○ ○                   3 inputs = (5, 3, 1)
///    │
///    ▼
///  ╭─ Layer 1 'hidden' ─────╮
///  │ ● ●               relu │   2 neurons, 8 parameters
///  ╰────────────────────────╯
///    │ z⁽¹⁾ = (2, 4)
///    ▼
///  ╭─ Layer 2 'output' ─────╮
///  │ ● ●            sigmoid │   2 neurons, 6 parameters
///  ╰────────────────────────╯
///    │
///    ▼
///  z ○ ○                     2 outputs = (0.00317268, 0.880797)
/// </code>
/// A layer of more than <see cref="MaxShownNodes"/> neurons shows its first and last three. Vectors are
/// rounded, then shortened, then left out, as it takes to fit the width; the steps give them in full.
/// </summary>
internal static class NetworkDiagram
{
    internal const int MaxShownNodes = 8;
    private const int Left = 1;
    private const int NodeColumn = Left + 2;
    private static readonly int[] s_digits = { 6, 4, 3, 2 };

    internal static IReadOnlyList<string> Draw(NeuronNetwork network, NetworkOutput? output, bool unicode, int width)
    {
        var glyph = DiagramGlyphs.For(unicode);
        var symbols = ExplanationSymbols.For(unicode);
        var layers = network.Layers;
        var titles = layers.Select((layer, k) => "Layer " + Index(k) + (layer.Name is { Length: > 0 } name ? " '" + Shorten(name, unicode) + "'" : string.Empty)).ToList();
        var nodes = layers.Select(layer => Nodes(layer.NeuronCount, glyph.Neuron, glyph)).ToList();
        var functions = layers.Select(layer => FunctionSymbol(layer.Activation)).ToList();

        int inner = 0;
        for (int k = 0; k < layers.Count; k++)
        {
            inner = Math.Max(inner, Math.Max(titles[k].Length + 4, 1 + nodes[k].Length + 2 + functions[k].Length + 1));
        }

        int right = Left + inner + 1;
        int annotationColumn = right + 4;
        var lines = new List<string>();
        lines.Add(Annotated(" x " + Nodes(network.InputCount, glyph.Value, glyph), annotationColumn, Count(network.InputCount, "input"), output?.Input, width, symbols.Ellipsis));
        lines.Add(Wire(glyph, null, null, width, symbols.Ellipsis));
        lines.Add(Arrow(glyph));
        for (int k = 0; k < layers.Count; k++)
        {
            var canvas = new TextCanvas(right + 1, 3);
            string content = " " + nodes[k];
            content += new string(' ', inner - content.Length - functions[k].Length - 1) + functions[k] + " ";
            NeuronDiagram.DrawBox(canvas, 0, Left, inner, new[] { content }, glyph);
            canvas.Write(0, Left + 1, glyph.BoxHorizontal + " " + titles[k] + " ");
            var box = canvas.ToLines(colour: false);
            lines.Add(box[0]);
            lines.Add(Annotated(box[1], annotationColumn, Count(layers[k].NeuronCount, "neuron") + ", " + Count(layers[k].ParameterCount, "parameter"), null, width, symbols.Ellipsis));
            lines.Add(box[2]);
            bool last = k == layers.Count - 1;
            lines.Add(Wire(glyph, last ? null : "z" + symbols.Superscript(Index(k)), last ? null : output?.Layer[k].Output, width, symbols.Ellipsis));
            lines.Add(Arrow(glyph));
        }

        lines.Add(Annotated(" z " + Nodes(network.OutputCount, glyph.Value, glyph), annotationColumn, Count(network.OutputCount, "output"), output?.Output, width, symbols.Ellipsis));
        return lines;
    }

    /// <summary>● ● ●, or the first and last three with ⋯ between when there are more than <see cref="MaxShownNodes"/>.</summary>
    private static string Nodes(int count, char node, DiagramGlyphs glyph)
    {
        string Run(int n) => string.Join(" ", Enumerable.Repeat(node.ToString(), n));
        return count <= MaxShownNodes ? Run(count) : Run(3) + " " + glyph.RowEllipsis + " " + Run(3);
    }

    private static string Arrow(DiagramGlyphs glyph) => new string(' ', NodeColumn) + glyph.Down;

    private static string Wire(DiagramGlyphs glyph, string? label, IReadOnlyList<double>? values, int width, string ellipsis)
    {
        string wire = new string(' ', NodeColumn) + glyph.Vertical;
        return label is null ? wire : wire + " " + WithValues(label, values, width - wire.Length - 1, ellipsis);
    }

    /// <summary>A row with its note at <paramref name="column"/>: "3 inputs", and with values "3 inputs = (5, 3, 1)"; the note is left out when it cannot fit.</summary>
    private static string Annotated(string row, int column, string note, IReadOnlyList<double>? values, int width, string ellipsis)
    {
        string padded = row.PadRight(column);
        int room = width - padded.Length;
        if (room < note.Length)
        {
            return row;
        }

        return padded + WithValues(note, values, room, ellipsis);
    }

    /// <summary>"label = (v1, v2, …)" with as many digits and values as fit in <paramref name="room"/>, or the label alone.</summary>
    private static string WithValues(string label, IReadOnlyList<double>? values, int room, string ellipsis)
    {
        if (values is null)
        {
            return label;
        }

        foreach (int shown in new[] { MaxShownNodes, 4 })
        {
            foreach (int digits in s_digits)
            {
                string text = label + " = " + Vector(values, v => NumberText.Rounded(v, digits), shown, ellipsis);
                if (text.Length <= room)
                {
                    return text;
                }
            }
        }

        return label;
    }
}
