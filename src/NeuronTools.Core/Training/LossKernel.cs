using System;

namespace NeuronTools;

/// <summary>
/// A loss bound to a model's output layer: it computes each row's loss and its gradient, choosing the
/// numerically stable form the output activation allows (from logits where it can, never ln 0), and
/// tells the predicted and the true class where the loss is a classification loss.
/// </summary>
internal sealed class LossKernel
{
    /// <summary>PyTorch's BCELoss and NLL clamp ln at −100, so a probability of 0 costs 100, not ∞.</summary>
    internal const double LogFloor = -100.0;

    /// <summary>PyTorch's BCELoss backward divides by max(p·(1 − p), 1e−12).</summary>
    private const double ProbabilityFloor = 1e-12;

    private readonly Mode _mode;

    internal LossKernel(LossFunction loss, ActivationFunction outputActivation, int outputCount)
    {
        Loss = loss;
        OutputCount = outputCount;
        string name = outputActivation.Name;
        bool plain = outputActivation.Specification == name;
        IsStep = name == "BinaryStep";
        switch (loss)
        {
            case LossFunction.BinaryCrossEntropy:
                _mode = name == "Sigmoid" ? Mode.SigmoidLogits : name == "Identity" ? Mode.IdentityLogits : Mode.Probabilities;
                if (outputActivation.IsVector)
                {
                    throw NotApplicable(loss, $"it scores each output on its own, but the output activation {outputActivation.Specification} mixes the outputs. Use CrossEntropy with Softmax");
                }

                break;
            case LossFunction.CrossEntropy:
                if (outputCount < 2)
                {
                    throw NotApplicable(loss, "it needs two or more outputs (one per class), and this model has one. For two classes and one output use BinaryCrossEntropy");
                }

                _mode = plain && name is "Softmax" or "LogSoftmax" or "Identity" ? Mode.SoftmaxLogits : Mode.Probabilities;
                break;
            default:
                _mode = Mode.Plain;
                break;
        }

        if (loss == LossFunction.Hinge && IsStep)
        {
            throw NotApplicable(loss, "a BinaryStep output is 0 or 1 and trains with the perceptron rule on 0/1 targets. Use MeanSquaredError");
        }

        IsClassification = loss is LossFunction.BinaryCrossEntropy or LossFunction.CrossEntropy or LossFunction.Hinge || IsStep;
        ClassCount = !IsClassification ? 0 : outputCount == 1 ? 2 : loss == LossFunction.BinaryCrossEntropy ? 0 : outputCount;
    }

    private enum Mode
    {
        Plain,
        SigmoidLogits,
        IdentityLogits,
        SoftmaxLogits,
        Probabilities,
    }

    internal LossFunction Loss { get; }

    internal int OutputCount { get; }

    /// <summary>True when the output activation is BinaryStep, which trains with the perceptron rule.</summary>
    internal bool IsStep { get; }

    /// <summary>True when accuracy applies: a classification loss, or a BinaryStep output.</summary>
    internal bool IsClassification { get; }

    /// <summary>The number of classes of the confusion matrix; 0 when there is none (regression, multi-label).</summary>
    internal int ClassCount { get; }

    /// <summary>True when <see cref="Row"/> gives ∂ℓ/∂a of the output layer rather than ∂ℓ/∂z.</summary>
    internal bool GradientIsForPreActivation => _mode is Mode.SigmoidLogits or Mode.SoftmaxLogits;

