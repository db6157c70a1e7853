using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// One fully connected layer as training sees it: weights row-major [output, input], so that row o holds
/// the weights of neuron o. Mutable on purpose: the trainer updates a private copy in place.
/// </summary>
internal sealed class DenseLayer
{
    internal DenseLayer(double[] weight, double[] bias, int inputCount, ActivationFunction activation)
    {
        if (inputCount < 1 || bias.Length < 1 || weight.Length != inputCount * bias.Length)
        {
            throw new ArgumentException("The weight matrix must have one row of inputCount weights per bias.", nameof(weight));
        }

        Weight = weight;
        Bias = bias;
        InputCount = inputCount;
        OutputCount = bias.Length;
        Activation = activation;
        Scalar = activation as ScalarActivation;
        Kind = activation.Specification switch
        {
            "Identity" => FastActivation.Identity,
            "ReLU" => FastActivation.ReLU,
            _ => FastActivation.None,
        };
    }

    internal double[] Weight { get; }

    internal double[] Bias { get; }

    internal int InputCount { get; }

    internal int OutputCount { get; }

    internal ActivationFunction Activation { get; }

    /// <summary>The activation when it acts on each value alone; null for vector activations such as Softmax.</summary>
    internal ScalarActivation? Scalar { get; }

    /// <summary>Which activation the forward pass computes inline instead of through <see cref="Scalar"/>.</summary>
    internal FastActivation Kind { get; }

    internal DenseLayer Clone() => new((double[])Weight.Clone(), (double[])Bias.Clone(), InputCount, Activation);

    /// <summary>The weights as new rows, one per neuron, as <see cref="NeuronLayer"/> holds them.</summary>
    internal double[][] Rows()
    {
        var rows = new double[OutputCount][];
        for (int j = 0; j < rows.Length; j++)
        {
            rows[j] = new double[InputCount];
            Array.Copy(Weight, j * InputCount, rows[j], 0, InputCount);
        }

        return rows;
    }
}

/// <summary>Activations the training loop computes inline, for speed.</summary>
internal enum FastActivation
{
    None,
    Identity,
    ReLU,
}

/// <summary>A stack of dense layers (see <see cref="NeuronModel.ToStack"/>): a lone neuron is a stack of one layer with one output.</summary>
internal sealed class DenseStack
{
    internal DenseStack(IReadOnlyList<DenseLayer> layers)
    {
        if (layers.Count == 0)
        {
            throw new ArgumentException("A stack needs at least one layer.", nameof(layers));
        }

        for (int l = 1; l < layers.Count; l++)
        {
            if (layers[l].InputCount != layers[l - 1].OutputCount)
            {
                throw new ArgumentException("Each layer must take as many inputs as the layer before it gives outputs.", nameof(layers));
            }
        }

        Layers = new DenseLayer[layers.Count];
        for (int l = 0; l < Layers.Length; l++)
        {
            Layers[l] = layers[l];
        }
    }

    internal DenseLayer[] Layers { get; }

    internal int InputCount => Layers[0].InputCount;

    internal int OutputCount => Layers[Layers.Length - 1].OutputCount;

    internal DenseLayer OutputLayer => Layers[Layers.Length - 1];

    internal DenseStack Clone()
    {
        var layers = new DenseLayer[Layers.Length];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = Layers[l].Clone();
        }

        return new DenseStack(layers);
    }

    /// <summary>True when every weight and bias is a finite number.</summary>
    internal bool IsFinite()
    {
        foreach (var layer in Layers)
        {
            foreach (double w in layer.Weight)
            {
                if (!Neuron.IsFinite(w))
                {
                    return false;
                }
            }

            foreach (double b in layer.Bias)
            {
                if (!Neuron.IsFinite(b))
                {
                    return false;
                }
            }
        }

        return true;
    }
}

/// <summary>
/// The buffers of a forward and a backward pass over up to <see cref="Capacity"/> rows, allocated once per
/// training run so that the loop over batches allocates nothing.
/// </summary>
internal sealed class DenseWorkspace
{
    private readonly DenseStack _stack;
    private readonly double[] _rowIn;
    private readonly double[] _rowOut;
    private readonly double[] _rowDerivative;

    internal DenseWorkspace(DenseStack stack, int capacity)
    {
        _stack = stack;
        Capacity = capacity;
        int layers = stack.Layers.Length;
        Input = new double[capacity * stack.InputCount];
        InputGradient = new double[capacity * stack.InputCount];
        Target = new double[capacity * stack.OutputCount];
        PreActivation = new double[layers][];
        Output = new double[layers][];
        Derivative = new double[layers][];
        Delta = new double[layers][];
        WeightGradient = new double[layers][];
        BiasGradient = new double[layers][];
        int widest = stack.InputCount;
        for (int l = 0; l < layers; l++)
        {
            var layer = stack.Layers[l];
            int size = capacity * layer.OutputCount;
            PreActivation[l] = new double[size];
            Output[l] = new double[size];
            Derivative[l] = new double[size];
            Delta[l] = new double[size];
            WeightGradient[l] = new double[layer.Weight.Length];
            BiasGradient[l] = new double[layer.OutputCount];
            widest = Math.Max(widest, layer.OutputCount);
        }

        OutputGradient = new double[capacity * stack.OutputCount];
        Upstream = new double[capacity * widest];
        _rowIn = new double[widest];
        _rowOut = new double[widest];
        _rowDerivative = new double[widest];
    }

