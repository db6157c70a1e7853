namespace NeuronTools;

/// <summary>What training minimises; each is averaged over the rows of a batch, as PyTorch's reduction='mean'.</summary>
public enum LossFunction
{
    /// <summary>(z − t)², averaged over rows and outputs (torch.nn.MSELoss).</summary>
    MeanSquaredError,

    /// <summary>|z − t|, averaged over rows and outputs (torch.nn.L1Loss); its gradient at z = t is 0.</summary>
    MeanAbsoluteError,

    /// <summary>
    /// −(t·ln p + (1 − t)·ln(1 − p)) for targets in [0, 1]. After a Sigmoid it is computed from the
    /// pre-activation (logits), after Identity the output is taken as logits (torch.nn.BCEWithLogitsLoss);
    /// after any other activation the output is a probability and ln is clamped at −100 (torch.nn.BCELoss).
    /// </summary>
    BinaryCrossEntropy,

    /// <summary>
    /// −Σ t_j·ln p_j over two or more outputs, for a class index or a one-hot (or probability) target. After
    /// Softmax, LogSoftmax or Identity it is computed from the pre-activations (torch.nn.CrossEntropyLoss on
    /// logits); after any other activation the outputs are probabilities and ln is clamped at −100.
    /// </summary>
    CrossEntropy,

    /// <summary>
    /// max(0, 1 − t·z) for one output with targets −1 or +1 (0 counts as −1); for several outputs and a class
    /// index y, Σ_{j≠y} max(0, 1 − z_y + z_j) / C (torch.nn.MultiMarginLoss).
    /// </summary>
    Hinge,
}
