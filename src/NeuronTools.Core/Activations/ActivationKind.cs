namespace NeuronTools;

/// <summary>Whether an activation acts on each value alone or on a whole vector.</summary>
public enum ActivationKind
{
    Scalar,
    Vector,
}
