using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// What Import-Neuron and ConvertFrom-NeuronJson share: the limits, -MaximumSize and -MaximumDepth, that keep a
/// hostile or broken model text from exhausting the machine.
/// </summary>
public abstract class ModelReaderCommand : PSCmdlet
{
    [Parameter]
    [ValidateRange(1L, long.MaxValue)]
    [InvariantInteger]
    public long MaximumSize { get; set; } = ModelReadOptions.DefaultMaximumSize;

    [Parameter]
    [ValidateRange(1, ModelReadOptions.DepthCeiling)]
    [InvariantInteger]
    public int MaximumDepth { get; set; } = ModelReadOptions.DefaultMaximumDepth;

    /// <summary>The limits as the core's readers take them.</summary>
    private protected ModelReadOptions ReadOptions => new() { MaximumSize = MaximumSize, MaximumDepth = MaximumDepth };
}
