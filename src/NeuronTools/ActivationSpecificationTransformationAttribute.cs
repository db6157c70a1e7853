using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Lets a parameter of activation names take the activation itself: an ActivationFunction becomes its
/// Specification, with every parameter (LeakyReLU(negative_slope=0.5), not LeakyReLU), and a Neuron or
/// NeuronLayer the Specification of its activation. Without this, PowerShell would bind such an object's
/// Name property by property name: the bare name, or the neuron's own name. Anything else passes unchanged.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class ActivationSpecificationTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        if (SpecificationOf(inputData) is { } specification)
        {
            return new[] { specification };
        }

        if (InputVectorReader.Unwrap(inputData) is not IList list || inputData is string)
        {
            return inputData;
        }

        var names = new List<object?>(list.Count);
        bool changed = false;
        foreach (object? item in list)
        {
            string? itemSpecification = SpecificationOf(item);
            changed |= itemSpecification is not null;
            names.Add(itemSpecification ?? item);
        }

        return changed ? names.ToArray() : inputData;
    }

    private static string? SpecificationOf(object? value) => InputVectorReader.Unwrap(value) switch
    {
        ActivationFunction function => function.Specification,
        NeuronModel model => model.SharedActivation?.Specification,
        _ => null,
    };
}
