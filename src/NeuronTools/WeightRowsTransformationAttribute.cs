using System;
using System.Collections;
using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>
/// Lets a weight matrix parameter (double[][], one row per neuron) take a flat list of numbers as ONE row.
/// PowerShell would otherwise turn -Weight 1,2 into two rows of one weight each (two neurons of one input),
/// which is never what someone typing a list of weights means. Rows given as arrays pass unchanged:
/// -Weight (,(1,2)) and -Weight @(1,2),@(3,4) mean what they always meant, and a mix of numbers and rows is
/// left for the layer to refuse as RaggedWeight.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
internal sealed class WeightRowsTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        object? value = InputVectorReader.Unwrap(inputData);
        if (value is not IList list || value is string || list.Count == 0)
        {
            return inputData;
        }

        foreach (object? element in list)
        {
            if (InputVectorReader.Unwrap(element) is IEnumerable and not string)
            {
                return inputData;
            }
        }

        // The elements are kept as they came (numbers or text) so that number conversion still applies to them.
        return new object[] { value };
    }
}