    /// <summary>
    /// The loss ℓ of one row (averaged over its outputs for element-wise losses) and, when
    /// <paramref name="gradient"/> is given, ℓ's gradient times <paramref name="scale"/>.
    /// </summary>
    internal double Row(double[] a, double[] z, double[] t, int offset, double[]? gradient, double scale)
    {
        int c = OutputCount;
        switch (Loss)
        {
            case LossFunction.MeanSquaredError:
            {
                double sum = 0.0;
                for (int j = 0; j < c; j++)
                {
                    double e = z[offset + j] - t[offset + j];
                    sum += e * e;
                    if (gradient is not null)
                    {
                        gradient[offset + j] = scale * (2.0 * e / c);
                    }
                }

                return sum / c;
            }

            case LossFunction.MeanAbsoluteError:
            {
                double sum = 0.0;
                for (int j = 0; j < c; j++)
                {
                    double e = z[offset + j] - t[offset + j];
                    sum += Math.Abs(e);
                    if (gradient is not null)
                    {
                        gradient[offset + j] = scale * ((e > 0 ? 1.0 : e < 0 ? -1.0 : 0.0) / c);
                    }
                }

                return sum / c;
            }

            case LossFunction.BinaryCrossEntropy:
                return BinaryCrossEntropy(_mode == Mode.SigmoidLogits ? a : z, t, offset, gradient, scale);
            case LossFunction.CrossEntropy:
                return _mode == Mode.SoftmaxLogits ? CrossEntropyFromLogits(a, t, offset, gradient, scale) : CrossEntropyFromProbabilities(z, t, offset, gradient, scale);
            case LossFunction.Hinge:
                return c == 1 ? BinaryHinge(z, t, offset, gradient, scale) : MultiMargin(z, t, offset, gradient, scale);
            default:
                throw new ArgumentOutOfRangeException(nameof(Loss), Loss, "Unknown loss.");
        }
    }

    /// <summary>The class the model predicts for a row: 0/1 for one output, else the index of the largest output.</summary>
    internal int PredictedClass(double[] z, int offset)
    {
        if (OutputCount == 1)
        {
            double threshold = Loss == LossFunction.Hinge || _mode == Mode.IdentityLogits ? 0.0 : 0.5;
            return z[offset] >= threshold ? 1 : 0;
        }

        return ArgMax(z, offset, OutputCount);
    }

    /// <summary>The true class of an encoded target row.</summary>
    internal int TargetClass(double[] t, int offset) =>
        OutputCount == 1 ? (t[offset] >= (Loss == LossFunction.Hinge ? 0.0 : 0.5) ? 1 : 0) : ArgMax(t, offset, OutputCount);

    /// <summary>How many of a row's predictions are right: 0 or 1, or for multi-label cross-entropy a share of the outputs.</summary>
    internal double Correct(double[] z, double[] t, int offset)
    {
        if (OutputCount > 1 && Loss == LossFunction.BinaryCrossEntropy)
        {
            int right = 0;
            for (int j = 0; j < OutputCount; j++)
            {
                double threshold = _mode == Mode.IdentityLogits ? 0.0 : 0.5;
                right += (z[offset + j] >= threshold) == (t[offset + j] >= 0.5) ? 1 : 0;
            }

            return (double)right / OutputCount;
        }

        return PredictedClass(z, offset) == TargetClass(t, offset) ? 1.0 : 0.0;
    }

    internal static NeuronToolsException NotApplicable(LossFunction loss, string why) => new(
        ErrorIds.LossNotApplicable,
        ErrorKind.InvalidArgument,
        $"{loss} does not fit this model: {why}.");

    private static int ArgMax(double[] values, int offset, int count)
    {
        int best = 0;
        for (int j = 1; j < count; j++)
        {
            if (values[offset + j] > values[offset + best])
            {
                best = j;
            }
        }

        return best;
    }

    /// <summary>ln(1 + e^x) without overflow: max(x, 0) + ln(1 + e^(−|x|)).</summary>
    private static double Softplus(double x) => Math.Max(x, 0.0) + AccurateMath.Log1p(Math.Exp(-Math.Abs(x)));

    private static double ClampedLog(double p) => p > 0 ? Math.Max(Math.Log(p), LogFloor) : LogFloor;

