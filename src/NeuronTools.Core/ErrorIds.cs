namespace NeuronTools;

/// <summary>
/// The error ids users see and catch (an ErrorRecord's FullyQualifiedErrorId begins with one), in one place.
/// An id is part of the module's interface: add one, never rename one.
/// </summary>
internal static class ErrorIds
{
    /// <summary>Something that is not a neuron or a network was given to run, train, score or differentiate.</summary>
    internal const string UnsupportedModel = nameof(UnsupportedModel);

    /// <summary>
    /// Something that is not a model was given to save. The same mistake as <see cref="UnsupportedModel"/>, under
    /// the id Export-Neuron and ConvertTo-NeuronJson have always reported.
    /// </summary>
    internal const string UnsupportedModelType = nameof(UnsupportedModelType);
}
