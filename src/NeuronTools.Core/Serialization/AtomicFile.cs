using System;
using System.IO;

namespace NeuronTools;

/// <summary>What <see cref="AtomicFile"/> does when the target file already exists.</summary>
internal enum ExistingFileRule
{
    /// <summary>Leave it alone and fail with FileExists (Export-Neuron without -Force, -NoClobber).</summary>
    Keep,

    /// <summary>Replace it, unless it is read-only (Out-File and Export-Csv without -Force): FileReadOnly.</summary>
    Replace,

    /// <summary>Replace it even when it is read-only (-Force).</summary>
    ReplaceReadOnly,
}

/// <summary>
/// Writes a file so that it is either wholly the new content or untouched: the content goes to a
/// temporary file in the same folder (so the rename cannot cross volumes), is flushed to the disk,
/// and only then is renamed over the target. A failure at any point before the rename (a full disk,
/// an exception, the process stopped) leaves the old file as it was.
/// </summary>
internal static class AtomicFile
{
    /// <param name="fullPath">An absolute file-system path.</param>
    /// <param name="write">Writes the content; may throw, which leaves the target untouched.</param>
    /// <param name="overwrite">Replace an existing file, even a read-only one; otherwise an existing file is an error.</param>
    internal static void Write(string fullPath, Action<Stream> write, bool overwrite) =>
        Write(fullPath, write, overwrite ? ExistingFileRule.ReplaceReadOnly : ExistingFileRule.Keep, beforeCommit: null);

    /// <param name="fullPath">An absolute file-system path.</param>
    /// <param name="write">Writes the content; may throw, which leaves the target untouched.</param>
    /// <param name="existing">What to do when the target exists.</param>
    /// <param name="beforeCommit">
    /// Runs on the temporary file's stream after the content is written and before it is flushed and
    /// renamed, the worst moment for a failure: tests throw from it to prove the target survives.
    /// </param>
    internal static void Write(string fullPath, Action<Stream> write, ExistingFileRule existing, Action<Stream>? beforeCommit = null)
    {
        string directory = Path.GetDirectoryName(fullPath) ?? string.Empty;
        if (Directory.Exists(fullPath))
        {
            throw FileRules.PathIsDirectory(fullPath, "so a model cannot be written there", "a file name, such as", "model.json");
        }

        if (directory.Length == 0 || !Directory.Exists(directory))
        {
            throw new NeuronToolsException(
                ErrorIds.DirectoryNotFound,
                ErrorKind.ObjectNotFound,
                $"The folder '{directory}' does not exist, so '{fullPath}' cannot be written. Create the folder first (New-Item -ItemType Directory).");
        }

        CheckExisting(fullPath, existing);

        string temporary = Path.Combine(directory, "." + Path.GetFileName(fullPath) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536))
            {
                write(stream);
                beforeCommit?.Invoke(stream);
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(fullPath))
            {
                // Checked again: another process may have created the file, or made it read-only, meanwhile.
                CheckExisting(fullPath, existing);

                // A read-only target is replaced only when -Force asked for it, as Export-Csv -Force does.
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
                ErrorIds.ModelWriteFailed,
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

    /// <summary>Fails as <paramref name="existing"/> asks when <paramref name="fullPath"/> is an existing file.</summary>
    internal static void CheckExisting(string fullPath, ExistingFileRule existing)
    {
        if (existing == ExistingFileRule.ReplaceReadOnly || !File.Exists(fullPath))
        {
            return;
        }

        if (existing == ExistingFileRule.Keep)
        {
            throw FileExists(fullPath);
        }

        if ((File.GetAttributes(fullPath) & FileAttributes.ReadOnly) != 0)
        {
            throw new NeuronToolsException(
                ErrorIds.FileReadOnly,
                ErrorKind.PermissionDenied,
                $"The file '{fullPath}' is read-only, and was left unchanged. Add -Force to replace it anyway, or give another path.");
        }
    }

    internal static NeuronToolsException FileExists(string fullPath, string howToReplace = "Add -Force to replace it") => new(
        ErrorIds.FileExists,
        ErrorKind.ResourceExists,
        $"The file '{fullPath}' already exists, and was left unchanged. {howToReplace}, or give another path.");

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
