using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Reads NeuronTools model JSON text back into a neuron, layer or network.</summary>
[Cmdlet(VerbsData.ConvertFrom, "NeuronJson")]
[OutputType(typeof(Neuron), typeof(NeuronLayer), typeof(NeuronNetwork))]
public sealed class ConvertFromNeuronJsonCommand : ModelReaderCommand
{
    private readonly List<string> _pieces = new();

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Json")]
    [AllowEmptyString]
    public string InputObject { get; set; } = null!;

    protected override void ProcessRecord() => _pieces.Add(InputObject);

    protected override void EndProcessing()
    {
        if (_pieces.Count == 0)
        {
            return;
        }

        var options = ReadOptions;

        // Like ConvertFrom-Json: Get-Content without -Raw sends a file line by line, so when the first
        // string is not a whole document the strings are joined into one; otherwise each is a document.
        if (_pieces.Count > 1 && !IsWholeDocument(_pieces[0], options))
        {
            Convert(string.Join("\n", _pieces), options);
            return;
        }

        foreach (string piece in _pieces)
        {
            Convert(piece, options);
        }
    }

    private static bool IsWholeDocument(string text, ModelReadOptions options)
    {
        try
        {
            JsonParser.Parse(text, options.MaximumSize, options.MaximumDepth, "The text");
            return true;
        }
        catch (NeuronToolsException)
        {
            return false;
        }
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
