namespace NeuronTools;

/// <summary>How starting weights are drawn; the bounds and deviations are PyTorch's (torch.nn.init).</summary>
public enum Initialization
{
    /// <summary>Every weight 0.</summary>
    Zeros,

    /// <summary>U(−1/√fan_in, 1/√fan_in), the default of torch.nn.Linear.</summary>
    Uniform,

    /// <summary>U(−b, b), b = √(6 / (fan_in + fan_out)).</summary>
    XavierUniform,

    /// <summary>N(0, σ²), σ = √(2 / (fan_in + fan_out)).</summary>
    XavierNormal,

    /// <summary>U(−b, b), b = √(6 / fan_in) (kaiming_uniform_ with the ReLU gain √2).</summary>
    HeUniform,

    /// <summary>N(0, σ²), σ = √2 / √fan_in (kaiming_normal_ with the ReLU gain).</summary>
    HeNormal,
}
