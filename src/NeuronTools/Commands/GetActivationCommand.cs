using System.Linq;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Lists the activation catalogue: formulas, derivatives, parameters, ranges and kink conventions.</summary>
[Cmdlet(VerbsCommon.Get, "Activation")]
[OutputType(typeof(ActivationDefinition))]
public sealed class GetActivationCommand : PSCmdlet
{
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Name { get; set; }

    protected override void ProcessRecord()
    {
        if (Name is null)
        {
            WriteObject(ActivationCatalog.All, enumerateCollection: true);
            return;
        }

        foreach (string pattern in Name)
        {
            var wildcard = WildcardPattern.Get(pattern, WildcardOptions.IgnoreCase);
            var matches = ActivationCatalog.All
                .Where(d => wildcard.IsMatch(d.Name) || d.Aliases.Any(wildcard.IsMatch))
                .ToArray();
            if (matches.Length == 0 && !WildcardPattern.ContainsWildcardCharacters(pattern))
            {
                var suggestions = ActivationCatalog.Suggest(pattern);
                string hint = suggestions.Count > 0 ? " Did you mean " + string.Join(", ", suggestions) + "?" : string.Empty;
                WriteError(ErrorRecords.Create(
                    ErrorIds.UnknownActivation,
                    ErrorCategory.ObjectNotFound,
                    $"There is no activation named '{pattern}'.{hint} Run Get-Activation without a name to list them all.",
                    pattern));
                continue;
            }

            WriteObject(matches, enumerateCollection: true);
        }
    }
}
