using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>Which member of the softmax family a <see cref="SoftmaxActivation"/> computes.</summary>
internal enum SoftmaxFamily
{
    Softmax,
    LogSoftmax,
    Softmin,
}

/// <summary>
/// Softmax, LogSoftmax and Softmin over a whole vector. The largest entry is subtracted before
/// exponentiating (softmax(1000, 1000) = 0.5, 0.5), the sum is compensated, and 1 − y_i is summed
/// from the other terms rather than subtracted, so ∂y_i/∂x_i keeps its precision when y_i is near 1.
/// </summary>
internal sealed class SoftmaxActivation : VectorActivation
{
    private readonly SoftmaxFamily _family;

    internal SoftmaxActivation(ActivationDefinition definition, ActivationArguments arguments, SoftmaxFamily family)
        : base(definition, arguments)
    {
        _family = family;
    }

    public override void Apply(IReadOnlyList<double> input, double[] output, double[] derivative)
    {
        if (input is null)
        {
            throw new ArgumentNullException(nameof(input));
        }

        int n = input.Count;
        if (n == 0)
        {
            return;
        }

        double sign = _family == SoftmaxFamily.Softmin ? -1.0 : 1.0;
        int top = 0;
        for (int i = 1; i < n; i++)
        {
            if (sign * input[i] > sign * input[top])
            {
                top = i;
            }
        }

        double max = sign * input[top];
        var shifted = new double[n];
        var exponential = new double[n];
        if (double.IsInfinity(max))
        {
            // All entries −∞, or some +∞: the limit along equal entries shares the output among those at max.
            for (int i = 0; i < n; i++)
            {
                bool atMax = sign * input[i] == max;
                shifted[i] = atMax ? 0.0 : double.NegativeInfinity;
                exponential[i] = atMax ? 1.0 : 0.0;
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                shifted[i] = (sign * input[i]) - max;
                exponential[i] = Math.Exp(shifted[i]);
            }
        }

        double sum = CompensatedSum(exponential, -1);
        double others = CompensatedSum(exponential, top);
        for (int i = 0; i < n; i++)
        {
            double share = exponential[i] / sum;

            // 1 − share = (sum − e_i) / sum; sum the other terms directly when e_i dominates.
            double rest = exponential[i] > 0.5 * sum ? CompensatedSum(exponential, i) : sum - exponential[i];
            double complement = rest / sum;
            switch (_family)
            {
                case SoftmaxFamily.Softmax:
                    output[i] = share;
                    derivative[i] = BoundedSlope(share * complement);
                    break;
                case SoftmaxFamily.Softmin:
                    output[i] = share;
                    derivative[i] = -BoundedSlope(share * complement);
                    break;
                default:
                    // ln Σ e^(x_j − max) = ln(1 + Σ over the others), exact for tiny others.
                    output[i] = shifted[i] - AccurateMath.Log1p(others);
                    derivative[i] = complement;
                    break;
            }
        }
    }

    /// <summary>Neumaier's compensated sum of the values, leaving out the one at <paramref name="skip"/> (−1: none).</summary>
    private static double CompensatedSum(double[] values, int skip)
    {
        double sum = 0.0;
        double compensation = 0.0;
        for (int i = 0; i < values.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            double value = values[i];
            double t = sum + value;
            compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
            sum = t;
        }

        return sum + compensation;
    }

    /// <summary>
    /// y·(1 − y) never exceeds 1/4, but the rounded product of two rounded halves can land one ulp above it;
    /// clamping only moves the result towards the exact value.
    /// </summary>
    private static double BoundedSlope(double slope) => Math.Min(slope, 0.25);
}
