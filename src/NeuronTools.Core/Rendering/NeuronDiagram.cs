using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>What the boxes and wires of a neuron diagram are labelled with; the labels are already formatted.</summary>
internal sealed class NeuronDiagramLabels
{
    internal NeuronDiagramLabels(IReadOnlyList<string> input, IReadOnlyList<string> weight, string sum, string bias, string preActivation, string activation, string output)
    {
        if (input.Count != weight.Count || input.Count == 0)
        {
            throw new ArgumentException("A neuron diagram needs one weight label per input label, and at least one input.", nameof(weight));
        }

        Input = input;
        Weight = weight;
        Sum = sum;
        Bias = bias;
        PreActivation = preActivation;
        Activation = activation;
        Output = output;
    }

    internal IReadOnlyList<string> Input { get; }

    internal IReadOnlyList<string> Weight { get; }

    internal string Sum { get; }

    internal string Bias { get; }

    internal string PreActivation { get; }

    internal string Activation { get; }

    internal string Output { get; }
}

/// <summary>
/// Draws the article's figure of a neuron as text: inputs x_i enter through weights w_i, meet in the
/// box that sums them with the bias b, and the sum a passes through the activation to the output z.
/// <code>
///  x1 ──[w1 = 0.5]──┐
///                   │    ╭─────────╮     ╭──────╮
///  x2 ──[w2 = -1]───┼───▶│  Σ + b  │──a──▶│ relu │──▶ z
///                   │    │ b = 0.5 │     ╰──────╯
///  x3 ──[w3 = 2]────┘    ╰─────────╯
/// </code>
/// Inputs sit on every other row; more than <see cref="MaxShownInputs"/> are shown as the first and last
/// three with a row saying how many are left out. A network diagram can draw one of these per neuron.
/// </summary>
internal static class NeuronDiagram
{
    internal const int MaxShownInputs = 8;
    private const int ShownAtEachEnd = 3;

    internal static IReadOnlyList<string> Draw(NeuronDiagramLabels labels, bool unicode)
    {
        var glyph = DiagramGlyphs.For(unicode);
        var rows = ShownRows(labels, glyph);
        int inputRows = 2 * rows.Count - 1;
        int arrowRow = rows.Count - 1;
        int offset = Math.Max(0, 1 - arrowRow);
        int height = offset + Math.Max(inputRows, arrowRow + 3);

        int labelWidth = rows.Where(r => r.Weight is not null).Max(r => r.Label.Length);
        int pipeStart = 1 + labelWidth + 1;

        // Each pipe is "──[w1 = 0.5]"; the longest is followed by two more wire characters before the bus.
        int busColumn = pipeStart + rows.Where(r => r.Weight is not null).Max(r => r.Weight!.Length + 4) + 2;
        busColumn = Math.Max(busColumn, rows.Max(r => 1 + r.Label.Length + 2));
        string sumText = " " + labels.Sum + " ";
        string biasText = " " + labels.Bias + " ";
        int sumInner = Math.Max(sumText.Length, biasText.Length);
        int sumLeft = busColumn + 5;
        int sumRight = sumLeft + sumInner + 1;
        string wire = new string(glyph.Wire, 2) + labels.PreActivation + new string(glyph.Wire, 2) + glyph.Arrow;
        int activationLeft = sumRight + 1 + wire.Length;
        string activationText = " " + labels.Activation + " ";
        int activationRight = activationLeft + activationText.Length + 1;
        string outputText = new string(glyph.Wire, 2) + glyph.Arrow + " " + labels.Output;
        int width = activationRight + 1 + outputText.Length;

        var canvas = new TextCanvas(width, height);
        for (int i = 0; i < rows.Count; i++)
        {
            int row = offset + 2 * i;
            var shown = rows[i];
            if (shown.Weight is null)
            {
                canvas.Write(row, 1, shown.Label);
                continue;
            }

            canvas.Write(row, 1, shown.Label);
            string pipe = new string(glyph.Wire, 2) + "[" + shown.Weight + "]";
            canvas.Write(row, pipeStart, pipe);
            for (int column = pipeStart + pipe.Length; column < busColumn; column++)
            {
                canvas.Put(row, column, glyph.Wire);
            }
        }

        DrawBus(canvas, rows, offset, arrowRow + offset, busColumn, glyph);
        int arrow = offset + arrowRow;
        for (int column = busColumn + 1; column < sumLeft - 1; column++)
        {
            canvas.Put(arrow, column, glyph.Wire);
        }

        canvas.Put(arrow, sumLeft - 1, glyph.Arrow);
        DrawBox(canvas, arrow - 1, sumLeft, sumInner, new[] { Centre(sumText, sumInner), Centre(biasText, sumInner) }, glyph);
        canvas.Write(arrow, sumRight + 1, wire);
        DrawBox(canvas, arrow - 1, activationLeft, activationText.Length, new[] { activationText }, glyph);
        canvas.Write(arrow, activationRight + 1, outputText);
        return canvas.ToLines(colour: false);
    }

