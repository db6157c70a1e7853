using System;
using System.Collections.Generic;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// Reads an ONNX model into a NeuronTools model: a <see cref="Neuron"/> for one dense output unit, else a
/// <see cref="NeuronNetwork"/>. Float32 weights and attributes are widened to doubles exactly; a graph that is not
/// a dense chain is refused with UnsupportedOnnxGraph or UnsupportedOnnxOperator, a damaged file with InvalidModelFile.
/// </summary>
internal static class OnnxImporter
{
    internal static NeuronModel Import(byte[] data, string description, ModelReadOptions options)
    {
        var source = new ProtoSource(description, options.MaximumDepth);
        var file = OnnxFile.Read(data, source);
        var chain = OnnxRecognizer.Recognize(file, source);
        return Build(chain, file, source);
    }

    /// <summary>The recognised chain without building a model: what the tests compare with the producing framework.</summary>
    internal static OnnxChain Recognize(byte[] data, string description, ModelReadOptions options)
    {
        var source = new ProtoSource(description, options.MaximumDepth);
        return OnnxRecognizer.Recognize(OnnxFile.Read(data, source), source);
    }

    private static NeuronModel Build(OnnxChain chain, OnnxFile file, ProtoSource source)
    {
        // Stored scaling and class labels belong to the model type of the tabular-data work; until a model can
        // hold them, importing such a graph without them would score raw rows wrongly, so it is refused.
        if (chain.Scaling is not null)
        {
            throw Unsupported(source, "it scales its inputs before the first dense step (a Scaler, or Sub and Div), and a NeuronTools model cannot store input scaling yet. Export the network without the scaler (scikit-learn: convert the classifier or regressor alone, not the Pipeline) and scale the columns before scoring");
        }

        if (chain.ClassLabel is not null)
        {
            throw Unsupported(source, "it outputs class labels (" + string.Join(", ", chain.ClassLabel.Take(5)) + (chain.ClassLabel.Count > 5 ? ", …" : string.Empty) + "), and a NeuronTools model cannot store class labels yet. Export a graph that ends at the probabilities, and map PredictedIndex to the classes in that order");
        }

        var metadata = OnnxMetadata.Read(file, source);
        var layers = chain.Layers.ToList();
        if (metadata.Activation is not null && metadata.Activation.Count == layers.Count)
        {
            for (int i = 0; i < layers.Count; i++)
            {
                var exact = OnnxMetadata.ExactActivation(metadata.Activation[i], layers[i].Activation);
                if (exact is not null)
                {
                    layers[i] = NeuronLayer.FromOwned(layers[i].WeightRows, layers[i].BiasValues, exact, null);
                }
            }
        }

        // A file from elsewhere has a plain [batch, n] input: its columns are x1..xn, so CSV rows with those headers bind.
        // A NeuronTools file says its own names, or that it had none.
        IReadOnlyList<string>? inputName = metadata.InputName is not null && metadata.InputName.Count == chain.InputCount ? metadata.InputName
            : file.ProducerName == OnnxMetadata.Producer ? null
            : Enumerable.Range(1, chain.InputCount).Select(i => "x" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        try
        {
            if (layers.Count == 1 && layers[0].NeuronCount == 1 && layers[0].Activation is ScalarActivation scalar)
            {
                return new Neuron(layers[0].WeightRows[0], layers[0].BiasValues[0], scalar, metadata.Name, inputName);
            }

            return new NeuronNetwork(layers, metadata.Name, inputName);
        }
        catch (NeuronToolsException exception)
        {
            throw source.Invalid("its weights or names do not make a valid model (" + exception.Message + ")");
        }
    }

    private static NeuronToolsException Unsupported(ProtoSource source, string problem) => new(
        ErrorIds.UnsupportedOnnxGraph,
        ErrorKind.InvalidData,
        $"{source.Description} is an ONNX model this module cannot import: {problem}.");
}

/// <summary>
/// The metadata_props NeuronTools writes beside the graph: the model's name, its input names and each layer's exact
/// activation specification. The importer trusts them only where the graph agrees.
/// </summary>
internal static class OnnxMetadata
{
    internal const string Producer = "NeuronTools";
    private const string NameKey = "NeuronTools.Name";
    private const string InputNameKey = "NeuronTools.InputName";
    private const string ActivationKey = "NeuronTools.Activation";

    /// <summary>The points where a stored specification must agree with the function the graph computes.</summary>
    private static readonly double[] s_probes = { -50, -20, -6, -3.5, -3, -2.5, -1, -0.75, -0.5, -0.25, -0.1, 0, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 3, 3.5, 6, 20, 50 };

    internal static IEnumerable<(string Key, string Value)> Write(string? name, IReadOnlyList<string>? inputName, IReadOnlyList<string> activation)
    {
        if (name is not null)
        {
            yield return (NameKey, name);
        }

        if (inputName is not null)
        {
            yield return (InputNameKey, JsonList(inputName));
        }

        yield return (ActivationKey, JsonList(activation));
    }

    internal static (string? Name, IReadOnlyList<string>? InputName, IReadOnlyList<string>? Activation) Read(OnnxFile file, ProtoSource source)
    {
        if (file.ProducerName != Producer)
        {
            return (null, null, null);
        }

        file.Metadata.TryGetValue(NameKey, out string? name);
        return (name, List(file, InputNameKey, source), List(file, ActivationKey, source));
    }

    /// <summary>
    /// The stored specification's function when it is the one the graph computes up to float32 rounding (LeakyReLU's
    /// slope 0.2 rather than the attribute's 0.20000000298…); null when it is not, and the graph's function stays.
    /// </summary>
    internal static ActivationFunction? ExactActivation(string specification, ActivationFunction recognised)
    {
        ActivationFunction stored;
        try
        {
            stored = ActivationCatalog.Create(specification);
        }
        catch (NeuronToolsException)
        {
            return null;
        }

        if (stored.IsVector || recognised.IsVector)
        {
            return stored.Specification == recognised.Specification ? stored : null;
        }

        var a = (ScalarActivation)stored;
        var b = (ScalarActivation)recognised;
        foreach (double x in s_probes)
        {
            double expected = b.Value(x);
            double actual = a.Value(x);
            if (!(Math.Abs(expected - actual) <= 1e-6 * Math.Max(1.0, Math.Abs(expected))))
            {
                return null;
            }
        }

        return stored;
    }

    private static string JsonList(IReadOnlyList<string> values) =>
        JsonWriter.ToText(new JsonArray(values.Select(v => (JsonNode)new JsonString(v)).ToList()), compress: true);

    private static IReadOnlyList<string>? List(OnnxFile file, string key, ProtoSource source)
    {
        if (!file.Metadata.TryGetValue(key, out string? text))
        {
            return null;
        }

        JsonNode node;
        try
        {
            node = JsonParser.Parse(text, text.Length, 4, "The metadata " + key);
        }
        catch (NeuronToolsException exception)
        {
            throw source.Invalid("its metadata " + key + " is not a JSON list (" + exception.Message + ")");
        }

        if (node is not JsonArray array)
        {
            throw source.Invalid("its metadata " + key + " is not a JSON list");
        }

        var values = new List<string>();
        for (int i = 0; i < array.Count; i++)
        {
            values.Add(array[i] is JsonString s ? s.Value : throw source.Invalid("its metadata " + key + " holds something other than text"));
        }

        return values;
    }
}
