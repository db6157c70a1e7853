namespace NeuronTools;

/// <summary>How Show-Neuron and Show-NeuronNetwork write an explanation: for the terminal, for Markdown with MathJax, or for LaTeX.</summary>
public enum ExplanationFormat
{
    /// <summary>A diagram and the steps as plain text lines of at most 80 columns.</summary>
    Text,

    /// <summary>Markdown: the diagram in a text block and the steps in $$ … $$ display math, for notebooks and blogs.</summary>
    Markdown,

    /// <summary>A LaTeX align* environment of the steps, in ASCII.</summary>
    LaTeX,
}