    private static void DrawBus(TextCanvas canvas, IReadOnlyList<ShownRow> rows, int offset, int arrow, int column, DiagramGlyphs glyph)
    {
        int first = offset;
        int last = offset + 2 * (rows.Count - 1);
        if (first == last)
        {
            canvas.Put(first, column, glyph.Wire);
            return;
        }

        for (int row = first; row <= last; row++)
        {
            bool isInput = (row - offset) % 2 == 0 && rows[(row - offset) / 2].Weight is not null;
            char c = row == first ? glyph.TopCorner
                : row == last ? glyph.BottomCorner
                : row == arrow ? (isInput ? glyph.Cross : glyph.TeeRight)
                : isInput ? glyph.TeeLeft
                : glyph.Vertical;
            canvas.Put(row, column, c);
        }
    }

    internal static void DrawBox(TextCanvas canvas, int top, int left, int inner, IReadOnlyList<string> content, DiagramGlyphs glyph)
    {
        int right = left + inner + 1;
        canvas.Put(top, left, glyph.BoxTopLeft);
        canvas.Put(top, right, glyph.BoxTopRight);
        int bottom = top + content.Count + 1;
        canvas.Put(bottom, left, glyph.BoxBottomLeft);
        canvas.Put(bottom, right, glyph.BoxBottomRight);
        for (int column = left + 1; column < right; column++)
        {
            canvas.Put(top, column, glyph.BoxHorizontal);
            canvas.Put(bottom, column, glyph.BoxHorizontal);
        }

        for (int i = 0; i < content.Count; i++)
        {
            canvas.Put(top + 1 + i, left, glyph.BoxVertical);
            canvas.Write(top + 1 + i, left + 1, content[i]);
            canvas.Put(top + 1 + i, right, glyph.BoxVertical);
        }
    }

    private static string Centre(string text, int width)
    {
        int left = (width - text.Length) / 2;
        return new string(' ', left) + text + new string(' ', width - text.Length - left);
    }

    private static List<ShownRow> ShownRows(NeuronDiagramLabels labels, DiagramGlyphs glyph)
    {
        int count = labels.Input.Count;
        var rows = new List<ShownRow>();
        if (count <= MaxShownInputs)
        {
            for (int i = 0; i < count; i++)
            {
                rows.Add(new ShownRow(labels.Input[i], labels.Weight[i]));
            }

            return rows;
        }

        for (int i = 0; i < ShownAtEachEnd; i++)
        {
            rows.Add(new ShownRow(labels.Input[i], labels.Weight[i]));
        }

        int hidden = count - 2 * ShownAtEachEnd;
        rows.Add(new ShownRow(glyph.Ellipsis + " " + hidden.ToString(System.Globalization.CultureInfo.InvariantCulture) + " more inputs", null));
        for (int i = count - ShownAtEachEnd; i < count; i++)
        {
            rows.Add(new ShownRow(labels.Input[i], labels.Weight[i]));
        }

        return rows;
    }

    private sealed class ShownRow
    {
        internal ShownRow(string label, string? weight)
        {
            Label = label;
            Weight = weight;
        }

        internal string Label { get; }

        /// <summary>The weight label, or null for the row that stands for the inputs left out.</summary>
        internal string? Weight { get; }
    }
}
