using System;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Decides whether the Show-* cmdlets may write Unicode and ANSI colours. $PSStyle.OutputRendering
/// rules: PlainText gives ASCII, Ansi gives Unicode with colour, Host (the default) gives Unicode unless
/// PowerShell's own output is redirected, and colour only where the host understands escape sequences.
/// Windows PowerShell 5.1 has no $PSStyle, and its console often no UTF-8: ASCII there.
/// </summary>
internal static class TerminalOutput
{
    internal static (bool Unicode, bool Colour) Decide(PSCmdlet cmdlet)
    {
        object? style = cmdlet.SessionState.PSVariable.GetValue("PSStyle");
        if (style is null)
        {
            return (false, false);
        }

        string? rendering = PSObject.AsPSObject(style).Properties["OutputRendering"]?.Value?.ToString();
        if (string.Equals(rendering, "PlainText", StringComparison.OrdinalIgnoreCase))
        {
            return (false, false);
        }

        if (string.Equals(rendering, "Ansi", StringComparison.OrdinalIgnoreCase))
        {
            return (true, true);
        }

        if (IsOutputRedirected())
        {
            return (false, false);
        }

        return (true, cmdlet.Host.UI.SupportsVirtualTerminal);
    }

    private static bool IsOutputRedirected()
    {
        try
        {
            return Console.IsOutputRedirected;
        }
        catch (System.IO.IOException)
        {
            return true;
        }
    }
}
