namespace NeuronTools.Rendering;

/// <summary>The characters the neuron and network diagrams are drawn with: box drawing, or ASCII.</summary>
internal sealed class DiagramGlyphs
{
    private static readonly DiagramGlyphs s_unicode = new(
        wire: '─', arrow: '▶', topCorner: '┐', bottomCorner: '┘', teeLeft: '┤', teeRight: '├', cross: '┼', vertical: '│',
        box: "╭╮╰╯─│", ellipsis: "⋮", down: '▼', neuron: '●', value: '○', rowEllipsis: "⋯");

    private static readonly DiagramGlyphs s_ascii = new(
        wire: '-', arrow: '>', topCorner: '+', bottomCorner: '+', teeLeft: '+', teeRight: '+', cross: '+', vertical: '|',
        box: "++++-|", ellipsis: ":", down: 'v', neuron: 'O', value: 'o', rowEllipsis: "...");

    private DiagramGlyphs(char wire, char arrow, char topCorner, char bottomCorner, char teeLeft, char teeRight, char cross, char vertical, string box, string ellipsis, char down, char neuron, char value, string rowEllipsis)
    {
        Wire = wire;
        Arrow = arrow;
        TopCorner = topCorner;
        BottomCorner = bottomCorner;
        TeeLeft = teeLeft;
        TeeRight = teeRight;
        Cross = cross;
        Vertical = vertical;
        BoxTopLeft = box[0];
        BoxTopRight = box[1];
        BoxBottomLeft = box[2];
        BoxBottomRight = box[3];
        BoxHorizontal = box[4];
        BoxVertical = box[5];
        Ellipsis = ellipsis;
        Down = down;
        Neuron = neuron;
        Value = value;
        RowEllipsis = rowEllipsis;
    }

    internal char Wire { get; }

    internal char Arrow { get; }

    internal char TopCorner { get; }

    internal char BottomCorner { get; }

    internal char TeeLeft { get; }

    internal char TeeRight { get; }

    internal char Cross { get; }

    internal char Vertical { get; }

    internal char BoxTopLeft { get; }

    internal char BoxTopRight { get; }

    internal char BoxBottomLeft { get; }

    internal char BoxBottomRight { get; }

    internal char BoxHorizontal { get; }

    internal char BoxVertical { get; }

    /// <summary>Stands for rows left out of a column of inputs.</summary>
    internal string Ellipsis { get; }

    /// <summary>The arrow from one layer of a network down to the next.</summary>
    internal char Down { get; }

    /// <summary>A neuron of a network layer.</summary>
    internal char Neuron { get; }

    /// <summary>An input or output value of a network.</summary>
    internal char Value { get; }

    /// <summary>Stands for nodes left out of a row of neurons.</summary>
    internal string RowEllipsis { get; }

    internal static DiagramGlyphs For(bool unicode) => unicode ? s_unicode : s_ascii;
}
