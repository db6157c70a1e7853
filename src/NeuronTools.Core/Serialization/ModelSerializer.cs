using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NeuronTools;

/// <summary>
/// Converts models to and from the NeuronTools model JSON, schema version 1 (documented in
/// about_NeuronTools_FileFormat). Reading builds only the module's own types from plain JSON data:
/// no type named by the file is ever looked up, and nothing in a file is executed.
/// </summary>
internal static class ModelSerializer
{
    internal const string FormatMarker = "NeuronTools.Model";

    /// <summary>
    /// The newest schema version this module reads. Version 2 adds a model's stored "preprocessing" and its
    /// "classLabel"; a model without either is written as version 1, which every earlier reader reads.
    /// </summary>
    internal const int SchemaVersion = 2;

    /// <summary>The fields of schema version 2 that any model may have, beside its own.</summary>
    private static readonly string[] s_schemaFields = { PreprocessingJson.Field, "classLabel" };

    internal const string NeuronType = "Neuron";
    internal const string LayerType = "NeuronLayer";
    internal const string NetworkType = "NeuronNetwork";

    private static readonly string[] s_types = { NeuronType, LayerType, NetworkType };

    private static readonly string[] s_header = { "format", "schemaVersion", "type", "description" };

    private static readonly string[] s_neuronFields = { "name", "inputCount", "inputName", "weight", "bias", "activation", "trainingHistory" };

    private static readonly string[] s_layerFields = { "name", "inputCount", "neuronCount", "weight", "bias", "activation" };

    private static readonly string[] s_networkFields = { "name", "inputCount", "inputName", "layers", "trainingHistory" };

    private static readonly string[] s_historyFields = { "loss", "optimizer", "learningRate", "batchSize", "seed", "trainingRowCount", "validationRowCount", "stopped", "epochs" };

    private static readonly string[] s_epochFields = { "epoch", "loss", "validationLoss", "accuracy", "validationAccuracy" };

    /// <summary>False for what a model parameter holds in place of something that is not a model.</summary>
    internal static bool IsModel(NeuronModel model) => model is not NotAModel;

    internal static JsonObject ToJson(NeuronModel model)
    {
        bool hasSchema = model.Preprocessing is not null || model.ClassLabel is not null;
        var root = new JsonObject()
            .Add("format", new JsonString(FormatMarker))
            .Add("schemaVersion", new JsonNumber(hasSchema ? SchemaVersion : 1));
        model.WriteJson(root);
        if (model.Preprocessing is not null)
        {
            root.Add(PreprocessingJson.Field, PreprocessingJson.Write(model.Preprocessing));
        }

        if (model.ClassLabel is not null)
        {
            root.Add("classLabel", StringArray(model.ClassLabel));
        }

        return root;
    }

    internal static string ToJsonText(NeuronModel model, bool compress) => JsonWriter.ToText(ToJson(model), compress);

    /// <summary>Reads a model from JSON text; <paramref name="source"/> names the text in messages.</summary>
    internal static NeuronModel Read(TextReader reader, ModelReadOptions options, string source)
    {
        var root = JsonParser.Parse(reader, options.MaximumSize, Math.Min(options.MaximumDepth, ModelReadOptions.DepthCeiling), source);
        return FromJson(root, source);
    }

    internal static NeuronModel FromJsonText(string text, ModelReadOptions options, string source)
    {
        if (text.Length > options.MaximumSize)
        {
            throw TooLarge(source, text.Length, "characters", options.MaximumSize);
        }

        using var reader = new StringReader(text);
        return Read(reader, options, source);
    }

    internal static NeuronToolsException TooLarge(string source, long size, string unit, long limit) => new(
        ErrorIds.ModelFileTooLarge,
        ErrorKind.LimitsExceeded,
        FormattableString.Invariant($"{source} is {size} {unit} long, more than the limit of {limit}, so it was refused before being read. If it is a model you trust, raise -MaximumSize."));

