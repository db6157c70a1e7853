using System;

namespace NeuronTools;

/// <summary>What kind of problem a <see cref="NeuronToolsException"/> reports; the cmdlets map it to an ErrorCategory.</summary>
public enum ErrorKind
{
    InvalidArgument,
    InvalidData,
    InvalidOperation,
    InvalidResult,
    ObjectNotFound,
    LimitsExceeded,
    ResourceExists,
    WriteError,
    ReadError,
    PermissionDenied,
}

/// <summary>
/// A problem with a value handed to the core. It carries a stable, PascalCase error id so that the
/// cmdlets can report it with the same id users catch on, without the core knowing about PowerShell.
/// </summary>
public sealed class NeuronToolsException : Exception
{
    public NeuronToolsException(string errorId, ErrorKind kind, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorId = errorId;
        Kind = kind;
    }

    public string ErrorId { get; }

    public ErrorKind Kind { get; }

    /// <summary>
    /// The name of the argument the problem is with (as <see cref="ArgumentException.ParamName"/>: "weight",
    /// "bias", "inputName", "shape"...), when one argument is to blame; otherwise null. The cmdlets use it to
    /// make the offending value the error's target.
    /// </summary>
    public string? ParameterName { get; private set; }

    /// <summary>Names the argument the problem is with, and returns this exception for throwing.</summary>
    internal NeuronToolsException About(string parameterName)
    {
        ParameterName = parameterName;
        return this;
    }
}
