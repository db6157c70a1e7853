using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace NeuronTools.Tests;

/// <summary>
/// Every activation and its derivative against the exact values of tests/Reference/activations.tsv
/// (written by generate_activations.py with mpmath), under the bar |ours − exact| ≤ (4 + κ)·ulp(exact),
/// κ = |x f′/f| for values and |x f″/f′| for derivatives, taken from the exact values.
/// </summary>
public class ActivationAccuracyTests
{
    private static readonly Lazy<ReferenceRow[]> s_scalar = new(() => ReferenceRow.Read("activations.tsv", vector: false));
    private static readonly Lazy<ReferenceRow[]> s_vector = new(() => ReferenceRow.Read("activations-vector.tsv", vector: true));

    private readonly ITestOutputHelper _output;

    public ActivationAccuracyTests(ITestOutputHelper output) => _output = output;

    public static IEnumerable<object[]> ScalarSpecifications() =>
        s_scalar.Value.Select(r => r.Specification).Distinct().Select(s => new object[] { s });

    public static IEnumerable<object[]> VectorSpecifications() =>
        s_vector.Value.Select(r => r.Specification).Distinct().Select(s => new object[] { s });

    [Fact]
    public void TheTableCoversEveryScalarActivationInTheCatalogue()
    {
        var covered = s_scalar.Value.Select(r => ActivationCatalog.Create(r.Specification).Name).ToHashSet();
        var scalar = ActivationCatalog.All.Where(d => !d.IsVector).Select(d => d.Name);

        Assert.Empty(scalar.Except(covered));
    }

    [Fact]
    public void TheTableCoversEveryVectorActivationInTheCatalogue()
    {
        var covered = s_vector.Value.Select(r => r.Specification).ToHashSet();

        Assert.Empty(ActivationCatalog.All.Where(d => d.IsVector).Select(d => d.Name).Except(covered));
    }

    [Theory]
    [MemberData(nameof(ScalarSpecifications))]
    public void ValuesAndDerivativesAreWithinTheBar(string specification)
    {
        var function = ActivationCatalog.CreateScalar(specification);
        var rows = s_scalar.Value.Where(r => r.Specification == specification).ToArray();
        var value = new ErrorTally("f");
        var derivative = new ErrorTally("f′");
        foreach (var row in rows)
        {
            value.Add(row.X, function.Value(row.X), row.Value);
            derivative.Add(row.X, function.Derivative(row.X), row.Derivative);
        }

        Report(specification, rows.Length, value, derivative);
        Assert.True(value.Failures.Count == 0, value.Describe(specification));
        Assert.True(derivative.Failures.Count == 0, derivative.Describe(specification));
    }

    [Theory]
    [MemberData(nameof(VectorSpecifications))]
    public void VectorValuesAndDerivativesAreWithinTheBar(string specification)
    {
        var function = ActivationCatalog.Create(specification);
        var value = new ErrorTally("y_i");
        var derivative = new ErrorTally("∂y_i/∂x_i");
        int count = 0;
        foreach (var group in s_vector.Value.Where(r => r.Specification == specification).GroupBy(r => r.VectorText))
        {
            var rows = group.OrderBy(r => r.Index).ToArray();
            var output = new double[rows[0].Vector.Length];
            var slope = new double[output.Length];
            function.Apply(rows[0].Vector, output, slope);
            foreach (var row in rows)
            {
                value.Add(row.Index, output[row.Index], row.Value);
                derivative.Add(row.Index, slope[row.Index], row.Derivative);
                count++;
            }
        }

        Report(specification, count, value, derivative);
        Assert.True(value.Failures.Count == 0, value.Describe(specification));
        Assert.True(derivative.Failures.Count == 0, derivative.Describe(specification));
    }

    [Fact]
    public void TheErrorMeasureCountsUlpsOfTheExactValueAndRejectsNaNAndWrongInfinities()
    {
        var one = new Exact(1.0, 0.0, 2.220446049250313e-16, 0.0);

        Assert.Equal(0.0, Exact.ErrorInUlps(1.0, one));
        Assert.Equal(1.0, Exact.ErrorInUlps(1.0 + 2.220446049250313e-16, one));
        Assert.Equal(0.5, Exact.ErrorInUlps(1.0, new Exact(1.0, 1.1102230246251565e-16, 2.220446049250313e-16, 0.0)));
        Assert.Equal(3.0, Exact.ErrorInUlps(1.5e-323, new Exact(0.0, 0.0, 5e-324, 0.0)));
        Assert.Equal(0.0, Exact.ErrorInUlps(double.PositiveInfinity, new Exact(double.PositiveInfinity, 0.0, double.PositiveInfinity, 0.0)));
        Assert.True(double.IsPositiveInfinity(Exact.ErrorInUlps(double.NaN, one)));
        Assert.True(double.IsPositiveInfinity(Exact.ErrorInUlps(double.PositiveInfinity, one)));
    }

