using System.IO;

namespace NeuronTools;

/// <summary>
/// The module's rules for the files it writes and reads, in one place. Every cmdlet that writes a file
/// (Export-Neuron, the chart cmdlets' -OutFile) takes its <see cref="ExistingFileRule"/> from
/// <see cref="Overwrite"/>: -NoClobber never replaces a file, even with -Force; -Force replaces one, even a
/// read-only one; without either, what the file holds decides. A chart is replaced, as Out-File and Export-Csv
/// replace, since it is rewritten from its source in a moment; a model is kept (FileExists), since it can hold
/// hours of training that nothing recreates (about_NeuronTools explains the rule).
/// </summary>
internal static class FileRules
{
    /// <summary>The one rule for -Force and -NoClobber; <paramref name="withoutEither"/> is what the kind of file gets by default.</summary>
    internal static ExistingFileRule Overwrite(bool force, bool noClobber, ExistingFileRule withoutEither) =>
        noClobber ? ExistingFileRule.Keep : force ? ExistingFileRule.ReplaceReadOnly : withoutEither;

    /// <summary>
    /// PathIsDirectory: <paramref name="path"/> names a folder where a file was wanted. <paramref name="problem"/>
    /// and <paramref name="fix"/> word it: "'x' is a folder, so the chart cannot be written there. Give a file
    /// name, such as 'x/chart.svg'."
    /// </summary>
    internal static NeuronToolsException PathIsDirectory(string path, string problem, string fix, string example) => new(
        ErrorIds.PathIsDirectory,
        ErrorKind.InvalidArgument,
        $"'{path}' is a folder, {problem}. Give {fix} '{Path.Combine(path, example)}'.");
}
