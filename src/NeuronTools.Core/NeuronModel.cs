using System;
using System.Collections.Generic;

namespace NeuronTools;

/// <summary>
/// What every model of the module is: something that reads <see cref="InputCount"/> inputs (named, when
/// <see cref="InputName"/> is set) and gives <see cref="OutputCount"/> outputs. <see cref="Neuron"/>,
/// <see cref="NeuronLayer"/> and <see cref="NeuronNetwork"/> derive from it; what they have in common lives
/// here, what differs lives in the derived type. Immutable.
/// </summary>
/// <remarks>
/// A capability every model has (output names, a stored preprocessing step, a model card, a kind imported
/// from a file) is added here once, not switched on by type in each caller. Every kind shows itself to the
/// core's numerics as a <see cref="DenseStack"/> (a copy the caller may change) and is rebuilt from trained
/// parameters by <see cref="WithParameters"/>, so the trainer, the evaluator, the gradients and the ONNX
/// exporter work with any kind. Only the module's own assembly derives from this type.
/// </remarks>
public abstract class NeuronModel
{
    private protected NeuronModel()
    {
    }

    /// <summary>How many numbers one input row has.</summary>
    public abstract int InputCount { get; }

    /// <summary>How many numbers the model gives for one input row.</summary>
    public abstract int OutputCount { get; }

    public string? Name { get; private protected set; }

    /// <summary>The names of the inputs, in order, when the model reads named inputs; otherwise null.</summary>
    public IReadOnlyList<string>? InputName { get; private protected set; }

    /// <summary>How this model was trained, when Invoke-NeuronTraining made it; otherwise null.</summary>
    public TrainingHistory? TrainingHistory { get; private protected set; }

    /// <summary>What the model is called in messages: "neuron", "layer", "network".</summary>
    internal abstract string Noun { get; }

    /// <summary>The activation all of the model's neurons share, when it has exactly one; otherwise null.</summary>
    internal virtual ActivationFunction? SharedActivation => null;

    /// <summary>
    /// The model's dense layers in order, as the exporters and the core's numerics read them: arrays the
    /// model owns, never to be changed.
    /// </summary>
    internal abstract IReadOnlyList<DenseLayerView> DenseLayers { get; }

    /// <summary>A stack of the model's layers for training and gradients: a copy the caller may change.</summary>
    internal DenseStack ToStack()
    {
        var views = DenseLayers;
        var layers = new DenseLayer[views.Count];
        for (int l = 0; l < layers.Length; l++)
        {
            layers[l] = views[l].ToDenseLayer();
        }

        return new DenseStack(layers);
    }

    /// <summary>
    /// A new model of the same kind and names as this one, with the weights and biases of <paramref name="stack"/>
    /// (which has this model's shape and activations) and <paramref name="history"/>.
    /// </summary>
    internal abstract NeuronModel WithParameters(DenseStack stack, TrainingHistory? history);

    /// <summary>The gradients of output <paramref name="outputIndex"/> at one input vector (see <see cref="GradientCalculator"/>).</summary>
    internal abstract object Gradient(IReadOnlyList<double> input, int outputIndex, object? inputObject);

    /// <summary>Adds the model's "type" and its own fields to a model file's root object (see <see cref="ModelSerializer"/>).</summary>
    internal abstract void WriteJson(JsonObject root);

    /// <summary>
    /// True when <paramref name="value"/> is what this model was made from, so that it stands for the model
    /// rather than for an input: a network of one layer made from that layer.
    /// </summary>
    internal virtual bool IsMadeFrom(object? value) => false;

    /// <summary>What a cmdlet names in an error about this model: the model, or what was passed in its place.</summary>
    internal virtual object ErrorTarget => this;
}

/// <summary>One dense layer of a model as the exporters read it: weights [neuron][input], biases, activation.</summary>
internal sealed class DenseLayerView
{
    internal DenseLayerView(double[][] weight, double[] bias, ActivationFunction activation, string description, string nodePrefix)
    {
        Weight = weight;
        Bias = bias;
        Activation = activation;
        Description = description;
        NodePrefix = nodePrefix;
    }

    internal double[][] Weight { get; }

    internal double[] Bias { get; }

    internal ActivationFunction Activation { get; }

    /// <summary>How messages name the layer: "the neuron", "layer 1 (hidden)".</summary>
    internal string Description { get; }

    /// <summary>What an exported graph puts before the names of this layer's values ("layer0_"), or nothing.</summary>
    internal string NodePrefix { get; }

    /// <summary>The layer row-major, copied, as training updates it.</summary>
    internal DenseLayer ToDenseLayer()
    {
        int inputCount = Weight[0].Length;
        var weight = new double[Weight.Length * inputCount];
        for (int j = 0; j < Weight.Length; j++)
        {
            Array.Copy(Weight[j], 0, weight, j * inputCount, inputCount);
        }

        return new DenseLayer(weight, (double[])Bias.Clone(), inputCount, Activation);
    }
}

/// <summary>
/// What a model parameter holds when something that is not a model was passed to it, so that the cmdlet can
/// refuse it with the module's own error id (UnsupportedModel for -Model, UnsupportedModelType for a model to
/// save) instead of PowerShell's conversion error. Every use of it as a model throws that refusal.
/// </summary>
internal sealed class NotAModel : NeuronModel
{
    internal NotAModel(object? value, object? argument)
    {
        Value = value;
        Argument = argument;
    }

    /// <summary>What was passed, unwrapped from PowerShell's object wrapper.</summary>
    internal object? Value { get; }

    /// <summary>What was passed, as it was passed.</summary>
    internal object? Argument { get; }

    public override int InputCount => throw ModelErrors.UnsupportedModel(Value);

    public override int OutputCount => throw ModelErrors.UnsupportedModel(Value);

    internal override string Noun => throw ModelErrors.UnsupportedModel(Value);

    internal override IReadOnlyList<DenseLayerView> DenseLayers => throw ModelErrors.UnsupportedModel(Value);

    internal override object ErrorTarget => Argument!;

    internal override NeuronModel WithParameters(DenseStack stack, TrainingHistory? history) => throw ModelErrors.UnsupportedModel(Value);

    internal override object Gradient(IReadOnlyList<double> input, int outputIndex, object? inputObject) => throw ModelErrors.UnsupportedModel(Value);

    internal override void WriteJson(JsonObject root) => throw ModelErrors.UnsupportedModelType(Value);

    public override string ToString() => "not a model: " + ModelErrors.Describe(Value);
}

/// <summary>The refusals of something that is not a model.</summary>
internal static class ModelErrors
{
    /// <summary>"a System.Int32", or "$null".</summary>
    internal static string Describe(object? value) => value switch
    {
        NotAModel notAModel => Describe(notAModel.Value),
        null => "$null",
        _ => "a " + value.GetType().FullName,
    };

    /// <summary>A model to run, train or differentiate that is not one.</summary>
    internal static NeuronToolsException UnsupportedModel(object? value) => new(
        ErrorIds.UnsupportedModel,
        ErrorKind.InvalidArgument,
        $"-Model takes a neuron from New-Neuron or a network from New-NeuronNetwork, but {Describe(value)} arrived. Pass a NeuronTools.Neuron or NeuronTools.NeuronNetwork.");

    /// <summary>A model to save that is not one.</summary>
    internal static NeuronToolsException UnsupportedModelType(object? value) => new(
        ErrorIds.UnsupportedModelType,
        ErrorKind.InvalidArgument,
        $"Only a Neuron, NeuronLayer or NeuronNetwork can be saved, but {Describe(value)} was given. Build one with New-Neuron, New-NeuronLayer or New-NeuronNetwork.");
}
