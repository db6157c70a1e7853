namespace NeuronTools;

/// <summary>The limits that keep a hostile or broken file from exhausting the machine.</summary>
public sealed class ModelReadOptions
{
    /// <summary>256 MiB: far beyond any model this module can train, far below what would hurt a machine.</summary>
    public const long DefaultMaximumSize = 256L * 1024 * 1024;

    /// <summary>A model file nests at most 5 deep; 64 leaves room without letting a file exhaust the stack.</summary>
    public const int DefaultMaximumDepth = 64;

    /// <summary>The most a JSON parser stack may nest, whatever is asked for.</summary>
    public const int DepthCeiling = 1000;

    /// <summary>The largest file, in bytes, or text, in characters, that is read at all.</summary>
    public long MaximumSize { get; set; } = DefaultMaximumSize;

    /// <summary>The deepest nesting of objects and arrays that is read.</summary>
    public int MaximumDepth { get; set; } = DefaultMaximumDepth;

    internal static ModelReadOptions Default { get; } = new();
}