    internal static NeuronModel FromJson(JsonNode rootNode, string source)
    {
        var fields = new ModelFieldReader(source);
        if (rootNode is not JsonObject root)
        {
            throw fields.Invalid(string.Empty, rootNode, $"must be an object with \"format\": \"{FormatMarker}\", but the file holds {rootNode.Describe()}. Is this a NeuronTools model file?");
        }

        if (!root.TryGet("format", out var formatNode))
        {
            throw fields.Invalid("format", root, $"is missing, so this is not a NeuronTools model file: a model file has \"format\": \"{FormatMarker}\".");
        }

        if (formatNode is not JsonString { Value: FormatMarker })
        {
            throw fields.Invalid("format", formatNode, $"must be \"{FormatMarker}\", but it is {formatNode.Describe()}. This is not a NeuronTools model file.");
        }

        int version = fields.Count(root, string.Empty, "schemaVersion", 1);
        if (version > SchemaVersion)
        {
            throw new NeuronToolsException(
                ErrorIds.UnsupportedSchemaVersion,
                ErrorKind.InvalidData,
                FormattableString.Invariant($"{source} has schema version {version}, but this version of NeuronTools reads schema version {SchemaVersion} and older. Update the NeuronTools module to read it."));
        }

        var typeNode = fields.Required(root, string.Empty, "type");
        string type = fields.String(typeNode, "type");
        if (!s_types.Contains(type, StringComparer.Ordinal))
        {
            throw fields.Invalid("type", typeNode, $"must be one of {string.Join(", ", s_types)}, but it is \"{Wording.Quote(type)}\".");
        }

        fields.OptionalString(root, string.Empty, "description");
        var header = version >= 2 ? s_header.Concat(s_schemaFields).ToArray() : s_header;
        try
        {
            NeuronModel model;
            switch (type)
            {
                case NeuronType:
                    fields.OnlyKnownFields(root, string.Empty, "a " + type, header.Concat(s_neuronFields).ToArray());
                    model = ReadNeuron(fields, root, string.Empty);
                    break;
                case LayerType:
                    fields.OnlyKnownFields(root, string.Empty, "a " + type, header.Concat(s_layerFields).ToArray());
                    model = ReadLayer(fields, root, string.Empty);
                    break;
                default:
                    fields.OnlyKnownFields(root, string.Empty, "a " + type, header.Concat(s_networkFields).ToArray());
                    model = ReadNetwork(fields, root, string.Empty);
                    break;
            }

            var preprocessing = PreprocessingJson.Read(fields, root, string.Empty);
            string[]? classLabel = fields.Optional(root, "classLabel") is { } labelsNode ? Strings(fields, labelsNode, "classLabel") : null;
            return preprocessing is null && classLabel is null ? model : model.WithSchema(preprocessing, classLabel, model.TrainingHistory);
        }
        catch (NeuronToolsException exception) when (exception.ErrorId != ErrorIds.InvalidModelFile)
        {
            // A rule of the model itself (duplicate input names, say): still a file that cannot be read.
            throw new NeuronToolsException(ErrorIds.InvalidModelFile, ErrorKind.InvalidData, $"{source} is not a valid model: {exception.Message}", exception);
        }
    }

    private static string[] Strings(ModelFieldReader fields, JsonNode node, string path)
    {
        var array = fields.Array(node, path);
        var values = new string[array.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = fields.String(array[i], ModelFieldReader.Element(path, i));
        }

        return values;
    }

    internal static void WriteNeuron(JsonObject root, Neuron neuron)
    {
        root.Add("type", new JsonString(NeuronType));
        WriteNeuronFields(root, neuron);
    }

    internal static void WriteLayer(JsonObject root, NeuronLayer layer)
    {
        root.Add("type", new JsonString(LayerType));
        WriteLayerFields(root, layer);
    }

    internal static void WriteNetwork(JsonObject root, NeuronNetwork network)
    {
        root.Add("type", new JsonString(NetworkType));
        WriteNetworkFields(root, network);
    }

    private static void WriteNeuronFields(JsonObject target, Neuron neuron)
    {
        target.Add("name", neuron.Name is null ? JsonLiteral.Null : new JsonString(neuron.Name));
        target.Add("inputCount", new JsonNumber(neuron.InputCount));
        if (neuron.InputName is not null)
        {
            target.Add("inputName", StringArray(neuron.InputName));
        }

        target.Add("weight", new JsonArray(neuron.Weight.ToArray()));
        target.Add("bias", new JsonNumber(neuron.Bias));
        target.Add("activation", WriteActivation(neuron.Activation));
        if (neuron.TrainingHistory is not null)
        {
            target.Add("trainingHistory", WriteHistory(neuron.TrainingHistory));
        }
    }