    private double BinaryCrossEntropy(double[] values, double[] t, int offset, double[]? gradient, double scale)
    {
        int c = OutputCount;
        double sum = 0.0;
        for (int j = 0; j < c; j++)
        {
            double v = values[offset + j];
            double target = t[offset + j];
            if (_mode == Mode.Probabilities)
            {
                if (!(v >= 0.0 && v <= 1.0))
                {
                    throw new NeuronToolsException(
                        ErrorIds.OutputNotProbability,
                        ErrorKind.InvalidResult,
                        FormattableString.Invariant($"BinaryCrossEntropy needs outputs in [0, 1], but the model gave {Neuron.Describe(v)}. Use a Sigmoid output (its logits are then used directly), or Identity to treat the output as logits."));
                }

                sum -= (target * ClampedLog(v)) + ((1.0 - target) * ClampedLog(1.0 - v));
                if (gradient is not null)
                {
                    gradient[offset + j] = scale * ((v - target) / Math.Max(v * (1.0 - v), ProbabilityFloor) / c);
                }
            }
            else
            {
                // From the logit x: ℓ = softplus(x) − t·x, the form of torch.nn.BCEWithLogitsLoss; ∂ℓ/∂x = σ(x) − t.
                sum += Softplus(v) - (target * v);
                if (gradient is not null)
                {
                    gradient[offset + j] = scale * ((Elementary.Sigmoid(v) - target) / c);
                }
            }
        }

        return sum / c;
    }

    private double CrossEntropyFromLogits(double[] a, double[] t, int offset, double[]? gradient, double scale)
    {
        int c = OutputCount;
        double max = double.NegativeInfinity;
        for (int j = 0; j < c; j++)
        {
            max = Math.Max(max, a[offset + j]);
        }

        double total = 0.0;
        for (int j = 0; j < c; j++)
        {
            double e = Math.Exp(a[offset + j] - max);
            total += e;
            if (gradient is not null)
            {
                gradient[offset + j] = e;
            }
        }

        double logSumExp = max + Math.Log(total);
        double loss = 0.0;
        double targetSum = 0.0;
        for (int j = 0; j < c; j++)
        {
            double target = t[offset + j];
            if (target != 0.0)
            {
                loss += target * (logSumExp - a[offset + j]);
            }

            targetSum += target;
        }

        if (gradient is not null)
        {
            for (int j = 0; j < c; j++)
            {
                double p = gradient[offset + j] / total;
                gradient[offset + j] = scale * ((p * targetSum) - t[offset + j]);
            }
        }

        return loss;
    }

    private double CrossEntropyFromProbabilities(double[] z, double[] t, int offset, double[]? gradient, double scale)
    {
        int c = OutputCount;
        double loss = 0.0;
        for (int j = 0; j < c; j++)
        {
            double p = z[offset + j];
            if (!(p >= 0.0 && p <= 1.0))
            {
                throw new NeuronToolsException(
                    ErrorIds.OutputNotProbability,
                    ErrorKind.InvalidResult,
                    FormattableString.Invariant($"CrossEntropy needs outputs in [0, 1], but the model gave {Neuron.Describe(p)}. Use a Softmax output layer, or Identity to treat the outputs as logits."));
            }

            double target = t[offset + j];
            if (target != 0.0)
            {
                loss -= target * ClampedLog(p);
            }

            if (gradient is not null)
            {
                gradient[offset + j] = scale * (-target / Math.Max(p, ProbabilityFloor));
            }
        }

        return loss;
    }

    private static double BinaryHinge(double[] z, double[] t, int offset, double[]? gradient, double scale)
    {
        double sign = t[offset] > 0 ? 1.0 : -1.0;
        double margin = 1.0 - (sign * z[offset]);
        if (gradient is not null)
        {
            // At margin 0 exactly the gradient is 0, the convention of max(0, ·) in PyTorch's autograd.
            gradient[offset] = margin > 0 ? scale * -sign : 0.0;
        }

        return Math.Max(margin, 0.0);
    }

    private double MultiMargin(double[] z, double[] t, int offset, double[]? gradient, double scale)
    {
        int c = OutputCount;
        int y = ArgMax(t, offset, c);
        double zy = z[offset + y];
        double loss = 0.0;
        double gy = 0.0;
        for (int j = 0; j < c; j++)
        {
            if (j == y)
            {
                continue;
            }

            double margin = 1.0 - zy + z[offset + j];
            bool active = margin > 0;
            loss += active ? margin : 0.0;
            if (gradient is not null)
            {
                gradient[offset + j] = active ? scale / c : 0.0;
                gy -= active ? 1.0 : 0.0;
            }
        }

        if (gradient is not null)
        {
            gradient[offset + y] = scale * gy / c;
        }

        return loss / c;
    }
}
