using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static NeuronTools.Rendering.ExplanationText;

namespace NeuronTools.Rendering;

/// <summary>
/// Explains a network layer by layer in the article's notation, generalised: z⁽⁰⁾ = x, then for layer ℓ
/// a⁽ℓ⁾ = W⁽ℓ⁾·z⁽ℓ−1⁾ + b⁽ℓ⁾ and z⁽ℓ⁾ = f(a⁽ℓ⁾). Each neuron j of a layer is the article's neuron on the
/// layer's input x = z⁽ℓ−1⁾: a_j = Σ_i x_i·w_ji + b_j. For small layers every neuron's sum is written out;
/// larger ones are shown as vectors. With an input, the numbers are the ones
/// <see cref="NeuronNetwork.Evaluate"/> returns, printed as the shortest text that reads back to the same
/// double; the explanation ends with the output vector and the predicted index.
/// </summary>
internal static class NetworkExplanation
{
    /// <summary>A layer of at most this many inputs and this many neurons has every neuron's sum written out.</summary>
    internal const int MaxSpelledOut = 4;

    /// <summary>Longer vectors show their first and last three values.</summary>
    internal const int MaxShownValues = 8;

    internal static IReadOnlyList<string> Explain(NeuronNetwork network, IReadOnlyList<double>? input, ExplanationFormat format, bool unicode, int width = DefaultWidth)
    {
        if (network is null)
        {
            throw new ArgumentNullException(nameof(network));
        }

        var output = input is null ? null : network.Evaluate(input);
        return format switch
        {
            ExplanationFormat.Text => Text(network, output, unicode, width),
            ExplanationFormat.Markdown => MarkdownDocument(
                Fold(Header(network, n => "`" + n + "`", unicode), unicode),
                NetworkDiagram.Draw(network, output, unicode, width),
                MathSteps(network, output),
                MarkdownWhere(network.Layers.Select(l => l.Activation), unicode)),
            ExplanationFormat.LaTeX => LaTeXDocument(Header(network, n => n, unicode: false), MathSteps(network, output)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown explanation format."),
        };
    }

    internal static bool IsSpelledOut(NeuronLayer layer) => layer.InputCount <= MaxSpelledOut && layer.NeuronCount <= MaxSpelledOut;

    private static string Header(NeuronNetwork network, Func<string, string> quoteName, bool unicode)
    {
        string arrow = " " + ExplanationSymbols.For(unicode).Arrow + " ";
        string name = network.Name is null ? string.Empty : " " + quoteName(network.Name);
        string shape = Count(network.InputCount, "input") + arrow
            + string.Join(arrow, network.Layers.Take(network.Layers.Count - 1).Select(l => l.NeuronCount.ToString(CultureInfo.InvariantCulture)))
            + (network.Layers.Count > 1 ? arrow : string.Empty) + Count(network.OutputCount, "output");
        return "Network" + name + ": " + shape + ", " + Count(network.Layers.Count, "layer") + ", " + Count(network.ParameterCount, "parameter");
    }

    private static List<string> Text(NeuronNetwork network, NetworkOutput? output, bool unicode, int width)
    {
        var s = ExplanationSymbols.For(unicode);
        var lines = new List<string>();
        lines.AddRange(LineWrapper.WrapWords(Fold(Header(network, n => "'" + n + "'", unicode), unicode), width, 2));
        lines.Add(string.Empty);
        lines.AddRange(NetworkDiagram.Draw(network, output, unicode, width));
        if (output is null)
        {
            lines.Add(string.Empty);
            string l = s.Layer;
            string rule = "z" + s.Superscript("0") + " = x; layer " + l + " computes a" + s.Superscript(l) + " = W" + s.Superscript(l) + s.Times.Trim() + "z" + s.Superscript(l + "-1")
                + " + b" + s.Superscript(l) + " and z" + s.Superscript(l) + " = f(a" + s.Superscript(l) + "): its neuron j is the article's neuron with the weights of row j of W"
                + s.Superscript(l) + ", the bias bj and the layer's input x = z" + s.Superscript(l + "-1") + ".";
            lines.AddRange(LineWrapper.WrapWords(Fold(rule, unicode), width, 0));
        }

        for (int k = 0; k < network.Layers.Count; k++)
        {
            lines.Add(string.Empty);
            lines.AddRange(LayerText(network.Layers[k], k, output?.Layer[k], s, unicode, width));
        }

        lines.Add(string.Empty);
        string last = "z" + s.Superscript(Index(network.Layers.Count - 1));
        if (output is null)
        {
            lines.Add("z = " + last);
        }
        else
        {
            lines.AddRange(LineWrapper.Wrap("z", new[] { (" = ", last) }.Concat(VectorPieces(" = ", Exact(output.Output, s))), width));
            lines.AddRange(LineWrapper.WrapWords(PredictedText(output), width, 2));
        }

        lines.Add(string.Empty);
        lines.AddRange(Definitions(network.Layers.Select(l => l.Activation), unicode, width));
        return lines;
    }

    private static IEnumerable<string> LayerText(NeuronLayer layer, int k, LayerOutput? values, ExplanationSymbols s, bool unicode, int width)
    {
        string f = FunctionSymbol(layer.Activation);
        string a = "a" + s.Superscript(Index(k));
        string z = "z" + s.Superscript(Index(k));
        string weights = "W" + s.Superscript(Index(k));
        string name = layer.Name is { Length: > 0 } text ? " '" + text + "'" : string.Empty;
        string title = "Layer " + Index(k) + name + " (Layers[" + k.ToString(CultureInfo.InvariantCulture) + "]): "
            + Count(layer.InputCount, "input") + " " + s.Arrow + " " + Count(layer.NeuronCount, "neuron") + ", " + layer.Activation.Specification;
        var lines = new List<string>(LineWrapper.WrapWords(Fold(title, unicode), width, 2));

        var inputPieces = new List<(string, string)> { (" = ", "z" + s.Superscript(k.ToString(CultureInfo.InvariantCulture))) };
        if (values is not null)
        {
            inputPieces.AddRange(VectorPieces(" = ", Exact(values.Input, s)));
        }

        lines.AddRange(LineWrapper.Wrap("x", inputPieces, width));
        string sum = a + " = " + weights + s.Times.Trim() + "x + b" + s.Superscript(Index(k));
        bool spelledOut = IsSpelledOut(layer);
        if (values is null)
        {
            if (spelledOut)
            {
                lines.Add(sum);
                for (int j = 0; j < layer.NeuronCount; j++)
                {
                    var terms = Enumerable.Range(0, layer.InputCount).Select(i => NumberText.Term(NumberText.Exact(layer.Weight[j][i])) + s.Times + "x" + Index(i)).ToList();
                    terms[0] = NumberText.Exact(layer.Weight[j][0]) + s.Times + "x1";
                    terms.Add(NumberText.Term(NumberText.Exact(layer.Bias[j])));
                    lines.AddRange(LineWrapper.Wrap("a" + Index(j), Pieces(" = ", terms), width));
                }
            }
            else
            {
                lines.AddRange(LineWrapper.WrapWords(sum + ", with " + weights + " of " + Count(layer.NeuronCount, "row") + " by " + Count(layer.InputCount, "column"), width, 2));
            }

            lines.Add(z + " = " + f + "(" + a + ")");
            return lines;
        }

        if (spelledOut)
        {
            lines.Add(sum);
            var symbolic = Enumerable.Range(0, layer.InputCount).Select(i => "x" + Index(i) + s.Times + "wj" + Index(i)).Append("bj").ToList();
            lines.AddRange(LineWrapper.Wrap("aj", Pieces(" = ", symbolic), width));
            for (int j = 0; j < layer.NeuronCount; j++)
            {
                var products = Enumerable.Range(0, layer.InputCount).Select(i => NumberText.Term(NumberText.Exact(values.Input[i])) + s.Times + NumberText.Term(NumberText.Exact(layer.Weight[j][i]))).ToList();
                products[0] = NumberText.Exact(values.Input[0]) + s.Times + NumberText.Term(NumberText.Exact(layer.Weight[j][0]));
                var weighted = Enumerable.Range(0, layer.InputCount).Select(i => NumberText.Term(NumberText.Exact(values.Input[i] * layer.Weight[j][i]))).ToList();
                weighted[0] = NumberText.Exact(values.Input[0] * layer.Weight[j][0]);
                string bias = NumberText.Term(NumberText.Exact(layer.Bias[j]));
                var pieces = Pieces(" = ", products.Append(bias).ToList())
                    .Concat(Pieces(" = ", weighted.Append(bias).ToList()))
                    .Append((" = ", NumberText.Exact(values.PreActivation[j])));
                lines.AddRange(LineWrapper.Wrap("a" + Index(j), pieces, width));
            }
        }
        else
        {
            lines.AddRange(LineWrapper.Wrap(a, new[] { (" = ", weights + s.Times.Trim() + "x + b" + s.Superscript(Index(k))) }.Concat(VectorPieces(" = ", Exact(values.PreActivation, s))), width));
        }

        var zPieces = new List<(string, string)> { (" = ", f + "(" + a + ")") };
        if (spelledOut && !layer.Activation.IsVector)
        {
            zPieces.AddRange(VectorPieces(" = ", values.PreActivation.Select(v => f + "(" + NumberText.Exact(v) + ")").ToList()));
        }

        zPieces.AddRange(VectorPieces(" = ", Exact(values.Output, s)));
        lines.AddRange(LineWrapper.Wrap(z, zPieces, width));
        if (values.Derivative is { } derivative)
        {
            string fPrime = f + s.Prime;
            var dPieces = new List<(string, string)>();
            if (spelledOut)
            {
                dPieces.AddRange(VectorPieces(" = ", values.PreActivation.Select(v => fPrime + "(" + NumberText.Exact(v) + ")").ToList()));
            }

            dPieces.AddRange(VectorPieces(" = ", Exact(derivative, s)));
            lines.AddRange(LineWrapper.Wrap(fPrime + "(" + a + ")", dPieces, width));
        }

        return lines;
    }

    private static string PredictedText(NetworkOutput output)
    {
        string index = output.PredictedIndex.ToString(CultureInfo.InvariantCulture);
        string label = output.PredictedLabel is null ? string.Empty : " (" + output.PredictedLabel + ")";
        if (output.Output.Count == 1)
        {
            string only = NumberText.Exact(output.Output[0]);
            return output.Probability is null
                ? "PredictedIndex = 0: z1 = " + only + " is the only output"
                : "PredictedIndex = " + index + label + ": z1 = " + only + (output.PredictedIndex == 1 ? " is at least 0.5" : " is below 0.5");
        }

        string value = NumberText.Exact(output.Output[output.PredictedIndex]);
        return "PredictedIndex = " + index + label + ": z" + Index(output.PredictedIndex) + " = " + value + " is the largest output";
    }

    /// <summary>The steps as the rows of an aligned environment, with layers as superscripts: a^{(1)}_j.</summary>
    private static List<string> MathSteps(NeuronNetwork network, NetworkOutput? output)
    {
        string Sup(int layer) => "^{(" + layer.ToString(CultureInfo.InvariantCulture) + ")}";
        string Number(double value) => NumberText.LaTeX(NumberText.Exact(value));
        string Term(double value) => NumberText.Term(Number(value));
        string Vec(IReadOnlyList<double> values) => "(" + string.Join(", ", VectorTerms(values, Number, MaxShownValues, @"\dots")) + ")";

        var rows = new List<string> { "z" + Sup(0) + " &= x" + (output is null ? string.Empty : " = " + Vec(output.Input)) };
        for (int k = 0; k < network.Layers.Count; k++)
        {
            var layer = network.Layers[k];
            var values = output?.Layer[k];
            int l = k + 1;
            string f = @"\operatorname{" + FunctionSymbol(layer.Activation) + "}";
            string a = "a" + Sup(l);
            string general = a + " &= W" + Sup(l) + " z" + Sup(k) + " + b" + Sup(l);
            if (values is null)
            {
                rows.Add(general + @", \quad W" + Sup(l) + @" \in \mathbb{R}^{" + layer.NeuronCount.ToString(CultureInfo.InvariantCulture) + @" \times " + layer.InputCount.ToString(CultureInfo.InvariantCulture) + "}");
                if (IsSpelledOut(layer))
                {
                    for (int j = 0; j < layer.NeuronCount; j++)
                    {
                        var terms = Enumerable.Range(0, layer.InputCount).Select(i => Term(layer.Weight[j][i]) + @"\," + "z" + Sup(k) + "_" + Index(i)).ToList();
                        terms[0] = Number(layer.Weight[j][0]) + @"\," + "z" + Sup(k) + "_1";
                        rows.Add(a + "_" + Index(j) + " &= " + string.Join(" + ", terms) + " + " + Term(layer.Bias[j]));
                    }
                }

                rows.Add("z" + Sup(l) + " &= " + f + "(" + a + ")");
                continue;
            }

            if (IsSpelledOut(layer))
            {
                rows.Add(general);
                for (int j = 0; j < layer.NeuronCount; j++)
                {
                    var products = Enumerable.Range(0, layer.InputCount).Select(i => Term(values.Input[i]) + @" \cdot " + Term(layer.Weight[j][i])).ToList();
                    products[0] = Number(values.Input[0]) + @" \cdot " + Term(layer.Weight[j][0]);
                    rows.Add(a + "_" + Index(j) + " &= " + string.Join(" + ", products) + " + " + Term(layer.Bias[j]) + " = " + Number(values.PreActivation[j]));
                }
            }
            else
            {
                rows.Add(general + " = " + Vec(values.PreActivation));
            }

            rows.Add("z" + Sup(l) + " &= " + f + "(" + a + ") = " + Vec(values.Output));
            if (values.Derivative is { } derivative)
            {
                rows.Add(f + "'(" + a + ") &= " + Vec(derivative));
            }
        }

        string last = "z" + Sup(network.Layers.Count);
        if (output is null)
        {
            rows.Add("z &= " + last);
        }
        else
        {
            rows.Add("z &= " + last + " = " + Vec(output.Output));
            rows.Add(@"\text{PredictedIndex} &= " + output.PredictedIndex.ToString(CultureInfo.InvariantCulture));
        }

        return rows;
    }

    private static List<string> Exact(IReadOnlyList<double> values, ExplanationSymbols s) =>
        VectorTerms(values, NumberText.Exact, MaxShownValues, s.Ellipsis);

    /// <summary>A vector as pieces a line can break between: "(1,", "2,", "3)".</summary>
    private static IEnumerable<(string Separator, string Text)> VectorPieces(string first, IReadOnlyList<string> terms)
    {
        for (int i = 0; i < terms.Count; i++)
        {
            string text = (i == 0 ? "(" : string.Empty) + terms[i] + (i == terms.Count - 1 ? ")" : ",");
            yield return (i == 0 ? first : " ", text);
        }
    }
}
