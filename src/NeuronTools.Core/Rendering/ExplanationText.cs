using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NeuronTools.Rendering;

/// <summary>
/// The pieces the neuron and network explanations share: function symbols, the activation's formulas
/// and parameters, index and number text, and the symbols that differ between Unicode and ASCII.
/// </summary>
internal static class ExplanationText
{
    internal const int DefaultWidth = 80;

    /// <summary>The activation as a function symbol in the article's style: ReLU becomes relu.</summary>
    internal static string FunctionSymbol(ActivationFunction activation)
    {
        var symbol = new StringBuilder();
        foreach (char c in activation.Name)
        {
            if (char.IsLetterOrDigit(c))
            {
                symbol.Append(char.ToLowerInvariant(c));
            }
        }

        return symbol.ToString();
    }

    /// <summary>
    /// f(x) and f′(x) for a scalar activation; for a vector one such as Softmax only f(x)_i, since what
    /// the explanations show of it is its value, not its Jacobian.
    /// </summary>
    internal static IEnumerable<string> Formulas(ActivationFunction activation, string f, string prime)
    {
        if (activation.IsVector)
        {
            yield return Define(f + "(x)_i", activation.Definition.Formula);
            yield break;
        }

        yield return Define(f + "(x)", activation.Definition.Formula);
        yield return Define(f + prime + "(x)", activation.Definition.DerivativeFormula);
    }

    /// <summary>Every parameter with its value, defaults included, since the formulas name them.</summary>
    internal static IEnumerable<string> Parameters(ActivationFunction activation)
    {
        var parameters = activation.Definition.Parameters;
        for (int i = 0; i < parameters.Count; i++)
        {
            object value = activation.Arguments.Values[i];
            string text = value is double number ? NumberText.Exact(number) : value.ToString() ?? string.Empty;
            yield return parameters[i].Name + " = " + text;
        }
    }

    /// <summary>
    /// The formulas of the distinct activations, each followed by its parameters, as wrapped text lines:
    /// the closing lines of a Text explanation.
    /// </summary>
    internal static IEnumerable<string> Definitions(IEnumerable<ActivationFunction> activations, bool unicode, int width)
    {
        var symbols = ExplanationSymbols.For(unicode);
        foreach (var activation in Distinct(activations))
        {
            string f = FunctionSymbol(activation);
            foreach (string definition in Formulas(activation, f, symbols.Prime).Concat(Parameters(activation).Select(p => "with " + p)))
            {
                foreach (string line in LineWrapper.WrapWords(Fold(definition, unicode), width, 4))
                {
                    yield return line;
                }
            }
        }
    }

    /// <summary>The closing sentence of a Markdown explanation: where `relu(x) = …` and …, with ….</summary>
    internal static string MarkdownWhere(IEnumerable<ActivationFunction> activations, bool unicode)
    {
        var parts = new List<string>();
        foreach (var activation in Distinct(activations))
        {
            string f = FunctionSymbol(activation);
            var formulas = Formulas(activation, f, unicode ? "′" : "'").Select(d => "`" + d + "`");
            var parameters = Parameters(activation).Select(p => "`" + p + "`").ToList();
            string with = parameters.Count == 0 ? string.Empty : ", with " + string.Join(", ", parameters);
            parts.Add(string.Join(" and ", formulas) + with);
        }

        return Fold("where " + string.Join("; ", parts) + ".", unicode);
    }

    /// <summary>
    /// A Markdown explanation: the header, the diagram in a text block, the math rows in $$ aligned $$
    /// display math (MathJax, Jupyter), and the sentence that defines the functions.
    /// </summary>
    internal static List<string> MarkdownDocument(string header, IEnumerable<string> diagram, IReadOnlyList<string> mathRows, string where)
    {
        var lines = new List<string> { header, string.Empty, "```text" };
        lines.AddRange(diagram);
        lines.Add("```");
        lines.Add(string.Empty);
        lines.Add("$$");
        lines.Add(@"\begin{aligned}");
        lines.AddRange(EndRows(mathRows));
        lines.Add(@"\end{aligned}");
        lines.Add("$$");
        lines.Add(string.Empty);
        lines.Add(where);
        return lines;
    }

    /// <summary>A LaTeX explanation in ASCII: the header as a comment, then an align* environment of the math rows.</summary>
    internal static List<string> LaTeXDocument(string header, IReadOnlyList<string> mathRows)
    {
        var lines = new List<string> { "% " + AsciiText.Fold(header), @"\begin{align*}" };
        lines.AddRange(EndRows(mathRows));
        lines.Add(@"\end{align*}");
        return lines;
    }

