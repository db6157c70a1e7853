using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Loads neurons, layers and networks from NeuronTools JSON model files and ONNX files (the format found from the
/// file's first bytes, or given with -Format), refusing anything malformed, oversized or not a dense chain.
/// </summary>
[Cmdlet(VerbsData.Import, "Neuron", DefaultParameterSetName = PathSet)]
[OutputType(typeof(Neuron), typeof(NeuronLayer), typeof(NeuronNetwork))]
public sealed class ImportNeuronCommand : ModelReaderCommand
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ParameterSetName = PathSet)]
    [SupportsWildcards]
    [ValidateNotNullOrEmpty]
    public string[] Path { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string[] LiteralPath { get; set; } = null!;

    /// <summary>Json or Onnx; without it the format is found from each file's first bytes.</summary>
    [Parameter]
    public ModelFileFormat? Format { get; set; }

    protected override void ProcessRecord()
    {
        bool isLiteral = ParameterSetName == LiteralPathSet;
        var options = ReadOptions;
        foreach (string path in isLiteral ? LiteralPath : Path)
        {
            System.Collections.Generic.IReadOnlyList<string> files;
            try
            {
                files = ModelPath.ResolveInput(this, path, isLiteral);
            }
            catch (NeuronToolsException exception)
            {
                WriteError(ErrorRecords.From(exception, path));
                continue;
            }

            foreach (string file in files)
            {
                try
                {
                    WriteObject(ModelFile.Load(file, options, Format));
                }
                catch (NeuronToolsException exception)
                {
                    WriteError(ErrorRecords.From(exception, file));
                }
            }
        }
    }
}
