using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Reads NeuronTools model JSON text back into a neuron, layer or network.</summary>
[Cmdlet(VerbsData.ConvertFrom, "NeuronJson")]
[OutputType(typeof(Neuron), typeof(NeuronLayer), typeof(NeuronNetwork))]
public sealed class ConvertFromNeuronJsonCommand : PSCmdlet
{
    private readonly JsonDocumentSplitter _splitter = new();
    private readonly List<string> _documents = new();
    private ModelReadOptions _options = null!;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Json")]
    [AllowEmptyString]
    public string InputObject { get; set; } = null!;

    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    public long MaximumSize { get; set; } = ModelReadOptions.DefaultMaximumSize;

    [Parameter]
    [ValidateRange(1, ModelReadOptions.DepthCeiling)]
    public int MaximumDepth { get; set; } = ModelReadOptions.DefaultMaximumDepth;

    protected override void BeginProcessing() =>
        _options = new ModelReadOptions { MaximumSize = MaximumSize, MaximumDepth = MaximumDepth };

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
