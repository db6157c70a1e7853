namespace NeuronTools;

/// <summary>What a training curve plots per epoch.</summary>
public enum TrainingMetric
{
    /// <summary>The training loss, and the validation loss where the training held rows out.</summary>
    Loss,

    /// <summary>The share of rows classified right, in training and validation; classification losses only.</summary>
    Accuracy,
}