    internal int Capacity { get; }

    /// <summary>The batch's input rows, row-major.</summary>
    internal double[] Input { get; }

    /// <summary>The batch's encoded targets, row-major, one value per output.</summary>
    internal double[] Target { get; }

    /// <summary>a of each layer.</summary>
    internal double[][] PreActivation { get; }

    /// <summary>z = f(a) of each layer.</summary>
    internal double[][] Output { get; }

    /// <summary>f′(a) of each scalar layer.</summary>
    internal double[][] Derivative { get; }

    /// <summary>∂L/∂a of each layer, filled by <see cref="Backward"/>.</summary>
    internal double[][] Delta { get; }

    /// <summary>∂L/∂z of the last layer, written by the caller before <see cref="Backward"/>.</summary>
    internal double[] OutputGradient { get; }

    internal double[][] WeightGradient { get; }

    internal double[][] BiasGradient { get; }

    /// <summary>∂L/∂x, when <see cref="Backward"/> is asked for it.</summary>
    internal double[] InputGradient { get; }

    private double[] Upstream { get; }

    /// <summary>Runs the first <paramref name="rows"/> rows of <see cref="Input"/> through every layer.</summary>
    internal void Forward(int rows)
    {
        double[] h = Input;
        for (int l = 0; l < _stack.Layers.Length; l++)
        {
            var layer = _stack.Layers[l];
            Affine(layer, h, PreActivation[l], rows);
            Activate(l, rows);
            h = Output[l];
        }
    }

    /// <summary>
    /// Backpropagates from the last layer. When <paramref name="gradientIsForPreActivation"/> the caller has
    /// already written ∂L/∂a of the last layer into its <see cref="Delta"/>; otherwise ∂L/∂z into
    /// <see cref="OutputGradient"/>. Leaves the gradients of every weight and bias summed over the rows.
    /// </summary>
    internal void Backward(int rows, bool gradientIsForPreActivation, bool computeInputGradient = false)
    {
        int last = _stack.Layers.Length - 1;
        if (!gradientIsForPreActivation)
        {
            ActivationBackward(last, OutputGradient, rows);
        }

        for (int l = last; l >= 0; l--)
        {
            var layer = _stack.Layers[l];
            double[] h = l == 0 ? Input : Output[l - 1];
            AccumulateGradient(layer, Delta[l], h, WeightGradient[l], BiasGradient[l], rows);
            if (l == 0 && !computeInputGradient)
            {
                break;
            }

            double[] upstream = l == 0 ? InputGradient : Upstream;
            PropagateDelta(layer, Delta[l], upstream, rows);
            if (l > 0)
            {
                ActivationBackward(l - 1, upstream, rows);
            }
        }
    }

    /// <summary>
    /// a = W·h + b for each row: Σ w_i·h_i left to right, then + b, exactly as Neuron.PreActivation. Four rows
    /// at a time, so that four independent sums keep the processor busy; each row's sum keeps its order.
    /// </summary>
    private static unsafe void Affine(DenseLayer layer, double[] input, double[] preActivation, int rows)
    {
        int inCount = layer.InputCount;
        int outCount = layer.OutputCount;
        fixed (double* w = layer.Weight, b = layer.Bias, h = input, a = preActivation)
        {
            int r = 0;
            for (; r + 4 <= rows; r += 4)
            {
                double* h0 = h + (r * inCount);
                double* h1 = h0 + inCount;
                double* h2 = h1 + inCount;
                double* h3 = h2 + inCount;
                double* a0 = a + (r * outCount);
                double* wRow = w;
                for (int o = 0; o < outCount; o++, wRow += inCount)
                {
                    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                    for (int i = 0; i < inCount; i++)
                    {
                        double weight = wRow[i];
                        s0 += weight * h0[i];
                        s1 += weight * h1[i];
                        s2 += weight * h2[i];
                        s3 += weight * h3[i];
                    }

                    double bias = b[o];
                    a0[o] = s0 + bias;
                    a0[outCount + o] = s1 + bias;
                    a0[(2 * outCount) + o] = s2 + bias;
                    a0[(3 * outCount) + o] = s3 + bias;
                }
            }

            for (; r < rows; r++)
            {
                double* hRow = h + (r * inCount);
                double* aRow = a + (r * outCount);
                double* wRow = w;
                for (int o = 0; o < outCount; o++, wRow += inCount)
                {
                    double sum = 0.0;
                    for (int i = 0; i < inCount; i++)
                    {
                        sum += wRow[i] * hRow[i];
                    }

                    aRow[o] = sum + b[o];
                }
            }
        }
    }

