using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>Samples activation functions (and their derivatives) into a <see cref="Chart"/>.</summary>
internal static class ActivationChart
{
    /// <summary>Enough points for a smooth curve in an SVG of any usual width; the terminal needs far fewer.</summary>
    internal const int DefaultSampleCount = 1001;

    internal static Chart Create(IReadOnlyList<ActivationFunction> functions, double minimum, double maximum, bool derivative, int sampleCount = DefaultSampleCount)
    {
        CheckRange(minimum, maximum);
        var x = Sample(minimum, maximum, sampleCount);
        var series = new List<ChartSeries>();
        foreach (var function in functions)
        {
            var scalar = Scalar(function);
            series.Add(new ChartSeries(scalar.Specification, x, x.Select(scalar.Value).ToArray()));
            if (derivative)
            {
                series.Add(new ChartSeries(scalar.Specification + "′", x, x.Select(scalar.Derivative).ToArray()));
            }
        }

        string names = string.Join(", ", functions.Select(f => f.Specification));
        string what = derivative ? (functions.Count == 1 ? " and its derivative" : " and their derivatives") : string.Empty;
        string title = names + what + " on [" + NumberText.Exact(minimum) + ", " + NumberText.Exact(maximum) + "]";
        return new Chart(title, series, "x", null, minimum, maximum);
    }

    /// <summary>The function as a curve of one variable; a vector function such as Softmax is not one.</summary>
    internal static ScalarActivation Scalar(ActivationFunction function) => function as ScalarActivation ?? throw new NeuronToolsException(
        ErrorIds.VectorActivationNotPlottable,
        ErrorKind.InvalidArgument,
        $"{function.Specification} works on a whole vector of pre-activations at once, so it has no curve of one variable to plot. Plot a scalar activation such as ReLU or Sigmoid, or evaluate {function.Name} on a vector with Get-ActivationValue.");

    internal static void CheckRange(double minimum, double maximum)
    {
        string range = "[" + NumberText.Exact(minimum) + ", " + NumberText.Exact(maximum) + "]";
        string? problem =
            !Neuron.IsFinite(minimum) || !Neuron.IsFinite(maximum) ? "is not a finite interval: give finite values for -Minimum and -Maximum"
            : !(minimum < maximum) ? "does not have the minimum below the maximum: give -Minimum less than -Maximum"
            : !Neuron.IsFinite(maximum - minimum) ? "is too wide: its width, maximum minus minimum, is more than the largest double (about 1.8e308), so the points between cannot be spaced evenly. Narrow it, for example to -Minimum -1e307 -Maximum 1e307"
            : null;
        if (problem is not null)
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidPlotRange,
                ErrorKind.InvalidArgument,
                "The plot range " + range + " " + problem + ", as in -Minimum -5 -Maximum 5.");
        }
    }

    /// <summary>
    /// Evenly spaced points with both ends exact, and 0 added when it lies inside, since most kinks and
    /// jumps (ReLU, BinaryStep) are at 0 and the chart should show their corner, not cut it.
    /// </summary>
    internal static double[] Sample(double minimum, double maximum, int count)
    {
        var points = new List<double>(count + 1);
        for (int i = 0; i < count; i++)
        {
            points.Add(i == count - 1 ? maximum : minimum + ((maximum - minimum) * i / (count - 1)));
        }

        if (minimum < 0 && maximum > 0 && !points.Contains(0.0))
        {
            points.Add(0.0);
            points.Sort();
        }

        return points.ToArray();
    }
}
