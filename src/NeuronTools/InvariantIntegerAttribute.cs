using System;
using System.Globalization;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Reads whole numbers given as text with the invariant culture, for every parameter typed int, int?, int[]
/// or long. PowerShell's own string-to-integer conversion accepts thousands separators and hexadecimal, so
/// -Epoch "1,0" trained 10 epochs, -Shape "3,4,2" built 342 inputs and "0x10" meant 16; this reads digits
/// with an optional sign and refuses the rest ("2,5", "1,000", "0x10", "2.5") with a message that says how
/// to write the number.
/// </summary>
/// <remarks>
/// The strings are read as a long, which PowerShell then converts to the parameter's type with its usual
/// range check. Numbers, arrays without strings and anything else pass through untouched, exactly as with
/// <see cref="InvariantNumberAttribute"/>, whose walk this shares.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class InvariantIntegerAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        InvariantNumberAttribute.ReadText(inputData, static text => Parse(text));

    /// <summary>NumberStyles.Integer with the invariant culture: optional white space and sign, then digits.</summary>
    internal static long Parse(string text)
    {
        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value))
        {
            return value;
        }

        throw new ArgumentTransformationMetadataException(InvariantNumberAttribute.NotAWholeNumberMessage(text));
    }
}
