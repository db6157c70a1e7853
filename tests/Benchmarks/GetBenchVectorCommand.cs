using System;
using System.Management.Automation;

namespace NeuronTools.Benchmarks;

/// <summary>Streams fresh random vectors, one per pipeline object, so that nothing upstream holds the stream.</summary>
[Cmdlet(VerbsCommon.Get, "BenchVector")]
[OutputType(typeof(double[]))]
public sealed class GetBenchVectorCommand : PSCmdlet
{
    [Parameter(Mandatory = true)]
    public int Count { get; set; }

    [Parameter(Mandatory = true)]
    public int Length { get; set; }

    [Parameter]
    public int Seed { get; set; } = 1;

    protected override void EndProcessing()
    {
        var random = new Random(Seed);
        for (int row = 0; row < Count; row++)
        {
            var vector = new double[Length];
            for (int i = 0; i < vector.Length; i++)
            {
                vector[i] = random.NextDouble() - 0.5;
            }

            WriteObject(vector);
        }
    }
}