    private static Neuron ReadNeuron(ModelFieldReader fields, JsonObject value, string path)
    {
        string? name = fields.OptionalString(value, path, "name");
        int inputCount = fields.Count(value, path, "inputCount", 1);
        string[]? inputName = fields.OptionalStrings(value, path, "inputName", inputCount, "inputCount is");
        double[] weight = fields.FiniteNumbers(fields.Required(value, path, "weight"), ModelFieldReader.Member(path, "weight"), inputCount, "inputCount is");
        double bias = fields.FiniteNumber(value, path, "bias");
        var activation = ReadActivation(fields, fields.Required(value, path, "activation"), ModelFieldReader.Member(path, "activation"));
        if (activation is not ScalarActivation scalar)
        {
            throw fields.Invalid(ModelFieldReader.Member(path, "activation.name"), null, $"is {activation.Name}, which works on a whole vector of pre-activations; a single neuron needs a scalar activation.");
        }

        var history = ReadHistory(fields, value, path);
        return new Neuron(weight, bias, scalar, name, inputName, history);
    }

    private static void WriteLayerFields(JsonObject target, NeuronLayer layer)
    {
        target.Add("name", layer.Name is null ? JsonLiteral.Null : new JsonString(layer.Name));
        target.Add("inputCount", new JsonNumber(layer.InputCount));
        target.Add("neuronCount", new JsonNumber(layer.NeuronCount));
        target.Add("weight", new JsonArray(layer.Weight.Select(row => (JsonNode)new JsonArray(row.ToArray())).ToList()));
        target.Add("bias", new JsonArray(layer.Bias.ToArray()));
        target.Add("activation", WriteActivation(layer.Activation));
    }

    private static NeuronLayer ReadLayer(ModelFieldReader fields, JsonObject value, string path)
    {
        string? name = fields.OptionalString(value, path, "name");
        int inputCount = fields.Count(value, path, "inputCount", 1);
        int neuronCount = fields.Count(value, path, "neuronCount", 1);
        string weightPath = ModelFieldReader.Member(path, "weight");
        var weightNode = fields.Array(fields.Required(value, path, "weight"), weightPath);
        if (weightNode.Count != neuronCount)
        {
            throw fields.Invalid(weightPath, weightNode, FormattableString.Invariant($"has {Wording.Count(weightNode.Count, "row")}, but neuronCount is {neuronCount}; give one row of weights per neuron."));
        }

        var weight = new double[neuronCount][];
        for (int j = 0; j < neuronCount; j++)
        {
            weight[j] = fields.FiniteNumbers(weightNode[j], ModelFieldReader.Element(weightPath, j), inputCount, "inputCount is");
        }

        double[] bias = fields.FiniteNumbers(fields.Required(value, path, "bias"), ModelFieldReader.Member(path, "bias"), neuronCount, "neuronCount is");
        var activation = ReadActivation(fields, fields.Required(value, path, "activation"), ModelFieldReader.Member(path, "activation"));
        return NeuronLayer.FromOwned(weight, bias, activation, name);
    }

    private static void WriteNetworkFields(JsonObject target, NeuronNetwork network)
    {
        target.Add("name", network.Name is null ? JsonLiteral.Null : new JsonString(network.Name));
        target.Add("inputCount", new JsonNumber(network.InputCount));
        if (network.InputName is not null)
        {
            target.Add("inputName", StringArray(network.InputName));
        }

        var layers = new List<JsonNode>();
        foreach (var layer in network.Layers)
        {
            var layerObject = new JsonObject();
            WriteLayerFields(layerObject, layer);
            layers.Add(layerObject);
        }

        target.Add("layers", new JsonArray(layers));
        if (network.TrainingHistory is not null)
        {
            target.Add("trainingHistory", WriteHistory(network.TrainingHistory));
        }
    }

    private static NeuronNetwork ReadNetwork(ModelFieldReader fields, JsonObject value, string path)
    {
        string? name = fields.OptionalString(value, path, "name");
        int inputCount = fields.Count(value, path, "inputCount", 1);
        string[]? inputName = fields.OptionalStrings(value, path, "inputName", inputCount, "inputCount is");
        string layersPath = ModelFieldReader.Member(path, "layers");
        var layersNode = fields.Array(fields.Required(value, path, "layers"), layersPath);
        if (layersNode.Count == 0)
        {
            throw fields.Invalid(layersPath, layersNode, "is empty; a network has at least one layer.");
        }

        var layers = new NeuronLayer[layersNode.Count];
        int expectedInputs = inputCount;
        for (int i = 0; i < layers.Length; i++)
        {
            string layerPath = ModelFieldReader.Element(layersPath, i);
            var layerObject = fields.Object(layersNode[i], layerPath);
            fields.OnlyKnownFields(layerObject, layerPath, "a layer", s_layerFields);
            layers[i] = ReadLayer(fields, layerObject, layerPath);
            if (layers[i].InputCount != expectedInputs)
            {
                string source = i == 0 ? "the network's inputCount is" : FormattableString.Invariant($"layers[{i - 1}] has neuronCount");
                throw fields.Invalid(ModelFieldReader.Member(layerPath, "inputCount"), layerObject, FormattableString.Invariant($"is {layers[i].InputCount}, but {source} {expectedInputs}; each layer reads the outputs of the one before."));
            }

            expectedInputs = layers[i].NeuronCount;
        }

        return new NeuronNetwork(layers, name, inputName, ReadHistory(fields, value, path));
    }

