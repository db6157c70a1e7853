using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Reads NeuronTools model JSON text back into a neuron, layer or network.</summary>
[Cmdlet(VerbsData.ConvertFrom, "NeuronJson")]
[OutputType(typeof(Neuron), typeof(NeuronLayer), typeof(NeuronNetwork))]
public sealed class ConvertFromNeuronJsonCommand : ModelReaderCommand
{
    private readonly JsonDocumentSplitter _splitter = new();
    private readonly List<string> _documents = new();
    private ModelReadOptions _options = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Json")]
    [AllowEmptyString]
    public string InputObject { get; set; } = null!;

    protected override void BeginProcessing() => _options = ReadOptions;

    // Each document is converted as soon as it is complete, so models stream on and a broken document
    // costs only itself (JsonDocumentSplitter says where documents begin and end).
    protected override void ProcessRecord()
    {
        _splitter.Add(InputObject, _documents);
        ConvertDocuments();
    }

    protected override void EndProcessing()
    {
        _splitter.End(_documents);
        ConvertDocuments();
    }

    private void ConvertDocuments()
    {
        foreach (string document in _documents)
        {
            Convert(document, _options);
        }

        _documents.Clear();
    }

    private void Convert(string text, ModelReadOptions options)
    {
        try
        {
            WriteObject(ModelSerializer.FromJsonText(text, options, "The JSON text"));
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, text));
        }
    }
}
