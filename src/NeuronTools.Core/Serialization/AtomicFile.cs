using System;
using System.IO;

namespace NeuronTools;

/// <summary>
/// Writes a file so that it is either wholly the new content or untouched: the content goes to a
/// temporary file in the same folder (so the rename cannot cross volumes), is flushed to the disk,
/// and only then is renamed over the target. A failure at any point before the rename (a full disk,
/// an exception, the process stopped) leaves the old file as it was.
/// </summary>
internal static class AtomicFile
{
    /// <summary>
    /// Tests set this to make every write fail, with an IOException of this message, after the content
    /// is in the temporary file and before it is renamed: the worst moment for a failure.
    /// </summary>
    internal static string? InjectedFailureForTests { get; set; }

    /// <param name="fullPath">An absolute file-system path.</param>
    /// <param name="write">Writes the content; may throw, which leaves the target untouched.</param>
    /// <param name="overwrite">Replace an existing file; otherwise an existing file is an error.</param>
    internal static void Write(string fullPath, Action<Stream> write, bool overwrite)
    {
        string directory = Path.GetDirectoryName(fullPath) ?? string.Empty;
        if (Directory.Exists(fullPath))
        {
            throw new NeuronToolsException(
                "PathIsDirectory",
                ErrorKind.InvalidArgument,
                $"'{fullPath}' is a folder, so a model cannot be written there. Give a file name, such as '{Path.Combine(fullPath, "model.json")}'.");
        }

        if (directory.Length == 0 || !Directory.Exists(directory))
        {
            throw new NeuronToolsException(
                "DirectoryNotFound",
                ErrorKind.ObjectNotFound,
                $"The folder '{directory}' does not exist, so '{fullPath}' cannot be written. Create the folder first (New-Item -ItemType Directory).");
        }

        if (!overwrite && File.Exists(fullPath))
        {
            throw FileExists(fullPath);
        }

        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                write(stream);
                if (InjectedFailureForTests is { } injected)
                {
                    throw new IOException(injected);
                }
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(fullPath))
            {
                if (!overwrite)
                {
                    throw FileExists(fullPath);
                }

                // A read-only target is replaced only when overwriting was asked for, as Export-Csv -Force does.
                var attributes = File.GetAttributes(fullPath);
                if ((attributes & FileAttributes.ReadOnly) != 0)
                {
                    File.SetAttributes(fullPath, attributes & ~FileAttributes.ReadOnly);
                }

                File.Replace(temporary, fullPath, destinationBackupFileName: null);
            }
            else
            {
                // File.Move never overwrites: if another process created the target meanwhile, this fails
                // rather than clobbering that file.
                File.Move(temporary, fullPath);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or NotSupportedException or System.Security.SecurityException)
        {
            TryDelete(temporary);
            throw new NeuronToolsException(
                "ModelWriteFailed",
                ErrorKind.WriteError,
                $"'{fullPath}' could not be written: {exception.Message} Any file that was there is unchanged.",
                exception);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    internal static NeuronToolsException FileExists(string fullPath) => new(
        "FileExists",
        ErrorKind.ResourceExists,
        $"The file '{fullPath}' already exists, and was left unchanged. Add -Force to replace it, or give another path.");

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The original error matters more than a temporary file that could not be removed.
        }
    }
}