    private void Report(string specification, int count, ErrorTally value, ErrorTally derivative) =>
        _output.WriteLine(FormattableString.Invariant(
            $"{specification}\t{count} points\tf: {value.WorstBar:0.000} bar ({value.WorstUlps:0.00} ulp at x = {value.WorstX:R})\tf′: {derivative.WorstBar:0.000} bar ({derivative.WorstUlps:0.00} ulp at x = {derivative.WorstX:R})"));

    internal readonly struct Exact
    {
        internal Exact(double hi, double lo, double ulp, double kappa)
        {
            Hi = hi;
            Lo = lo;
            Ulp = ulp;
            Kappa = kappa;
        }

        internal double Hi { get; }

        internal double Lo { get; }

        internal double Ulp { get; }

        internal double Kappa { get; }

        internal double Bar => 4.0 + Kappa;

        /// <summary>|ours − exact| in ulps of the exact value; infinite for NaN or a wrong infinity.</summary>
        internal static double ErrorInUlps(double ours, Exact exact)
        {
            if (double.IsNaN(ours))
            {
                return double.PositiveInfinity;
            }

            if (double.IsInfinity(exact.Hi) || double.IsInfinity(ours))
            {
                return ours == exact.Hi ? 0.0 : double.PositiveInfinity;
            }

            // ours − hi is exact whenever the two are close (Sterbenz), so only lo's rounding remains.
            return Math.Abs((ours - exact.Hi) - exact.Lo) / exact.Ulp;
        }
    }

    private sealed class ErrorTally
    {
        private readonly string _what;

        internal ErrorTally(string what) => _what = what;

        internal List<string> Failures { get; } = new();

        internal double WorstBar { get; private set; }

        internal double WorstUlps { get; private set; }

        internal double WorstX { get; private set; }

        internal void Add(double x, double ours, Exact exact)
        {
            double ulps = Exact.ErrorInUlps(ours, exact);
            double ofBar = ulps / exact.Bar;
            if (ofBar > WorstBar || double.IsNaN(ofBar))
            {
                WorstBar = ofBar;
                WorstUlps = ulps;
                WorstX = x;
            }

            if (!(ulps <= exact.Bar))
            {
                Failures.Add(FormattableString.Invariant(
                    $"{_what}({x:R}) = {ours:R}, exact {exact.Hi:R} (+{exact.Lo:R}): {ulps:0.##} ulp > bar {exact.Bar:0.##} (κ = {exact.Kappa:0.##})"));
            }
        }

        internal string Describe(string specification) =>
            FormattableString.Invariant($"{specification}: {Failures.Count} {_what} values over the bar:{Environment.NewLine}") +
            string.Join(Environment.NewLine, Failures.Take(25));
    }

    private sealed class ReferenceRow
    {
        internal string Specification { get; private set; } = string.Empty;

        internal double X { get; private set; }

        internal string VectorText { get; private set; } = string.Empty;

        internal double[] Vector { get; private set; } = Array.Empty<double>();

        internal int Index { get; private set; }

        internal Exact Value { get; private set; }

        internal Exact Derivative { get; private set; }

        internal static ReferenceRow[] Read(string file, bool vector)
        {
            string path = Path.Combine(AppContext.BaseDirectory, "Reference", file);
            var rows = new List<ReferenceRow>();
            foreach (string line in File.ReadLines(path).Where(l => !l.StartsWith("#", StringComparison.Ordinal)).Skip(1))
            {
                string[] cells = line.Split('\t');
                int first = vector ? 3 : 2;
                var row = new ReferenceRow
                {
                    Specification = cells[0],
                    Value = new Exact(Parse(cells[first]), Parse(cells[first + 1]), Parse(cells[first + 2]), Parse(cells[first + 3])),
                    Derivative = new Exact(Parse(cells[first + 4]), Parse(cells[first + 5]), Parse(cells[first + 6]), Parse(cells[first + 7])),
                };
                if (vector)
                {
                    row.VectorText = cells[1];
                    row.Vector = cells[1].Split(';').Select(Parse).ToArray();
                    row.Index = int.Parse(cells[2], CultureInfo.InvariantCulture);
                }
                else
                {
                    row.X = Parse(cells[1]);
                }

                rows.Add(row);
            }

            return rows.ToArray();
        }

        private static double Parse(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }
}
