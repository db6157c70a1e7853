using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>Exact gradients of a model's output with respect to its inputs and parameters, for what-if questions.</summary>
public static class GradientCalculator
{
    /// <summary>The gradients of a neuron's output z at one input vector.</summary>
    public static NeuronGradient Compute(Neuron neuron, IReadOnlyList<double> input, object? inputObject = null)
    {
        if (neuron is null)
        {
            throw new System.ArgumentNullException(nameof(neuron));
        }

        var output = neuron.Evaluate(input);
        double derivative = output.Derivative;
        int n = neuron.InputCount;
        var inputGradient = new double[n];
        var weightGradient = new double[n];
        for (int i = 0; i < n; i++)
        {
            // + 0.0 turns the −0 of a zero derivative times a negative number into 0, which reads better.
            inputGradient[i] = (derivative * neuron.Weight[i]) + 0.0;
            weightGradient[i] = (derivative * output.Input[i]) + 0.0;
        }

        var copy = output.Input.ToArray();
        return new NeuronGradient(copy, output.PreActivation, output.Output, derivative, inputGradient, weightGradient, output.Activation, neuron.InputName, inputObject);
    }

    /// <summary>
    /// The gradients of output <paramref name="outputIndex"/> of any model at one input vector: a
    /// <see cref="NeuronGradient"/> for a neuron, a <see cref="NetworkGradient"/> for a network or a layer.
    /// </summary>
    public static object Compute(NeuronModel model, IReadOnlyList<double> input, int outputIndex = 0, object? inputObject = null)
    {
        if (model is null)
        {
            throw new ArgumentNullException(nameof(model));
        }

        CheckOutputIndex(outputIndex, model.OutputCount);
        return model.Gradient(input, outputIndex, inputObject);
    }

    /// <summary>Refuses an output index that is not one of the model's outputs, 0 to <paramref name="outputCount"/> − 1.</summary>
    internal static void CheckOutputIndex(int outputIndex, int outputCount)
    {
        if (outputIndex < 0 || outputIndex >= outputCount)
        {
            throw new NeuronToolsException(
                ErrorIds.InvalidOutputIndex,
                ErrorKind.InvalidArgument,
                FormattableString.Invariant($"-OutputIndex is {outputIndex}, but the model's outputs are numbered 0 to {outputCount - 1}. Give one of those."));
        }
    }

    /// <summary>The gradients of output <paramref name="outputIndex"/> of a network at one input vector.</summary>
    public static NetworkGradient Compute(NeuronNetwork network, IReadOnlyList<double> input, int outputIndex = 0, object? inputObject = null)
    {
        if (network is null)
        {
            throw new ArgumentNullException(nameof(network));
        }

        double[] x = input?.ToArray() ?? throw new ArgumentNullException(nameof(input));
        ModelChecks.Input(x, network.InputCount, "network", "input");
        var gradient = ComputeStack(network.ToStack(), x, outputIndex);
        for (int l = 0; l < gradient.LayerOutput.Length; l++)
        {
            foreach (double z in gradient.LayerOutput[l])
            {
                if (!Neuron.IsFinite(z))
                {
                    throw new NeuronToolsException(
                        ErrorIds.NonFiniteResult,
                        ErrorKind.InvalidResult,
                        FormattableString.Invariant($"The inputs are finite but layer {l} of the network gives a non-finite output. The result overflowed the range of a double (about ±1.8e308); scale the inputs or weights down."));
                }
            }
        }

        return new NetworkGradient(network, x, outputIndex, gradient, inputObject);
    }

    /// <summary>
    /// ∂z_k/∂x, ∂z_k/∂W and ∂z_k/∂b of output <paramref name="outputIndex"/> of a stack, by backpropagation:
    /// the outputs of every layer, then the gradients, each weight matrix row-major [output, input].
    /// </summary>
    internal static StackGradient ComputeStack(DenseStack stack, double[] input, int outputIndex)
    {
        CheckOutputIndex(outputIndex, stack.OutputCount);

        foreach (var layer in stack.Layers)
        {
            if (!VectorJacobian.Supports(layer.Activation))
            {
                throw VectorJacobian.NotSupported(layer.Activation);
            }
        }

        var workspace = new DenseWorkspace(stack, 1);
        Array.Copy(input, workspace.Input, input.Length);
        workspace.Forward(1);
        int last = stack.Layers.Length - 1;
        workspace.OutputGradient[outputIndex] = 1.0;
        workspace.Backward(1, gradientIsForPreActivation: false, computeInputGradient: true);
        var outputs = new double[stack.Layers.Length][];
        for (int l = 0; l <= last; l++)
        {
            outputs[l] = (double[])workspace.Output[l].Clone();
        }

        return new StackGradient(
            outputs,
            (double[])workspace.InputGradient.Clone(),
            workspace.WeightGradient.Select(g => (double[])g.Clone()).ToArray(),
            workspace.BiasGradient.Select(g => (double[])g.Clone()).ToArray());
    }
}

/// <summary>The result of <see cref="GradientCalculator.ComputeStack"/>.</summary>
internal sealed class StackGradient
{
    internal StackGradient(double[][] layerOutput, double[] inputGradient, double[][] weightGradient, double[][] biasGradient)
    {
        LayerOutput = layerOutput;
        InputGradient = inputGradient;
        WeightGradient = weightGradient;
        BiasGradient = biasGradient;
    }

    /// <summary>z of every layer; the last is the model's output.</summary>
    internal double[][] LayerOutput { get; }

    internal double[] InputGradient { get; }

    internal double[][] WeightGradient { get; }

    internal double[][] BiasGradient { get; }
}
