using System;
using System.IO;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Saves a neuron, layer or network to a file, atomically: the NeuronTools JSON, or ONNX.</summary>
[Cmdlet(VerbsData.Export, "Neuron", DefaultParameterSetName = PathSet, SupportsShouldProcess = true)]
[OutputType(typeof(FileInfo))]
public sealed class ExportNeuronCommand : PSCmdlet
{
    private const string PathSet = "Path";
    private const string LiteralPathSet = "LiteralPath";

    private string _fullPath = null!;
    private ModelFileFormat _format;
    private bool _attempted;

    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true)]
    [Alias("Neuron", "Model")]
    [ModelTransformation]
    [ValidateNotNull]
    public NeuronModel InputObject { get; set; } = null!;

    [Parameter(Mandatory = true, Position = 1, ParameterSetName = PathSet)]
    [ValidateNotNullOrEmpty]
    public string Path { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = LiteralPathSet)]
    [Alias("PSPath", "LP")]
    [ValidateNotNullOrEmpty]
    public string LiteralPath { get; set; } = null!;

    [Parameter]
    public ModelFileFormat Format { get; set; }

    [Parameter]
    public OnnxElementType OnnxElementType { get; set; }

    [Parameter]
    public SwitchParameter Force { get; set; }

    [Parameter]
    [Alias("NoOverwrite")]
    public SwitchParameter NoClobber { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    // A model file is kept unless -Force (and not -NoClobber) asks to replace it: the module's one rule.
    private ExistingFileRule Rule => FileRules.Overwrite(Force, NoClobber, ExistingFileRule.Keep);

    protected override void BeginProcessing()
    {
        bool isLiteral = ParameterSetName == LiteralPathSet;
        string path = isLiteral ? LiteralPath : Path;
        try
        {
            _fullPath = ModelPath.ResolveOutput(this, path, isLiteral);
            if (File.Exists(_fullPath) && Rule == ExistingFileRule.Keep)
            {
                throw AtomicFile.FileExists(_fullPath);
            }
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, path));
        }

        // Without -Format the extension decides, so that model.onnx never holds JSON.
        _format = MyInvocation.BoundParameters.ContainsKey(nameof(Format))
            ? Format
            : string.Equals(System.IO.Path.GetExtension(_fullPath), ".onnx", StringComparison.OrdinalIgnoreCase) ? ModelFileFormat.Onnx : ModelFileFormat.Json;
    }

    protected override void ProcessRecord()
    {
        var model = InputObject;
        if (!ModelSerializer.IsModel(model))
        {
            WriteError(ErrorRecords.From(ModelErrors.UnsupportedModelType(model), model.ErrorTarget));
            return;
        }

        if (_attempted)
        {
            WriteError(ErrorRecords.From(
                new NeuronToolsException(
                    ErrorIds.FileAlreadyWritten,
                    ErrorKind.InvalidOperation,
                    $"Export-Neuron writes one model per file, and this command already wrote '{_fullPath}'; {model} was not saved. Give each model its own file, for example: $models | ForEach-Object {{ Export-Neuron $_ -Path \"$($_.Name).json\" }}."),
                model));
            return;
        }

        _attempted = true;
        string replacing = File.Exists(_fullPath) ? ", replacing the existing file" : string.Empty;
        if (!ShouldProcess(_fullPath, $"Save {model} as {_format}{replacing}"))
        {
            return;
        }

        try
        {
            ModelFile.Save(_fullPath, model, _format, overwrite: Rule == ExistingFileRule.ReplaceReadOnly, OnnxElementType);
        }
        catch (NeuronToolsException exception)
        {
            WriteError(ErrorRecords.From(exception, model));
            return;
        }

        if (PassThru)
        {
            WriteObject(new FileInfo(_fullPath));
        }
    }
}
