using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

using static NeuronTools.Rendering.ExplanationText;

namespace NeuronTools.Rendering;

/// <summary>
/// Explains a neuron in the article's notation: without an input, its diagram and the formulas it
/// computes; with an input, every step with the real numbers — w_out_i = x_i·w_i, a = Σ w_out_i + b,
/// z = f(a) and f′(a). The numbers of the steps are the ones <see cref="Neuron.Evaluate"/> returns,
/// printed as the shortest text that reads back to the same double; the diagram rounds to fit.
/// </summary>
internal static class NeuronExplanation
{
    internal const int DefaultWidth = ExplanationText.DefaultWidth;
    private static readonly int[] s_diagramDigits = { 6, 4, 3, 2 };

    internal static IReadOnlyList<string> Explain(Neuron neuron, IReadOnlyList<double>? input, ExplanationFormat format, bool unicode, int width = DefaultWidth)
    {
        if (neuron is null)
        {
            throw new ArgumentNullException(nameof(neuron));
        }

        var output = input is null ? null : neuron.Evaluate(input);
        return format switch
        {
            ExplanationFormat.Text => Text(neuron, output, unicode, width),
            ExplanationFormat.Markdown => Markdown(neuron, output, unicode, width),
            ExplanationFormat.LaTeX => LaTeX(neuron, output),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown explanation format."),
        };
    }

    /// <summary>
    /// The diagram, as detailed as fits the width: numbers rounded to 6, 4, 3 or 2 significant digits;
    /// then without the input names; then without the input's values (a and z too), keeping the weights
    /// and bias; then with symbols only. The steps below the diagram give every number in full.
    /// </summary>
    internal static IReadOnlyList<string> Diagram(Neuron neuron, NeuronOutput? output, bool unicode, int width)
    {
        var levels = new[] { (Names: true, Input: true), (Names: false, Input: true), (Names: false, Input: false) };
        foreach (var (names, input) in levels)
        {
            foreach (int digits in s_diagramDigits)
            {
                var lines = NeuronDiagram.Draw(Labels(neuron, input ? output : null, unicode, digits, names, weights: true), unicode);
                if (lines.Max(l => l.Length) <= width)
                {
                    return lines;
                }
            }
        }

        return NeuronDiagram.Draw(Labels(neuron, null, unicode, 2, names: false, weights: false), unicode);
    }

    private static NeuronDiagramLabels Labels(Neuron neuron, NeuronOutput? output, bool unicode, int digits, bool names, bool weights)
    {
        string Number(double value) => NumberText.Rounded(value, digits);
        var inputs = new string[neuron.InputCount];
        var weightLabels = new string[neuron.InputCount];
        for (int i = 0; i < inputs.Length; i++)
        {
            string index = (i + 1).ToString(CultureInfo.InvariantCulture);
            string name = neuron.InputName is null || !names ? "x" + index : Shorten(neuron.InputName[i], unicode) + " (x" + index + ")";
            inputs[i] = output is null ? name : name + " = " + Number(output.Input[i]);
            weightLabels[i] = weights ? "w" + index + " = " + Number(neuron.Weight[i]) : "w" + index;
        }

        return new NeuronDiagramLabels(
            inputs,
            weightLabels,
            (unicode ? "Σ" : "sum") + " + b",
            weights ? "b = " + Number(neuron.Bias) : "b",
            output is null ? "a" : "a = " + Number(output.PreActivation),
            FunctionSymbol(neuron.Activation),
            output is null ? "z" : "z = " + Number(output.Output));
    }

    internal static string Header(Neuron neuron, Func<string, string> quoteName, Func<string, string> quoteActivation)
    {
        string count = neuron.InputCount == 1 ? "1 input" : neuron.InputCount.ToString(CultureInfo.InvariantCulture) + " inputs";
        string name = neuron.Name is null ? string.Empty : " " + quoteName(neuron.Name);
        return "Neuron" + name + ": " + count + ", activation " + quoteActivation(neuron.Activation.Specification);
    }

