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

    /// <summary>
    /// True for a lone BinaryStep neuron: it learns 0/1 targets with the perceptron rule, since the step's
    /// derivative is 0 everywhere. The one place that rule is decided.
    /// </summary>
    internal bool IsPerceptron => Layers.Length == 1 && OutputCount == 1 && OutputLayer.Activation.Name == "BinaryStep";

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

    // Transposed copies for the backward pass's matrix products, and a row of ones that sums δ for ∂L/∂b.
    private readonly double[] _deltaByOutput;
    private readonly double[] _inputByColumn;
    private readonly double[] _weightByInput;
    private readonly double[] _ones;

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
        int largestWeight = 0;
        foreach (var layer in stack.Layers)
        {
            largestWeight = Math.Max(largestWeight, layer.Weight.Length);
        }

        _deltaByOutput = new double[capacity * widest];
        _inputByColumn = new double[capacity * widest];
        _weightByInput = new double[largestWeight];
        _ones = new double[capacity];
        for (int r = 0; r < capacity; r++)
        {
            _ones[r] = 1.0;
        }

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
    /// a = W·h + b for each row: every a_o one dot product in <see cref="DotProduct"/>'s order, then + b, exactly
    /// as <see cref="Neuron"/> and <see cref="NeuronLayer"/> sum, so a batch gives the bits of row-by-row evaluation.
    /// </summary>
    private static void Affine(DenseLayer layer, double[] input, double[] preActivation, int rows) =>
        DotProduct.MultiplyTransposed(input, rows, layer.Weight, layer.OutputCount, layer.InputCount, preActivation, layer.Bias);

    /// <summary>
    /// ∂L/∂W = Σ_r δ_r·h_rᵀ and ∂L/∂b = Σ_r δ_r over the rows: δ and h are transposed so that each entry is one
    /// dot product over the rows, in <see cref="DotProduct"/>'s order, through the same blocked kernel as the
    /// forward pass.
    /// </summary>
    private void AccumulateGradient(DenseLayer layer, double[] delta, double[] input, double[] weightGradient, double[] biasGradient, int rows)
    {
        int inCount = layer.InputCount;
        int outCount = layer.OutputCount;
        Transpose(delta, rows, outCount, _deltaByOutput);
        Transpose(input, rows, inCount, _inputByColumn);
        DotProduct.MultiplyTransposed(_deltaByOutput, outCount, _inputByColumn, inCount, rows, weightGradient, null);
        DotProduct.MultiplyTransposed(_deltaByOutput, outCount, _ones, 1, rows, biasGradient, null);
    }

    /// <summary>∂L/∂h = Wᵀ·δ for each row, the gradient that flows into the layer's input.</summary>
    private void PropagateDelta(DenseLayer layer, double[] delta, double[] upstream, int rows)
    {
        Transpose(layer.Weight, layer.OutputCount, layer.InputCount, _weightByInput);
        DotProduct.MultiplyTransposed(delta, rows, _weightByInput, layer.InputCount, layer.OutputCount, upstream, null);
    }

    /// <summary>target[c, r] = source[r, c] for a row-major <paramref name="rows"/> × <paramref name="columns"/> source.</summary>
    private static void Transpose(double[] source, int rows, int columns, double[] target)
    {
        for (int r = 0; r < rows; r++)
        {
            int from = r * columns;
            for (int c = 0; c < columns; c++)
            {
                target[(c * rows) + r] = source[from + c];
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