    /// <summary>
    /// The history as columns, one array per measure with an entry per epoch, so a long run stays short
    /// to read. A loss that was not a finite number (a diverged run) is written as null and read as NaN.
    /// </summary>
    private static JsonObject WriteHistory(TrainingHistory history)
    {
        var epochs = history.Epoch;
        JsonNode Column(Func<TrainingEpoch, double?> measure)
        {
            if (epochs.All(e => measure(e) is null))
            {
                return JsonLiteral.Null;
            }

            return new JsonArray(epochs.Select(e => measure(e) is double v && Neuron.IsFinite(v) ? (JsonNode)new JsonNumber(v) : JsonLiteral.Null).ToList());
        }

        return new JsonObject()
            .Add("loss", new JsonString(history.Loss.ToString()))
            .Add("optimizer", new JsonString(history.Optimizer.ToString()))
            .Add("learningRate", new JsonNumber(history.LearningRate))
            .Add("batchSize", new JsonNumber(history.BatchSize))
            .Add("seed", new JsonNumber(history.Seed))
            .Add("trainingRowCount", new JsonNumber(history.TrainingRowCount))
            .Add("validationRowCount", new JsonNumber(history.ValidationRowCount))
            .Add("stopped", JsonLiteral.Boolean(history.Stopped))
            .Add("epochs", new JsonObject()
                .Add("epoch", new JsonArray(epochs.Select(e => (double)e.Epoch).ToArray()))
                .Add("loss", new JsonArray(epochs.Select(e => Neuron.IsFinite(e.Loss) ? (JsonNode)new JsonNumber(e.Loss) : JsonLiteral.Null).ToList()))
                .Add("validationLoss", Column(e => e.ValidationLoss))
                .Add("accuracy", Column(e => e.Accuracy))
                .Add("validationAccuracy", Column(e => e.ValidationAccuracy)));
    }

    private static TrainingHistory? ReadHistory(ModelFieldReader fields, JsonObject owner, string ownerPath)
    {
        if (fields.Optional(owner, "trainingHistory") is not { } node)
        {
            return null;
        }

        string path = ModelFieldReader.Member(ownerPath, "trainingHistory");
        var value = fields.Object(node, path);
        fields.OnlyKnownFields(value, path, "a training history", s_historyFields);
        var loss = fields.EnumName<LossFunction>(value, path, "loss");
        var optimizer = fields.EnumName<Optimizer>(value, path, "optimizer");
        double learningRate = fields.FiniteNumber(value, path, "learningRate");
        int batchSize = fields.Count(value, path, "batchSize", 0);
        int seed = fields.Integer(fields.Required(value, path, "seed"), ModelFieldReader.Member(path, "seed"));
        int trainingRows = fields.Count(value, path, "trainingRowCount", 0);
        int validationRows = fields.Count(value, path, "validationRowCount", 0);
        bool stopped = fields.Optional(value, "stopped") is { } stoppedNode && fields.Boolean(stoppedNode, ModelFieldReader.Member(path, "stopped"));

        string epochsPath = ModelFieldReader.Member(path, "epochs");
        var epochs = fields.Object(fields.Required(value, path, "epochs"), epochsPath);
        fields.OnlyKnownFields(epochs, epochsPath, "the epochs of a training history", s_epochFields);
        string numberPath = ModelFieldReader.Member(epochsPath, "epoch");
        var numbers = fields.Array(fields.Required(epochs, epochsPath, "epoch"), numberPath);
        int count = numbers.Count;
        var epochNumbers = new int[count];
        for (int i = 0; i < count; i++)
        {
            epochNumbers[i] = fields.Count(numbers[i], ModelFieldReader.Element(numberPath, i), 1);
        }

        double?[]? Column(string key, bool required)
        {
            string columnPath = ModelFieldReader.Member(epochsPath, key);
            if (fields.Optional(epochs, key) is not { } column)
            {
                return required ? throw fields.Invalid(columnPath, epochs, "is missing.") : null;
            }

            var array = fields.Array(column, columnPath);
            if (array.Count != count)
            {
                throw fields.Invalid(columnPath, array, FormattableString.Invariant($"has {Wording.Count(array.Count, "value")}, but epochs.epoch has {count}; give one per epoch."));
            }

            var values = new double?[count];
            for (int i = 0; i < count; i++)
            {
                values[i] = array[i].Kind == JsonKind.Null ? double.NaN : fields.FiniteNumber(array[i], ModelFieldReader.Element(columnPath, i));
            }

            return values;
        }

        var losses = Column("loss", required: true)!;
        var validationLosses = Column("validationLoss", required: false);
        var accuracies = Column("accuracy", required: false);
        var validationAccuracies = Column("validationAccuracy", required: false);
        var entries = new TrainingEpoch[count];
        for (int i = 0; i < count; i++)
        {
            entries[i] = new TrainingEpoch(epochNumbers[i], losses[i]!.Value, validationLosses?[i], accuracies?[i], validationAccuracies?[i]);
        }

        return new TrainingHistory(loss, optimizer, learningRate, batchSize, seed, trainingRows, validationRows, entries, stopped);
    }

