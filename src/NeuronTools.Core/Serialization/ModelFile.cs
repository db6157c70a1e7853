using System;
using System.IO;
using System.Text;

namespace NeuronTools;

/// <summary>The formats a model can be written in.</summary>
public enum ModelFileFormat
{
    /// <summary>The NeuronTools model JSON (about_NeuronTools_FileFormat), which Import-Neuron reads back exactly.</summary>
    Json,

    /// <summary>An ONNX model (Gemm and activation nodes), for other runtimes; read back when it is a dense chain.</summary>
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

    /// <summary>Loads a model; the format is found from the file's first bytes unless <paramref name="format"/> is given.</summary>
    internal static NeuronModel Load(string fullPath, ModelReadOptions options, ModelFileFormat? format = null)
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
            if (format == ModelFileFormat.Onnx || (format is null && StartsAsOnnx(stream)))
            {
                return OnnxImporter.Import(ReadAll(stream, info.Length, options.MaximumSize, source), source, options);
            }

            using var reader = new StreamReader(stream, s_utf8, detectEncodingFromByteOrderMarks: true);
            return ModelSerializer.Read(reader, options, source);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            throw new NeuronToolsException(ErrorIds.ModelReadFailed, ErrorKind.ReadError, $"The file '{fullPath}' could not be read: {exception.Message}", exception);
        }
    }

    private static bool StartsAsOnnx(Stream stream)
    {
        var start = new byte[2];
        int count = stream.Read(start, 0, 2);
        if (count == 1)
        {
            count += stream.Read(start, 1, 1);
        }

        stream.Position = 0;
        return OnnxFile.LooksLikeOnnx(start, count);
    }

    /// <summary>The whole file, never more than the limit: a file that grows while it is read is cut off at it and then refused.</summary>
    private static byte[] ReadAll(Stream stream, long length, long maximumSize, string source)
    {
        if (length > int.MaxValue)
        {
            // Protobuf messages, and so ONNX files with their weights inside, end below 2 GiB.
            throw new NeuronToolsException(ErrorIds.InvalidModelFile, ErrorKind.InvalidData, FormattableString.Invariant($"{source} is {length} bytes long: an ONNX model with its weights inside is below 2 GiB, so this is not one."));
        }

        var buffer = new MemoryStream((int)Math.Min(length, maximumSize));
        var chunk = new byte[65536];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maximumSize)
            {
                throw ModelSerializer.TooLarge(source, buffer.Length + read, "bytes", maximumSize);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
