using System;

namespace NeuronTools.Rendering;

/// <summary>
/// The one rounding rule of a whole explanation or figure: every number shown with at most
/// <see cref="Digits"/> significant digits (as the table views show them), or every number exact on request.
/// </summary>
internal static class NumberRule
{
    internal const int Digits = 6;

    internal static Func<double, string> For(bool exact) => exact ? NumberText.Exact : Rounded;

    internal static string Rounded(double value) => NumberText.Rounded(value, Digits);
}
