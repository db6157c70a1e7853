using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class ProtoReaderTests
{
    private static readonly ProtoSource s_source = new("The file 'm.onnx'", 8);

    public static IEnumerable<object[]> BrokenMessages() => new (string Scenario, byte[] Bytes, string Mentions)[]
    {
        ("a varint cut off", new byte[] { 0x08, 0x96 }, "ends inside a varint"),
        ("a varint of eleven bytes", new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 }, "longer than 64 bits"),
        ("a tenth varint byte above 1", new byte[] { 0x08, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x02 }, "longer than 64 bits"),
        ("a length beyond the end", new byte[] { 0x12, 0x05, 0x61, 0x62 }, "a length of 5 bytes where only 2 remain"),
        ("a length of 2^63", new byte[] { 0x12, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x01 }, "where only 0 remain"),
        ("a group", new byte[] { 0x0B }, "a protobuf group"),
        ("wire type 7", new byte[] { 0x0F }, "no such wire type"),
        ("field number 0", new byte[] { 0x00, 0x01 }, "a field number of 0"),
        ("a fixed32 cut off", new byte[] { 0x1D, 0x00, 0x00 }, "ends inside a 32-bit value"),
        ("text that is not UTF-8", new byte[] { 0x12, 0x02, 0xC3, 0x28 }, "not valid UTF-8"),
        ("a string where a number belongs", new byte[] { 0x0A, 0x01, 0x41 }, "wire type 2 where this field has wire type 0"),
    }.Select(c => new object[] { c.Scenario, c.Bytes, c.Mentions });

    [Theory]
    [MemberData(nameof(BrokenMessages))]
    public void ABrokenMessageIsOneInvalidModelFileErrorWithTheOffset(string scenario, byte[] bytes, string mentions)
    {
        var reader = new ProtoReader(bytes, s_source);

        var exception = Assert.Throws<NeuronToolsException>(() =>
        {
            while (reader.Next(out int field))
            {
                if (field == 1)
                {
                    reader.Int64();
                }
                else if (field == 2)
                {
                    reader.String();
                }
                else
                {
                    reader.Float();
                }
            }
        });

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains(mentions, exception.Message, StringComparison.Ordinal);
        Assert.Contains("at byte ", exception.Message, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(scenario));
    }

    [Fact]
    public void MessagesNestedBeyondTheLimitAreRefused()
    {
        var message = new ProtoWriter().Int64(1, 1);
        for (int i = 0; i < 10; i++)
        {
            message = new ProtoWriter().Message(2, message);
        }

        var exception = Assert.Throws<NeuronToolsException>(() => Descend(new ProtoReader(message.ToArray(), s_source)));

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains("nested more than 8 deep", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(300L)]
    [InlineData(-1L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void AVarintReadsBackAsWritten(long value)
    {
        var reader = new ProtoReader(new ProtoWriter().Int64(3, value).ToArray(), s_source);

        Assert.True(reader.Next(out int field));
        Assert.Equal(3, field);
        Assert.Equal(value, reader.Int64());
        Assert.False(reader.Next(out _));
    }

    [Fact]
    public void PackedAndUnpackedFloatsReadTheSame()
    {
        var packed = new List<double>();
        var unpacked = new List<double>();
        var packedReader = new ProtoReader(new ProtoWriter().Bytes(4, ProtoWriter.RawSingles(new[] { 0.2, -1.5 })).ToArray(), s_source);
        var unpackedReader = new ProtoReader(new ProtoWriter().Float(4, 0.2f).Float(4, -1.5f).ToArray(), s_source);

        while (packedReader.Next(out _))
        {
            packedReader.Floats(packed);
        }

        while (unpackedReader.Next(out _))
        {
            unpackedReader.Floats(unpacked);
        }

        Assert.Equal(new[] { (double)0.2f, -1.5 }, packed);
        Assert.Equal(packed, unpacked);
    }

    [Theory]
    [InlineData(new long[] { 2, 3 }, 5, "6 values")]
    [InlineData(new long[] { -1, 3 }, 3, "shape [-1, 3]")]
    [InlineData(new long[] { 4_000_000_000L, 4_000_000_000L }, 1, "shape")]
    public void ATensorWhoseValuesDoNotFillItsShapeIsRefused(long[] dims, int count, string mentions)
    {
        var tensor = new ProtoWriter();
        foreach (long dim in dims)
        {
            tensor.Int64(1, dim);
        }

        tensor.Int64(2, 1).String(8, "w").Bytes(9, ProtoWriter.RawSingles(new double[count]));

        var exception = Assert.Throws<NeuronToolsException>(() => OnnxTensor.Read(new ProtoReader(tensor.ToArray(), s_source), s_source));

        Assert.Equal("InvalidModelFile", exception.ErrorId);
        Assert.Contains(mentions, exception.Message, StringComparison.Ordinal);
    }

    private static void Descend(ProtoReader reader)
    {
        while (reader.Next(out int field))
        {
            if (field == 2)
            {
                Descend(reader.Message());
            }
            else
            {
                reader.Skip();
            }
        }
    }
}
