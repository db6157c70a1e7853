using System;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Lets a NeuronModel parameter take anything: a model passes (unwrapped), and anything else becomes a
/// <see cref="NotAModel"/> that the cmdlet refuses with the module's own error id and the object as the error's
/// target, where PowerShell's conversion would report a ParameterArgumentTransformationError. With
/// <see cref="LayerAsNetwork"/>, a NeuronLayer becomes the network of that one layer (NeuronNetwork.FromLayer),
/// for cmdlets that run, train or differentiate a neuron or a network.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ModelTransformationAttribute : ArgumentTransformationAttribute
{
    public bool LayerAsNetwork { get; set; }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
    {
        null => inputData,
        NeuronLayer layer when LayerAsNetwork => NeuronNetwork.FromLayer(layer),
        NeuronModel model => model,
        var other => new NotAModel(other, inputData),
    };
}
