using System.Text;

namespace NeuronTools.Rendering;

/// <summary>
/// Folds the few non-ASCII symbols of formulas and diagrams into ASCII, for terminals and files that
/// cannot show them (redirected output, PlainText rendering, Windows PowerShell 5.1).
/// </summary>
internal static class AsciiText
{
    internal static string Fold(string text)
    {
        if (text is null)
        {
            return string.Empty;
        }

        StringBuilder? folded = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 128)
            {
                folded?.Append(c);
                continue;
            }

            folded ??= new StringBuilder(text, 0, i, text.Length + 16);
            folded.Append(Replacement(c));
        }

        return folded?.ToString() ?? text;
    }

    private static string Replacement(char c) => c switch
    {
        '−' or '–' or '—' => "-",
        '·' or '×' or '⋅' => "*",
        '′' => "'",
        '″' => "''",
        '≥' => ">=",
        '≤' => "<=",
        '≠' => "!=",
        '≈' => "~",
        '∞' => "inf",
        '±' => "+/-",
        '∈' => "in",
        '…' or '⋯' => "...",
        '⋮' => ":",
        '√' => "sqrt",
        '²' => "^2",
        '³' => "^3",
        'σ' => "sigma",
        'Σ' => "sum",
        'π' => "pi",
        'Φ' => "Phi",
        'φ' => "phi",
        'α' => "alpha",
        'β' => "beta",
        'λ' => "lambda",
        'ε' => "eps",
        'θ' => "theta",
        '⌊' or '⌈' => "[",
        '⌋' or '⌉' => "]",
        '▶' or '→' => ">",
        '←' => "<",
        _ => "?",
    };
}