    /// <summary>A vector as (v1, v2, …): all of it up to <paramref name="maxShown"/> values, else its first and last three.</summary>
    internal static string Vector(IReadOnlyList<double> values, Func<double, string> number, int maxShown, string ellipsis) =>
        "(" + string.Join(", ", VectorTerms(values, number, maxShown, ellipsis)) + ")";

    /// <summary>The terms of <see cref="Vector"/>, for callers that wrap or typeset them.</summary>
    internal static List<string> VectorTerms(IReadOnlyList<double> values, Func<double, string> number, int maxShown, string ellipsis)
    {
        var terms = new List<string>();
        int shownAtEachEnd = Math.Min(3, Math.Max(1, (maxShown - 1) / 2));
        for (int i = 0; i < values.Count; i++)
        {
            if (values.Count > maxShown && i == shownAtEachEnd)
            {
                terms.Add(ellipsis);
                i = values.Count - shownAtEachEnd - 1;
                continue;
            }

            terms.Add(number(values[i]));
        }

        return terms;
    }

    internal static IEnumerable<(string Separator, string Text)> Pieces(string first, IReadOnlyList<string> terms) =>
        terms.Select((t, i) => (i == 0 ? first : " + ", t));

    internal static string Shorten(string name, bool unicode)
    {
        const int longest = 12;
        string text = unicode ? name : AsciiText.Fold(name);
        return text.Length <= longest ? text : text.Substring(0, longest - 1) + (unicode ? "…" : "~");
    }

    internal static string Count(int count, string singular) =>
        count.ToString(CultureInfo.InvariantCulture) + " " + (count == 1 ? singular : singular + "s");

    internal static string Index(int i) => (i + 1).ToString(CultureInfo.InvariantCulture);

    internal static string Brace(string index) => index.Length == 1 ? index : "{" + index + "}";

    internal static string Fold(string text, bool unicode) => unicode ? text : AsciiText.Fold(text);

    /// <summary>The rows of an aligned environment: every row but the last ends with \\.</summary>
    private static IEnumerable<string> EndRows(IReadOnlyList<string> rows) =>
        rows.Select((row, i) => i < rows.Count - 1 ? row + @" \\" : row);

    // Some formulas already name the function ("tanh(x) = …"); they are not prefixed twice.
    private static string Define(string left, string formula) =>
        formula.StartsWith(left, StringComparison.OrdinalIgnoreCase) ? formula : left + " = " + formula;

    private static IEnumerable<ActivationFunction> Distinct(IEnumerable<ActivationFunction> activations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return activations.Where(a => seen.Add(a.Specification));
    }
}

/// <summary>The symbols of the text explanations that have an ASCII spelling.</summary>
internal sealed class ExplanationSymbols
{
    private static readonly ExplanationSymbols s_unicode = new("·", "′", "…", "ℓ", "→", unicode: true);
    private static readonly ExplanationSymbols s_ascii = new(" * ", "'", "...", "l", "->", unicode: false);

    private readonly bool _unicode;

    private ExplanationSymbols(string times, string prime, string ellipsis, string layer, string arrow, bool unicode)
    {
        Times = times;
        Prime = prime;
        Ellipsis = ellipsis;
        Layer = layer;
        Arrow = arrow;
        _unicode = unicode;
    }

    internal string Times { get; }

    internal string Prime { get; }

    internal string Ellipsis { get; }

    /// <summary>The letter of a layer's number in formulas: ℓ, or l in ASCII.</summary>
    internal string Layer { get; }

    internal string Arrow { get; }

    internal static ExplanationSymbols For(bool unicode) => unicode ? s_unicode : s_ascii;

    /// <summary>A layer's superscript: ⁽¹⁾, or ^(1) in ASCII; <paramref name="layer"/> is a number or ℓ − 1 and the like.</summary>
    internal string Superscript(string layer)
    {
        if (!_unicode)
        {
            return "^(" + layer + ")";
        }

        var text = new StringBuilder("⁽");
        foreach (char c in layer)
        {
            text.Append(c switch
            {
                '0' => '⁰',
                '1' => '¹',
                '2' => '²',
                '3' => '³',
                '4' => '⁴',
                '5' => '⁵',
                '6' => '⁶',
                '7' => '⁷',
                '8' => '⁸',
                '9' => '⁹',
                '−' or '-' => '⁻',
                '+' => '⁺',
                'ℓ' => 'ˡ',
                _ => c,
            });
        }

        return text.Append('⁾').ToString();
    }
}
