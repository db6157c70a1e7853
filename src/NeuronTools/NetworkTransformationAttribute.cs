using System;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Lets a -Network parameter take a NeuronLayer, as a network of that one layer (NeuronNetwork.FromLayer),
/// so that a layer from New-NeuronLayer or Import-Neuron can be run and explained. Anything else passes
/// unchanged, for PowerShell's own conversion to report.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class NetworkTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        InputVectorReader.Unwrap(inputData) is NeuronLayer layer ? NeuronNetwork.FromLayer(layer) : inputData;
}
