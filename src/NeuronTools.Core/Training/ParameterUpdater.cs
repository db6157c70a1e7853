using System;

namespace NeuronTools;

/// <summary>
/// Applies SGD, momentum or Adam steps to a stack's weights and biases in place, with torch.optim's
/// formulas written in the same order of operations (torch.optim.SGD, torch.optim.Adam in PyTorch 1.13).
/// </summary>
internal sealed class ParameterUpdater
{
    private readonly Optimizer _optimizer;
    private readonly double _learningRate;
    private readonly double _momentum;
    private readonly double _beta1;
    private readonly double _beta2;
    private readonly double _epsilon;
    private readonly double[][] _first;
    private readonly double[][] _second;
    private long _step;

    internal ParameterUpdater(DenseStack stack, TrainingOptions options)
    {
        _optimizer = options.Optimizer;
        _learningRate = options.EffectiveLearningRate;
        _momentum = options.Momentum;
        _beta1 = options.Beta1;
        _beta2 = options.Beta2;
        _epsilon = options.Epsilon;
        int arrays = stack.Layers.Length * 2;
        _first = new double[arrays][];
        _second = new double[arrays][];
        for (int l = 0; l < stack.Layers.Length; l++)
        {
            _first[2 * l] = new double[stack.Layers[l].Weight.Length];
            _first[(2 * l) + 1] = new double[stack.Layers[l].Bias.Length];
            _second[2 * l] = _optimizer == Optimizer.Adam ? new double[stack.Layers[l].Weight.Length] : Array.Empty<double>();
            _second[(2 * l) + 1] = _optimizer == Optimizer.Adam ? new double[stack.Layers[l].Bias.Length] : Array.Empty<double>();
        }
    }

    /// <summary>One step of every weight and bias of <paramref name="stack"/> along the gradients in <paramref name="workspace"/>.</summary>
    internal void Step(DenseStack stack, DenseWorkspace workspace)
    {
        _step++;
        for (int l = 0; l < stack.Layers.Length; l++)
        {
            Update(stack.Layers[l].Weight, workspace.WeightGradient[l], 2 * l);
            Update(stack.Layers[l].Bias, workspace.BiasGradient[l], (2 * l) + 1);
        }
    }

    private void Update(double[] parameter, double[] gradient, int slot)
    {
        switch (_optimizer)
        {
            case Optimizer.SGD:
                for (int i = 0; i < parameter.Length; i++)
                {
                    parameter[i] += -_learningRate * gradient[i];
                }

                break;
            case Optimizer.Momentum:
            {
                double[] buffer = _first[slot];
                for (int i = 0; i < parameter.Length; i++)
                {
                    buffer[i] = _step == 1 ? gradient[i] : (buffer[i] * _momentum) + gradient[i];
                    parameter[i] += -_learningRate * buffer[i];
                }

                break;
            }

            case Optimizer.Adam:
            {
                double[] m = _first[slot];
                double[] v = _second[slot];
                double biasCorrection1 = 1.0 - Math.Pow(_beta1, _step);
                double biasCorrection2Sqrt = Math.Sqrt(1.0 - Math.Pow(_beta2, _step));
                double stepSize = _learningRate / biasCorrection1;
                for (int i = 0; i < parameter.Length; i++)
                {
                    double g = gradient[i];
                    m[i] = (m[i] * _beta1) + (g * (1.0 - _beta1));
                    v[i] = (v[i] * _beta2) + ((1.0 - _beta2) * g * g);
                    double denominator = (Math.Sqrt(v[i]) / biasCorrection2Sqrt) + _epsilon;
                    parameter[i] += -stepSize * m[i] / denominator;
                }

                break;
            }

            default:
                throw new ArgumentOutOfRangeException(nameof(_optimizer), _optimizer, "Unknown optimizer.");
        }
    }
}
