using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>
/// How the figures draw a weight, as TensorFlow Playground does: blue for a positive weight, orange for
/// a negative one, grey for zero, and a line width that grows with the weight's size relative to the
/// largest weight in the figure.
/// </summary>
internal sealed class WeightStyle
{
    internal const string Positive = "#1f77b4";
    internal const string Negative = "#f28e2b";
    internal const string Zero = "#b0b0b0";
    internal const double ThinnestWidth = 1;
    internal const double WidestWidth = 7;

    private readonly double _largest;

    internal WeightStyle(IEnumerable<double> weights)
    {
        _largest = weights.Select(Math.Abs).DefaultIfEmpty(0).Max();
    }

    internal static string Colour(double weight) => weight > 0 ? Positive : weight < 0 ? Negative : Zero;

    /// <summary>The line width: <see cref="ThinnestWidth"/> for zero, <see cref="WidestWidth"/> for the largest weight.</summary>
    internal double Width(double weight) =>
        _largest > 0 ? ThinnestWidth + ((WidestWidth - ThinnestWidth) * Math.Abs(weight) / _largest) : ThinnestWidth;
}
