using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace NeuronTools;

/// <summary>The protobuf wire types (protobuf's encoding guide); 3 and 4 are the deprecated groups, refused.</summary>
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    Fixed32 = 5,
}

/// <summary>
/// Reads the protobuf wire format from bytes already in memory, trusting nothing in them: every varint and length
/// is checked against the bytes that are really there, nesting is bounded, and nothing is allocated that the bytes
/// present do not justify (a repeated field grows one element per element read; a string or a byte array is never
/// longer than the rest of its message). Any problem is one <see cref="NeuronToolsException"/> with the id
/// InvalidModelFile and the byte offset, never an exception of the runtime.
/// </summary>
internal sealed class ProtoReader
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly byte[] _data;
    private readonly int _end;
    private readonly int _depth;
    private readonly ProtoSource _source;
    private int _position;
    private WireType _wireType;

    internal ProtoReader(byte[] data, ProtoSource source)
        : this(data, 0, data.Length, 0, source)
    {
    }

    private ProtoReader(byte[] data, int start, int end, int depth, ProtoSource source)
    {
        _data = data;
        _position = start;
        _end = end;
        _depth = depth;
        _source = source;
    }

    /// <summary>Where the reader is, from the start of the file, for messages.</summary>
    internal int Position => _position;

    /// <summary>Moves to the next field; false at the end of the message.</summary>
    internal bool Next(out int field)
    {
        if (_position >= _end)
        {
            field = 0;
            return false;
        }

        int at = _position;
        ulong tag = ReadVarint();
        int wire = (int)(tag & 7);
        ulong number = tag >> 3;
        if (number == 0 || number > 536_870_911)
        {
            throw _source.Invalid(at, "a field number of " + number.ToString(CultureInfo.InvariantCulture) + " (protobuf allows 1 to 536870911)");
        }

        if (wire is not (0 or 1 or 2 or 5))
        {
            throw _source.Invalid(at, "wire type " + wire.ToString(CultureInfo.InvariantCulture) + (wire is 3 or 4 ? " (a protobuf group, which ONNX never uses)" : " (protobuf has no such wire type)"));
        }

        _wireType = (WireType)wire;
        field = (int)number;
        return true;
    }

    internal long Int64()
    {
        Expect(WireType.Varint);
        return unchecked((long)ReadVarint());
    }

    /// <summary>A varint that must fit a 32-bit signed integer, as an enum or an int32 field does.</summary>
    internal int Int32()
    {
        int at = _position;
        long value = Int64();
        if (value < int.MinValue || value > int.MaxValue)
        {
            throw _source.Invalid(at, "the 32-bit value " + value.ToString(CultureInfo.InvariantCulture) + ", which is out of range");
        }

        return (int)value;
    }

    internal float Float()
    {
        Expect(WireType.Fixed32);
        return BitConverter.ToSingle(Fixed(4), 0);
    }

    internal string String()
    {
        var (start, length) = LengthDelimited();
        try
        {
            return s_utf8.GetString(_data, start, length);
        }
        catch (ArgumentException)
        {
            throw _source.Invalid(start, "text that is not valid UTF-8");
        }
    }

    /// <summary>The bytes of a length-delimited field, copied (never longer than the message holds).</summary>
    internal byte[] Bytes()
    {
        var (start, length) = LengthDelimited();
        var bytes = new byte[length];
        Buffer.BlockCopy(_data, start, bytes, 0, length);
        return bytes;
    }

    /// <summary>A nested message, one level deeper than this one.</summary>
    internal ProtoReader Message()
    {
        var (start, length) = LengthDelimited();
        if (_depth + 1 > _source.MaximumDepth)
        {
            throw _source.Invalid(start, "messages nested more than " + _source.MaximumDepth.ToString(CultureInfo.InvariantCulture) + " deep");
        }

        return new ProtoReader(_data, start, start + length, _depth + 1, _source);
    }

    /// <summary>A repeated varint field, packed (one length-delimited run) or not (one value per field).</summary>
    internal void Int64s(List<long> values)
    {
        if (_wireType != WireType.LengthDelimited)
        {
            values.Add(Int64());
            return;
        }

        var (start, length) = LengthDelimited();
        int end = start + length;
        int saved = _position;
        _position = start;
        while (_position < end)
        {
            values.Add(unchecked((long)ReadVarint(end)));
        }

        _position = saved;
    }

    /// <summary>A repeated float field, packed or not, each widened exactly to a double.</summary>
    internal void Floats(List<double> values)
    {
        if (_wireType != WireType.LengthDelimited)
        {
            values.Add(Float());
            return;
        }

        var (start, length) = PackedRun(4);
        for (int i = 0; i < length; i += 4)
        {
            values.Add(BitConverter.ToSingle(LittleEndian(start + i, 4), 0));
        }
    }

    /// <summary>A repeated double field, packed or not.</summary>
    internal void Doubles(List<double> values)
    {
        if (_wireType != WireType.LengthDelimited)
        {
            Expect(WireType.Fixed64);
            values.Add(BitConverter.ToDouble(Fixed(8), 0));
            return;
        }

        var (start, length) = PackedRun(8);
        for (int i = 0; i < length; i += 8)
        {
            values.Add(BitConverter.ToDouble(LittleEndian(start + i, 8), 0));
        }
    }

    /// <summary>Passes over a field this reader has no use for.</summary>
    internal void Skip()
    {
        switch (_wireType)
        {
            case WireType.Varint:
                ReadVarint();
                break;
            case WireType.Fixed64:
                Fixed(8);
                break;
            case WireType.Fixed32:
                Fixed(4);
                break;
            default:
                LengthDelimited();
                break;
        }
    }

    /// <summary>The bytes at an offset as a little-endian number, whatever the machine's byte order.</summary>
    internal byte[] LittleEndian(int start, int count)
    {
        var bytes = new byte[count];
        Buffer.BlockCopy(_data, start, bytes, 0, count);
        if (!BitConverter.IsLittleEndian)
        {
            Array.Reverse(bytes);
        }

        return bytes;
    }

    private (int Start, int Length) PackedRun(int elementSize)
    {
        var (start, length) = LengthDelimited();
        if (length % elementSize != 0)
        {
            throw _source.Invalid(start, "a packed run of " + length.ToString(CultureInfo.InvariantCulture) + " bytes, which is not a whole number of " + elementSize.ToString(CultureInfo.InvariantCulture) + "-byte values");
        }

        return (start, length);
    }

    private void Expect(WireType wireType)
    {
        if (_wireType != wireType)
        {
            throw _source.Invalid(_position, "wire type " + ((int)_wireType).ToString(CultureInfo.InvariantCulture) + " where this field has wire type " + ((int)wireType).ToString(CultureInfo.InvariantCulture));
        }
    }

    private (int Start, int Length) LengthDelimited()
    {
        Expect(WireType.LengthDelimited);
        int at = _position;
        ulong length = ReadVarint();
        if (length > (ulong)(_end - _position))
        {
            throw _source.Invalid(at, "a length of " + length.ToString(CultureInfo.InvariantCulture) + " bytes where only " + (_end - _position).ToString(CultureInfo.InvariantCulture) + " remain");
        }

        int start = _position;
        _position += (int)length;
        return (start, (int)length);
    }

    private byte[] Fixed(int count)
    {
        if (_end - _position < count)
        {
            throw _source.Invalid(_position, "the file ends inside a " + (count * 8).ToString(CultureInfo.InvariantCulture) + "-bit value");
        }

        var bytes = LittleEndian(_position, count);
        _position += count;
        return bytes;
    }

    private ulong ReadVarint() => ReadVarint(_end);

    private ulong ReadVarint(int end)
    {
        int at = _position;
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (_position >= end)
            {
                throw _source.Invalid(at, "the message ends inside a varint");
            }

            byte b = _data[_position++];

            // The tenth byte holds only the 64th bit.
            if (shift == 63 && b > 1)
            {
                throw _source.Invalid(at, "a varint longer than 64 bits");
            }

            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }

        throw _source.Invalid(at, "a varint longer than 64 bits");
    }
}

/// <summary>What every reader of one file shares: the file's description for messages and the nesting limit.</summary>
internal sealed class ProtoSource
{
    internal ProtoSource(string description, int maximumDepth)
    {
        Description = description;
        MaximumDepth = maximumDepth;
    }

    /// <summary>"The file 'C:\m.onnx'", as the messages start.</summary>
    internal string Description { get; }

    internal int MaximumDepth { get; }

    internal NeuronToolsException Invalid(int offset, string problem) => new(
        ErrorIds.InvalidModelFile,
        ErrorKind.InvalidData,
        FormattableString.Invariant($"{Description} is not a valid ONNX model: at byte {offset} it has {problem}. The file is damaged or cut off; export it again."));

    /// <summary>A file whose bytes are well formed but whose ONNX content makes no sense (a tensor with fewer values than its shape).</summary>
    internal NeuronToolsException Invalid(string problem) => new(
        ErrorIds.InvalidModelFile,
        ErrorKind.InvalidData,
        $"{Description} is not a valid ONNX model: {problem}. The file is damaged; export it again.");
}
