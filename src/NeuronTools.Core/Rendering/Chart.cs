using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools.Rendering;

/// <summary>One curve of a chart: points joined in order; a NaN or infinite y breaks the line.</summary>
internal sealed class ChartSeries
{
    internal ChartSeries(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count)
        {
            throw new ArgumentException(FormattableString.Invariant($"A series needs as many y values as x values ({x.Count} x, {y.Count} y)."), nameof(y));
        }

        Name = name;
        X = x;
        Y = y;
    }

    internal string Name { get; }

    internal IReadOnlyList<double> X { get; }

    internal IReadOnlyList<double> Y { get; }

    internal bool IsDrawable(int i) => Neuron.IsFinite(X[i]) && Neuron.IsFinite(Y[i]);
}

/// <summary>
/// A line chart of any series of (x, y) points — activation curves, or a loss per epoch — that the
/// text and SVG renderers draw the same way: the same ranges, ticks, title and legend.
/// </summary>
internal sealed class Chart
{
    internal Chart(string title, IReadOnlyList<ChartSeries> series, string? xLabel = null, string? yLabel = null, double? xMinimum = null, double? xMaximum = null, double xMinimumStep = 0)
    {
        if (series.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one series.", nameof(series));
        }

        Title = title;
        Series = series;
        XLabel = xLabel;
        YLabel = yLabel;
        XMinimumStep = xMinimumStep;
        var xs = series.SelectMany(s => Enumerable.Range(0, s.X.Count).Where(s.IsDrawable).Select(i => s.X[i])).ToList();
        var ys = series.SelectMany(s => Enumerable.Range(0, s.Y.Count).Where(s.IsDrawable).Select(i => s.Y[i])).ToList();
        XRange = (xMinimum ?? (xs.Count == 0 ? 0 : xs.Min()), xMaximum ?? (xs.Count == 0 ? 1 : xs.Max()));
        YRange = ys.Count == 0 ? (0.0, 1.0) : (ys.Min(), ys.Max());
    }

    internal string Title { get; }

    internal IReadOnlyList<ChartSeries> Series { get; }

    internal string? XLabel { get; }

    internal string? YLabel { get; }

    /// <summary>The smallest step between x ticks: 1 where x counts something, such as epochs, so no tick falls between two.</summary>
    internal double XMinimumStep { get; }

    /// <summary>The x extent of the data, or the one asked for.</summary>
    internal (double Minimum, double Maximum) XRange { get; }

    /// <summary>The y extent of the finite data.</summary>
    internal (double Minimum, double Maximum) YRange { get; }

    /// <summary>The x axis: exactly the range, with round ticks inside it.</summary>
    internal ChartAxis XAxis(int targetTicks) => ChartAxis.Create(XRange.Minimum, XRange.Maximum, targetTicks, extend: false, XMinimumStep);

    /// <summary>The y axis: the data's range widened to round ticks, so a curve that saturates at 1 meets the top tick.</summary>
    internal ChartAxis YAxis(int targetTicks) => ChartAxis.Create(YRange.Minimum, YRange.Maximum, targetTicks, extend: true);
}

/// <summary>An axis range with ticks at round values: 1, 2 or 5 times a power of ten.</summary>
internal sealed class ChartAxis
{
    private ChartAxis(double minimum, double maximum, double step, IReadOnlyList<double> ticks)
    {
        Minimum = minimum;
        Maximum = maximum;
        Step = step;
        Ticks = ticks;
    }

    internal double Minimum { get; }

    internal double Maximum { get; }

    internal double Step { get; }

    internal IReadOnlyList<double> Ticks { get; }

    /// <summary>Where <paramref name="value"/> falls between the ends, from 0 at the minimum to 1 at the maximum.</summary>
    internal double Fraction(double value) => (value - Minimum) / (Maximum - Minimum);

    internal string Label(double tick) => NumberText.Tick(tick, Step);

    internal static ChartAxis Create(double minimum, double maximum, int targetTicks, bool extend, double minimumStep = 0)
    {
        if (!(maximum > minimum))
        {
            // A flat series (a constant derivative, say) still gets an axis around its value.
            double half = minimum == 0 ? 1 : Math.Abs(minimum) * 0.5;
            minimum -= half;
            maximum += half;
        }

        double step = Math.Max(minimumStep, NiceStep((maximum - minimum) / Math.Max(1, targetTicks)));
        if (extend)
        {
            // Widening to a coarse step can waste a fifth of the chart (0..5 drawn as 0..6); a finer
            // step that still gives at most twice the ticks wanted fits the data closer.
            double finer = FinerStep(step);
            if (Widened(minimum, maximum, step) > 1.15 * (maximum - minimum) && (maximum - minimum) / finer <= 2 * Math.Max(1, targetTicks))
            {
                step = finer;
            }

            minimum = Math.Floor(minimum / step + 1e-9) * step;
            maximum = Math.Ceiling(maximum / step - 1e-9) * step;
        }

        var ticks = new List<double>();
        long first = (long)Math.Ceiling(minimum / step - 1e-9);
        for (long k = first; k * step <= maximum + step * 1e-9; k++)
        {
            double tick = k * step;
            ticks.Add(tick == 0 ? 0.0 : tick);
        }

        return new ChartAxis(minimum, maximum, step, ticks);
    }

    private static double Widened(double minimum, double maximum, double step) =>
        (Math.Ceiling(maximum / step - 1e-9) - Math.Floor(minimum / step + 1e-9)) * step;

    /// <summary>The next round step down: 10 → 5 → 2 → 1.</summary>
    private static double FinerStep(double step)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(step) + 1e-9));
        double leading = Math.Round(step / power);
        return leading >= 5 ? 2 * power : leading >= 2 ? power : 0.5 * power;
    }

    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
        return nice * power;
    }
}
