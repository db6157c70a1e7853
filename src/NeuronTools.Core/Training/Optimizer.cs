namespace NeuronTools;

/// <summary>How a gradient becomes a step; the update formulas and defaults are PyTorch's (torch.optim).</summary>
public enum Optimizer
{
    /// <summary>p ← p − lr·g (torch.optim.SGD).</summary>
    SGD,

    /// <summary>v ← μ·v + g (v = g on the first step), p ← p − lr·v (torch.optim.SGD with momentum μ, dampening 0).</summary>
    Momentum,

    /// <summary>torch.optim.Adam: β1 = 0.9, β2 = 0.999, ε = 1e−8, bias-corrected moments.</summary>
    Adam,
}