    private static List<string> Text(Neuron neuron, NeuronOutput? output, bool unicode, int width)
    {
        var s = ExplanationSymbols.For(unicode);
        string f = FunctionSymbol(neuron.Activation);
        var lines = new List<string>();
        lines.AddRange(LineWrapper.WrapWords(Fold(Header(neuron, n => "'" + n + "'", n => n), unicode), width, 2));
        lines.Add(string.Empty);
        lines.AddRange(Diagram(neuron, output, unicode, width));
        lines.Add(string.Empty);
        if (neuron.InputName is { } inputNames)
        {
            var named = SymbolicSum(inputNames.Count, i => "x" + Index(i) + ": " + inputNames[i], s.Ellipsis);
            named.RemoveAt(named.Count - 1);
            lines.AddRange(LineWrapper.WrapWords(Fold("inputs " + string.Join(", ", named), unicode), width, 7));
        }

        int n = neuron.InputCount;
        var symbolicSum = SymbolicSum(n, i => "w_out" + Index(i), s.Ellipsis);
        if (output is null)
        {
            string range = n == 1 ? "i = 1" : "i = 1.." + n.ToString(CultureInfo.InvariantCulture);
            lines.Add("w_outi = xi" + s.Times + "wi for " + range);
            lines.AddRange(LineWrapper.Wrap("a", Pieces(" = ", symbolicSum), width));
            lines.Add("z = " + f + "(a)");
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                string k = Index(i);
                lines.AddRange(LineWrapper.Wrap("w_out" + k, new[]
                {
                    (" = ", "x" + k + s.Times + "w" + k),
                    (" = ", NumberText.Term(NumberText.Exact(output.Input[i])) + s.Times + NumberText.Term(NumberText.Exact(neuron.Weight[i]))),
                    (" = ", NumberText.Exact(output.WeightedInput[i])),
                }, width));
            }

            var numericSum = output.WeightedInput.Select(v => NumberText.Term(NumberText.Exact(v))).Append(NumberText.Term(NumberText.Exact(neuron.Bias))).ToList();
            numericSum[0] = NumberText.Exact(output.WeightedInput[0]);
            var pieces = Pieces(" = ", symbolicSum).Concat(Pieces(" = ", numericSum)).Append((" = ", NumberText.Exact(output.PreActivation)));
            lines.AddRange(LineWrapper.Wrap("a", pieces, width));
            string a = NumberText.Exact(output.PreActivation);
            lines.AddRange(LineWrapper.Wrap("z", new[] { (" = ", f + "(a)"), (" = ", f + "(" + a + ")"), (" = ", NumberText.Exact(output.Output)) }, width));
            lines.AddRange(LineWrapper.Wrap(f + s.Prime + "(a)", new[] { (" = ", f + s.Prime + "(" + a + ")"), (" = ", NumberText.Exact(output.Derivative)) }, width));
        }

        lines.Add(string.Empty);
        lines.AddRange(Definitions(new[] { neuron.Activation }, unicode, width));

        return lines;
    }

    private static List<string> Markdown(Neuron neuron, NeuronOutput? output, bool unicode, int width) =>
        MarkdownDocument(
            Fold(Header(neuron, n => "`" + n + "`", n => "`" + n + "`"), unicode),
            Diagram(neuron, output, unicode, width),
            MathSteps(neuron, output),
            MarkdownWhere(new[] { neuron.Activation }, unicode));

    private static List<string> LaTeX(Neuron neuron, NeuronOutput? output) =>
        LaTeXDocument(Header(neuron, n => n, n => n), MathSteps(neuron, output));

    /// <summary>The steps as the rows of an aligned environment, in the article's notation w^i_{out}.</summary>
    private static List<string> MathSteps(Neuron neuron, NeuronOutput? output)
    {
        string f = @"\operatorname{" + FunctionSymbol(neuron.Activation) + "}";
        int n = neuron.InputCount;
        string Out(int i) => "w^" + Brace(Index(i)) + "_{out}";
        string Sub(string letter, int i) => letter + "_" + Brace(Index(i));
        string Number(double value) => NumberText.LaTeX(NumberText.Exact(value));
        string Term(double value) => NumberText.Term(Number(value));
        string symbolicSum = string.Join(" + ", SymbolicSum(n, Out, @"\dots"));
        var rows = new List<string>();
        if (output is null)
        {
            rows.Add(@"w^i_{out} &= x_i \cdot w_i, \quad i = 1, \dots, " + n.ToString(CultureInfo.InvariantCulture));
            var weighted = Enumerable.Range(0, n).Select(i => Term(neuron.Weight[i]) + @"\," + Sub("x", i)).ToList();
            weighted[0] = Number(neuron.Weight[0]) + @"\," + Sub("x", 0);
            rows.Add("a &= " + symbolicSum + " = " + string.Join(" + ", weighted) + " + " + Term(neuron.Bias));
            rows.Add("z &= " + f + "(a)");
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                rows.Add(Out(i) + " &= " + Sub("x", i) + @" \cdot " + Sub("w", i) + " = " + Term(output.Input[i]) + @" \cdot " + Term(neuron.Weight[i]) + " = " + Number(output.WeightedInput[i]));
            }

            var terms = output.WeightedInput.Select(Term).Append(Term(neuron.Bias)).ToList();
            terms[0] = Number(output.WeightedInput[0]);
            string a = Number(output.PreActivation);
            rows.Add("a &= " + symbolicSum + " = " + string.Join(" + ", terms) + " = " + a);
            rows.Add("z &= " + f + "(a) = " + f + "(" + a + ") = " + Number(output.Output));
            rows.Add(f + "'(a) &= " + f + "'(" + a + ") = " + Number(output.Derivative));
        }

        return rows;
    }

    /// <summary>w_out1 + w_out2 + … + w_outn + b, the middle left out beyond the diagram's limit as the diagram leaves it out.</summary>
    private static List<string> SymbolicSum(int count, Func<int, string> term, string ellipsis)
    {
        var terms = new List<string>();
        for (int i = 0; i < count; i++)
        {
            if (count > NeuronDiagram.MaxShownInputs && i == 3)
            {
                terms.Add(ellipsis);
                i = count - 4;
                continue;
            }

            terms.Add(term(i));
        }

        terms.Add("b");
        return terms;
    }
}
