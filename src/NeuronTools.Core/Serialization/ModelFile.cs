using System;
using System.IO;
using System.Text;

namespace NeuronTools;

/// <summary>The formats a model can be written in.</summary>
public enum ModelFileFormat
{
    /// <summary>The NeuronTools model JSON (about_NeuronTools_FileFormat), which Import-Neuron reads back exactly.</summary>
    Json,

    /// <summary>An ONNX model (Gemm and activation nodes), for other runtimes; write-only.</summary>
    Onnx,
}

/// <summary>Saves models to files atomically and loads them within size and nesting limits.</summary>
internal static class ModelFile
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // beforeCommit is for tests: see AtomicFile.Write.
    internal static void Save(string fullPath, NeuronModel model, ModelFileFormat format, bool overwrite, OnnxElementType onnxElementType = OnnxElementType.Float, Action<Stream>? beforeCommit = null)
    {
        // Serialize before touching the disk, so that a model that cannot be written (an activation
        // ONNX lacks, say) fails without creating even a temporary file.
        byte[] content = format switch
        {
            // A text file ends with a line break (as Out-File and Set-Content write it); the text itself has none.
            ModelFileFormat.Json => s_utf8.GetBytes(ModelSerializer.ToJsonText(model, compress: false) + "\n"),
            ModelFileFormat.Onnx => OnnxExporter.Export(model, onnxElementType),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown format."),
        };
        AtomicFile.Write(fullPath, stream => stream.Write(content, 0, content.Length), overwrite ? ExistingFileRule.ReplaceReadOnly : ExistingFileRule.Keep, beforeCommit);
    }

    internal static NeuronModel Load(string fullPath, ModelReadOptions options)
    {
        string source = "The file '" + fullPath + "'";
        try
        {
            var info = new FileInfo(fullPath);
            if (!info.Exists)
            {
                throw new NeuronToolsException(ErrorIds.PathNotFound, ErrorKind.ObjectNotFound, $"The file '{fullPath}' does not exist. Check the path; Get-ChildItem lists the files of a folder.");
            }

            if (info.Length > options.MaximumSize)
            {
                throw ModelSerializer.TooLarge(source, info.Length, "bytes", options.MaximumSize);
            }

            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, 65536, FileOptions.SequentialScan);
            using var reader = new StreamReader(stream, s_utf8, detectEncodingFromByteOrderMarks: true);
            return ModelSerializer.Read(reader, options, source);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new NeuronToolsException(ErrorIds.ModelReadFailed, ErrorKind.ReadError, $"The file '{fullPath}' could not be read: {exception.Message}", exception);
        }
    }
}
