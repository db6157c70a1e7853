using System;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Turns the core's exceptions into PowerShell error records with the same error id.</summary>
internal static class ErrorRecords
{
    internal static ErrorRecord From(NeuronToolsException exception, object? target) =>
        new(exception, exception.ErrorId, Category(exception.Kind), target);

    internal static ErrorRecord Create(string errorId, ErrorCategory category, string message, object? target) =>
        new(new ArgumentException(message), errorId, category, target);

    private static ErrorCategory Category(ErrorKind kind) => kind switch
    {
        ErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
        ErrorKind.InvalidData => ErrorCategory.InvalidData,
        ErrorKind.InvalidOperation => ErrorCategory.InvalidOperation,
        ErrorKind.InvalidResult => ErrorCategory.InvalidResult,
        ErrorKind.ObjectNotFound => ErrorCategory.ObjectNotFound,
        ErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
        ErrorKind.ResourceExists => ErrorCategory.ResourceExists,
        ErrorKind.WriteError => ErrorCategory.WriteError,
        ErrorKind.ReadError => ErrorCategory.ReadError,
        ErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown error kind."),
    };
}
