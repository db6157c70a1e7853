using System.Collections.Generic;
using System.Management.Automation;
using Microsoft.PowerShell.Commands;

namespace NeuronTools.Commands;

/// <summary>
/// Resolves -Path and -LiteralPath the way PowerShell's own file cmdlets do: relative to the current
/// PowerShell location (not the process's directory), through PowerShell drives, with wildcards on
/// -Path only, and on the FileSystem provider only.
/// </summary>
internal static class ModelPath
{
    /// <summary>
    /// The one file a model (or, as <paramref name="noun"/> says, a chart) is written to. Like Export-Csv,
    /// a -Path pattern must match a single existing file, or is taken as written.
    /// <paramref name="exampleName"/> is the file name the messages show as an example.
    /// </summary>
    internal static string ResolveOutput(PSCmdlet cmdlet, string path, bool isLiteral, string noun = "model", string exampleName = "model.json")
    {
        ProviderInfo provider;
        if (!isLiteral && WildcardPattern.ContainsWildcardCharacters(path))
        {
            IReadOnlyList<string>? matches = null;
            provider = null!;
            try
            {
                matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
            }
            catch (ItemNotFoundException)
            {
                // No file matches: the path names the new file, wildcard characters and all.
            }

            if (matches is { Count: > 1 })
            {
                throw new NeuronToolsException(
                    ErrorIds.AmbiguousPath,
                    ErrorKind.InvalidArgument,
                    $"The path '{path}' matches {matches.Count} files, but a {noun} is written to one file. Give the exact name, or use -LiteralPath for a name with wildcard characters such as [ ].");
            }

            if (matches is { Count: 1 })
            {
                CheckFileSystem(provider, path, noun, exampleName);
                return matches[0];
            }
        }

        string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
        CheckFileSystem(provider, path, noun, exampleName);
        return resolved;
    }

    /// <summary>
    /// The files a -Path (with wildcards) or -LiteralPath names. A name without wildcards that does not
    /// exist is an error; a pattern that matches nothing gives nothing, as with Get-Content.
    /// </summary>
    internal static IReadOnlyList<string> ResolveInput(PSCmdlet cmdlet, string path, bool isLiteral)
    {
        ProviderInfo provider;
        if (isLiteral)
        {
            string resolved = cmdlet.SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            CheckFileSystem(provider, path);
            CheckExists(resolved, path);
            return new[] { resolved };
        }

        IReadOnlyList<string> matches;
        try
        {
            matches = cmdlet.SessionState.Path.GetResolvedProviderPathFromPSPath(path, out provider);
        }
        catch (ItemNotFoundException)
        {
            throw NotFound(path);
        }

        CheckFileSystem(provider, path);
        if (!WildcardPattern.ContainsWildcardCharacters(path))
        {
            foreach (string match in matches)
            {
                CheckExists(match, path);
            }

            return matches;
        }

        // Folders that a pattern happens to match are skipped, as files are what it asks for.
        var files = new List<string>();
        foreach (string match in matches)
        {
            if (!System.IO.Directory.Exists(match))
            {
                files.Add(match);
            }
        }

        return files;
    }

    private static void CheckExists(string resolved, string path)
    {
        if (System.IO.Directory.Exists(resolved))
        {
            throw FileRules.PathIsDirectory(path, "not a model file", "a file, or a pattern such as", "*.json");
        }

        if (!System.IO.File.Exists(resolved))
        {
            throw NotFound(path);
        }
    }

    private static NeuronToolsException NotFound(string path) => new(
        ErrorIds.PathNotFound,
        ErrorKind.ObjectNotFound,
        $"There is no file '{path}'. Paths are relative to the current PowerShell location (Get-Location); check the name with Get-ChildItem.");

    private static void CheckFileSystem(ProviderInfo provider, string path, string noun = "model", string exampleName = "model.json")
    {
        if (provider.ImplementingType != typeof(FileSystemProvider))
        {
            throw new NeuronToolsException(
                ErrorIds.NotFileSystemPath,
                ErrorKind.InvalidArgument,
                $"'{path}' is on the {provider.Name} provider, but {noun}s are files. Give a path on a file-system drive, such as C:\\{noun}s\\{exampleName} or ./{exampleName}.");
        }
    }
}
