using System;
using System.Globalization;
using System.IO;

namespace NeuronTools;

/// <summary>
/// Writes a <see cref="JsonNode"/> tree as JSON: indented by two spaces, with arrays of plain values
/// on one line so a weight row reads as a row; or, compressed, without any whitespace. Numbers are
/// written by <see cref="DoubleText"/> so they read back to the same bits.
/// </summary>
internal static class JsonWriter
{
    /// <summary>Writes the document without a line break after it, as ConvertTo-Json does; a file adds one (ModelFile).</summary>
    internal static void Write(TextWriter writer, JsonNode node, bool compress) => WriteValue(writer, node, compress, 0);

    internal static string ToText(JsonNode node, bool compress)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, node, compress);
        return writer.ToString();
    }

    private static void WriteValue(TextWriter writer, JsonNode node, bool compress, int indent)
    {
        switch (node)
        {
            case JsonObject value:
                WriteObject(writer, value, compress, indent);
                break;
            case JsonArray value:
                WriteArray(writer, value, compress, indent);
                break;
            case JsonNumber value:
                writer.Write(DoubleText.Format(value.Value));
                break;
            case JsonString value:
                WriteString(writer, value.Value);
                break;
            default:
                writer.Write(node.Describe());
                break;
        }
    }

    private static void WriteObject(TextWriter writer, JsonObject value, bool compress, int indent)
    {
        if (value.Members.Count == 0)
        {
            writer.Write("{}");
            return;
        }

        writer.Write('{');
        for (int i = 0; i < value.Members.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(',');
            }

            NewLine(writer, compress, indent + 1);
            WriteString(writer, value.Members[i].Key);
            writer.Write(compress ? ":" : ": ");
            WriteValue(writer, value.Members[i].Value, compress, indent + 1);
        }

        NewLine(writer, compress, indent);
        writer.Write('}');
    }

    private static void WriteArray(TextWriter writer, JsonArray value, bool compress, int indent)
    {
        bool flat = true;
        for (int i = 0; i < value.Count && flat; i++)
        {
            flat = value[i].Kind is not (JsonKind.Object or JsonKind.Array);
        }

        writer.Write('[');
        for (int i = 0; i < value.Count; i++)
        {
            if (i > 0)
            {
                writer.Write(compress || !flat ? "," : ", ");
            }

            if (!flat)
            {
                NewLine(writer, compress, indent + 1);
            }

            WriteValue(writer, value[i], compress, indent + 1);
        }

        if (!flat && value.Count > 0)
        {
            NewLine(writer, compress, indent);
        }

        writer.Write(']');
    }

    private static void NewLine(TextWriter writer, bool compress, int indent)
    {
        if (compress)
        {
            return;
        }

        writer.Write('\n');
        writer.Write(new string(' ', indent * 2));
    }

    private static void WriteString(TextWriter writer, string value)
    {
        writer.Write('"');
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"':
                    writer.Write("\\\"");
                    break;
                case '\\':
                    writer.Write("\\\\");
                    break;
                case '\n':
                    writer.Write("\\n");
                    break;
                case '\r':
                    writer.Write("\\r");
                    break;
                case '\t':
                    writer.Write("\\t");
                    break;
                default:
                    // Control characters, and lone surrogate halves (which UTF-8 cannot carry), as \u escapes.
                    if (c < 0x20 || c == 0x7F || IsLoneSurrogate(value, i))
                    {
                        writer.Write(string.Format(CultureInfo.InvariantCulture, "\\u{0:x4}", (int)c));
                    }
                    else
                    {
                        writer.Write(c);
                    }

                    break;
            }
        }

        writer.Write('"');
    }

    private static bool IsLoneSurrogate(string value, int index)
    {
        char c = value[index];
        if (char.IsHighSurrogate(c))
        {
            return index + 1 >= value.Length || !char.IsLowSurrogate(value[index + 1]);
        }

        return char.IsLowSurrogate(c) && (index == 0 || !char.IsHighSurrogate(value[index - 1]));
    }
}
