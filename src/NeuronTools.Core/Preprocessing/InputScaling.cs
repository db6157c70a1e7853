namespace NeuronTools;

/// <summary>How training fits the scaling of each numeric input column (Invoke-NeuronTraining -Scaling).</summary>
public enum InputScaling
{
    /// <summary>The raw values: offset 0, scale 1.</summary>
    None,

    /// <summary>
    /// z-scores: offset the mean, scale 1 / the standard deviation (population, n in the denominator), as
    /// scikit-learn's StandardScaler.
    /// </summary>
    Standard,

    /// <summary>The training range onto [0, 1]: offset the minimum, scale 1 / (maximum − minimum), as scikit-learn's MinMaxScaler.</summary>
    MinMax,
}

/// <summary>What a missing input value (an empty cell, $null) means (Invoke-NeuronTraining -MissingValue).</summary>
public enum MissingValueHandling
{
    /// <summary>A row with a missing value is a MissingValue error for that row alone.</summary>
    Error,

    /// <summary>A missing numeric value is the column's mean over the training rows, stored in the model.</summary>
    Mean,
}

/// <summary>What an input column holds.</summary>
public enum InputColumnKind
{
    /// <summary>Numbers: one feature, (x − Offset) × Scale.</summary>
    Numeric,

    /// <summary>Text categories: one 0/1 feature per category (one-hot).</summary>
    Categorical,
}
