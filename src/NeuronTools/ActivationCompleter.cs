using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace NeuronTools.Commands;

/// <summary>Offers every activation name and alias for <c>-Activation &lt;Tab&gt;</c>.</summary>
public sealed class ActivationCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
    {
        string prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
        foreach (var definition in ActivationCatalog.All)
        {
            foreach (string name in new[] { definition.Name }.Concat(definition.Aliases))
            {
                if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    string tooltip = definition.Name + ": " + definition.Formula;
                    yield return new CompletionResult(name, name, CompletionResultType.ParameterValue, tooltip);
                }
            }
        }
    }
}