    /// <summary>
    /// ∂L/∂W = Σ_r δ_r·h_rᵀ and ∂L/∂b = Σ_r δ_r over the rows, each entry summed in registers with four
    /// partial sums (rows r, r+4, … in the first), not read and written back once per row.
    /// </summary>
    private static unsafe void AccumulateGradient(DenseLayer layer, double[] delta, double[] input, double[] weightGradient, double[] biasGradient, int rows)
    {
        int inCount = layer.InputCount;
        int outCount = layer.OutputCount;
        int blocked = rows - (rows % 4);
        fixed (double* gw = weightGradient, gb = biasGradient, d = delta, h = input)
        {
            for (int o = 0; o < outCount; o++)
            {
                double b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0;
                int r = 0;
                for (; r < blocked; r += 4)
                {
                    b0 += d[(r * outCount) + o];
                    b1 += d[((r + 1) * outCount) + o];
                    b2 += d[((r + 2) * outCount) + o];
                    b3 += d[((r + 3) * outCount) + o];
                }

                for (; r < rows; r++)
                {
                    b0 += d[(r * outCount) + o];
                }

                gb[o] = (b0 + b1) + (b2 + b3);
                double* gRow = gw + (o * inCount);
                for (int i = 0; i < inCount; i++)
                {
                    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
                    r = 0;
                    for (; r < blocked; r += 4)
                    {
                        s0 += d[(r * outCount) + o] * h[(r * inCount) + i];
                        s1 += d[((r + 1) * outCount) + o] * h[((r + 1) * inCount) + i];
                        s2 += d[((r + 2) * outCount) + o] * h[((r + 2) * inCount) + i];
                        s3 += d[((r + 3) * outCount) + o] * h[((r + 3) * inCount) + i];
                    }

                    for (; r < rows; r++)
                    {
                        s0 += d[(r * outCount) + o] * h[(r * inCount) + i];
                    }

                    gRow[i] = (s0 + s1) + (s2 + s3);
                }
            }
        }
    }

    /// <summary>∂L/∂h = Wᵀ·δ for each row, the gradient that flows into the layer's input.</summary>
    private static unsafe void PropagateDelta(DenseLayer layer, double[] delta, double[] upstream, int rows)
    {
        int inCount = layer.InputCount;
        int outCount = layer.OutputCount;
        Array.Clear(upstream, 0, rows * inCount);
        fixed (double* w = layer.Weight, d = delta, u = upstream)
        {
            for (int r = 0; r < rows; r++)
            {
                double* uRow = u + (r * inCount);
                double* dRow = d + (r * outCount);
                double* wRow = w;
                for (int o = 0; o < outCount; o++, wRow += inCount)
                {
                    double value = dRow[o];
                    for (int i = 0; i < inCount; i++)
                    {
                        uRow[i] += value * wRow[i];
                    }
                }
            }
        }
    }

    private void Activate(int l, int rows)
    {
        var layer = _stack.Layers[l];
        double[] a = PreActivation[l];
        double[] z = Output[l];
        double[] d = Derivative[l];
        int count = rows * layer.OutputCount;
        if (layer.Scalar is { } scalar)
        {
            switch (layer.Kind)
            {
                // The two commonest activations inline, with exactly the catalogue's formulas (a test holds them equal).
                case FastActivation.Identity:
                    Array.Copy(a, z, count);
                    for (int k = 0; k < count; k++)
                    {
                        d[k] = 1.0;
                    }

                    return;
                case FastActivation.ReLU:
                    for (int k = 0; k < count; k++)
                    {
                        double x = a[k];
                        bool positive = x > 0;
                        z[k] = positive ? x : 0.0;
                        d[k] = positive ? 1.0 : 0.0;
                    }

                    return;
                default:
                    for (int k = 0; k < count; k++)
                    {
                        z[k] = scalar.Value(a[k]);
                        d[k] = scalar.Derivative(a[k]);
                    }

                    return;
            }
        }

        int width = layer.OutputCount;

        // Boxed once per batch, not once per row.
        IReadOnlyList<double> rowIn = new ArraySegment<double>(_rowIn, 0, width);
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(a, r * width, _rowIn, 0, width);
            layer.Activation.Apply(rowIn, _rowOut, _rowDerivative);
            Array.Copy(_rowOut, 0, z, r * width, width);
        }
    }

    /// <summary>Turns ∂L/∂z of layer <paramref name="l"/> into ∂L/∂a, in its <see cref="Delta"/>.</summary>
    private void ActivationBackward(int l, double[] upstream, int rows)
    {
        var layer = _stack.Layers[l];
        double[] delta = Delta[l];
        int width = layer.OutputCount;
        if (layer.Scalar is not null)
        {
            double[] d = Derivative[l];
            int count = rows * width;
            for (int k = 0; k < count; k++)
            {
                delta[k] = upstream[k] * d[k];
            }

            return;
        }

        for (int r = 0; r < rows; r++)
        {
            VectorJacobian.Multiply(layer.Activation, Output[l], upstream, delta, r * width, width);
        }
    }
}
