using System.Collections.Generic;
using System.IO;
using System.Text;

namespace NeuronTools;

/// <summary>
/// The few pieces of the protobuf wire format an ONNX model needs (varints, length-delimited fields,
/// 32-bit floats), written by hand so the module ships no protobuf library. Byte order is always
/// little-endian, as protobuf requires, whatever the machine's.
/// </summary>
internal sealed class ProtoWriter
{
    private const int Varint = 0;
    private const int Fixed32 = 5;
    private const int LengthDelimited = 2;

    private readonly MemoryStream _stream = new();

    internal byte[] ToArray() => _stream.ToArray();

    internal ProtoWriter Int64(int field, long value)
    {
        Tag(field, Varint);
        WriteVarint(unchecked((ulong)value));
        return this;
    }

    internal ProtoWriter String(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    internal ProtoWriter Bytes(int field, byte[] value)
    {
        Tag(field, LengthDelimited);
        WriteVarint((ulong)value.Length);
        _stream.Write(value, 0, value.Length);
        return this;
    }

    internal ProtoWriter Message(int field, ProtoWriter message) => Bytes(field, message.ToArray());

    internal ProtoWriter Float(int field, float value)
    {
        Tag(field, Fixed32);
        WriteLittleEndian(SingleBits(value), 4);
        return this;
    }

    internal ProtoWriter Strings(int field, IEnumerable<string> values)
    {
        foreach (string value in values)
        {
            String(field, value);
        }

        return this;
    }

    /// <summary>The little-endian bytes of doubles, as TensorProto.raw_data holds them.</summary>
    internal static byte[] RawDoubles(IReadOnlyList<double> values)
    {
        var bytes = new byte[values.Count * 8];
        for (int i = 0; i < values.Count; i++)
        {
            ulong bits = unchecked((ulong)System.BitConverter.DoubleToInt64Bits(values[i]));
            for (int b = 0; b < 8; b++)
            {
                bytes[(i * 8) + b] = (byte)(bits >> (8 * b));
            }
        }

        return bytes;
    }

    /// <summary>The little-endian bytes of the doubles rounded to 32-bit floats.</summary>
    internal static byte[] RawSingles(IReadOnlyList<double> values)
    {
        var bytes = new byte[values.Count * 4];
        for (int i = 0; i < values.Count; i++)
        {
            uint bits = SingleBits((float)values[i]);
            for (int b = 0; b < 4; b++)
            {
                bytes[(i * 4) + b] = (byte)(bits >> (8 * b));
            }
        }

        return bytes;
    }

    private static uint SingleBits(float value) => unchecked((uint)System.BitConverter.ToInt32(System.BitConverter.GetBytes(value), 0));

    private void Tag(int field, int wireType) => WriteVarint((ulong)((field << 3) | wireType));

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            _stream.WriteByte((byte)(value | 0x80));
            value >>= 7;
        }

        _stream.WriteByte((byte)value);
    }

    private void WriteLittleEndian(ulong value, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _stream.WriteByte((byte)(value >> (8 * i)));
        }
    }
}