    internal static JsonArray StringArray(IEnumerable<string> values) =>
        new(values.Select(v => (JsonNode)new JsonString(v)).ToList());

    internal static JsonObject WriteActivation(ActivationFunction activation)
    {
        var parameters = new JsonObject();
        var definitions = activation.Definition.Parameters;
        var values = activation.Arguments.Values;
        for (int i = 0; i < definitions.Count; i++)
        {
            parameters.Add(definitions[i].Name, values[i] is double number ? new JsonNumber(number) : new JsonString((string)values[i]));
        }

        return new JsonObject()
            .Add("name", new JsonString(activation.Name))
            .Add("parameters", parameters);
    }

    internal static ActivationFunction ReadActivation(ModelFieldReader fields, JsonNode node, string path)
    {
        var value = fields.Object(node, path);
        fields.OnlyKnownFields(value, path, "an activation", "name", "parameters");
        string namePath = ModelFieldReader.Member(path, "name");
        var nameNode = fields.Required(value, path, "name");
        string name = fields.String(nameNode, namePath);
        if (!ActivationCatalog.TryFind(name, out var definition))
        {
            var suggestions = ActivationCatalog.Suggest(name);
            string hint = suggestions.Count > 0 ? " Did you mean " + string.Join(", ", suggestions.Select(s => "'" + s + "'")) + "?" : string.Empty;
            throw fields.Invalid(namePath, nameNode, $"names the activation '{Wording.Quote(name)}', which this module does not know.{hint} Get-Activation lists the known ones.");
        }

        string parametersPath = ModelFieldReader.Member(path, "parameters");
        var given = fields.Optional(value, "parameters") is { } parametersNode
            ? fields.Object(parametersNode, parametersPath)
            : new JsonObject();
        var parameters = definition.Parameters;
        fields.OnlyKnownFields(given, parametersPath, "the parameters of " + definition.Name, parameters.Select(p => p.Name).ToArray());

        var bound = new object[parameters.Count];
        for (int i = 0; i < parameters.Count; i++)
        {
            var parameter = parameters[i];
            string parameterPath = ModelFieldReader.Member(parametersPath, parameter.Name);
            if (!given.TryGet(parameter.Name, out var parameterNode))
            {
                bound[i] = parameter.Default ?? throw fields.Invalid(parameterPath, given, $"is missing; {definition.Name} needs it ({parameter.Allowed}).");
                continue;
            }

            if (parameter.Choices is { } choices)
            {
                string choice = fields.String(parameterNode, parameterPath);
                bound[i] = choices.FirstOrDefault(c => string.Equals(c, choice, StringComparison.OrdinalIgnoreCase))
                    ?? throw fields.Invalid(parameterPath, parameterNode, $"must be {parameter.Allowed}, but it is \"{Wording.Quote(choice)}\".");
                continue;
            }

            double number = fields.FiniteNumber(parameterNode, parameterPath);
            if (!parameter.IsAllowed(number))
            {
                throw fields.Invalid(parameterPath, parameterNode, $"must be {parameter.Allowed}, but it is {DoubleText.Format(number)}.");
            }

            bound[i] = number;
        }

        var arguments = new ActivationArguments(bound);
        if (definition.Validate(arguments) is { } problem)
        {
            throw fields.Invalid(parametersPath, given, $"are not valid for {definition.Name}: {problem}");
        }

        return definition.Create(arguments);
    }
}
