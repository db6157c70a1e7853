using System;

namespace NeuronTools;

/// <summary>
/// Vector–Jacobian products of the vector activations, written in terms of their outputs, which is how
/// PyTorch's autograd computes them (softmax_backward_data, log_softmax_backward_data).
/// </summary>
internal static class VectorJacobian
{
    /// <summary>True when gradients can flow through <paramref name="activation"/>.</summary>
    internal static bool Supports(ActivationFunction activation) =>
        activation is ScalarActivation || (IsKnown(activation.Name) && activation.Specification == activation.Name);

    internal static NeuronToolsException NotSupported(ActivationFunction activation) => new(
        ErrorIds.GradientNotSupported,
        ErrorKind.InvalidOperation,
        $"Gradients cannot yet flow through the vector activation {activation.Specification}: only Softmax, LogSoftmax and Softmin without parameters are supported. Use one of them, or a scalar activation.");

    /// <summary>result = upstream · J over one row, where J is the Jacobian of the activation at the row whose outputs are given.</summary>
    internal static void Multiply(ActivationFunction activation, double[] output, double[] upstream, double[] result, int offset, int width)
    {
        switch (activation.Name)
        {
            case "Softmax":
                Softmax(output, upstream, result, offset, width, 1.0);
                break;
            case "Softmin":
                // softmin(a) = softmax(−a), so its Jacobian is minus softmax's at the same outputs.
                Softmax(output, upstream, result, offset, width, -1.0);
                break;
            case "LogSoftmax":
                LogSoftmax(output, upstream, result, offset, width);
                break;
            default:
                throw NotSupported(activation);
        }
    }

    /// <summary>∂L/∂a_j = s_j·(g_j − Σ_i g_i·s_i), times <paramref name="sign"/>.</summary>
    internal static void Softmax(double[] output, double[] upstream, double[] result, int offset, int width, double sign)
    {
        double dot = 0.0;
        for (int i = 0; i < width; i++)
        {
            dot += upstream[offset + i] * output[offset + i];
        }

        for (int j = 0; j < width; j++)
        {
            result[offset + j] = sign * (output[offset + j] * (upstream[offset + j] - dot));
        }
    }

    /// <summary>∂L/∂a_j = g_j − e^(y_j)·Σ_i g_i, where y = log softmax(a).</summary>
    internal static void LogSoftmax(double[] output, double[] upstream, double[] result, int offset, int width)
    {
        double sum = 0.0;
        for (int i = 0; i < width; i++)
        {
            sum += upstream[offset + i];
        }

        for (int j = 0; j < width; j++)
        {
            result[offset + j] = upstream[offset + j] - (Math.Exp(output[offset + j]) * sum);
        }
    }

    private static bool IsKnown(string name) => name is "Softmax" or "LogSoftmax" or "Softmin";
}
