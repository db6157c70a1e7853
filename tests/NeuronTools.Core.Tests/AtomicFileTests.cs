using System;
using System.IO;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "neurontools-atomic-" + Guid.NewGuid().ToString("N"));

    public AtomicFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Target => Path.Combine(_folder, "model.json");

    private static Neuron Article => new(new[] { 0.5, -1.0, 2.0 }, 0.5, ActivationCatalog.CreateScalar("ReLU"), "article");

    [Fact]
    public void AFailureHalfwayLeavesTheOldFileByteIdenticalAndNoTemporaryFile()
    {
        ModelFile.Save(Target, Article, ModelFileFormat.Json, overwrite: false);
        byte[] before = File.ReadAllBytes(Target);
        var other = new Neuron(new[] { 9.0 }, 9.0, ActivationCatalog.CreateScalar("Tanh"));

        var exception = Assert.Throws<NeuronToolsException>(() => ModelFile.Save(
            Target, other, ModelFileFormat.Json, overwrite: true, beforeCommit: stream => throw new IOException("The disk is full (injected).")));

        Assert.Equal("ModelWriteFailed", exception.ErrorId);
        Assert.Contains("unchanged", exception.Message, StringComparison.Ordinal);
        Assert.Contains("The disk is full (injected).", exception.Message, StringComparison.Ordinal);

        Assert.Equal(before, File.ReadAllBytes(Target));
        Assert.Equal(new[] { "model.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void AnExceptionFromTheWriterLeavesTheOldFileAndRemovesTheTemporaryFile()
    {
        File.WriteAllText(Target, "old content");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(
            Target,
            stream =>
            {
                stream.Write(new byte[1000], 0, 1000);
                throw new InvalidOperationException("midway");
            },
            overwrite: true));

        Assert.Equal("old content", File.ReadAllText(Target));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void AnExistingFileIsReplacedOnlyWhenOverwritingIsAsked()
    {
        File.WriteAllText(Target, "old content");

        var exception = Assert.Throws<NeuronToolsException>(() => ModelFile.Save(Target, Article, ModelFileFormat.Json, overwrite: false));
        Assert.Equal("FileExists", exception.ErrorId);
        Assert.Equal("old content", File.ReadAllText(Target));

        ModelFile.Save(Target, Article, ModelFileFormat.Json, overwrite: true);
        Assert.IsType<Neuron>(ModelFile.Load(Target, new ModelReadOptions()));
        Assert.Single(Directory.GetFiles(_folder));
    }

    [Fact]
    public void AModelOnnxCannotExpressFailsBeforeAnyFileIsCreated()
    {
        var cube = new ActivationDefinition(
            "Cube", Array.Empty<string>(), ActivationKind.Scalar, "x³", "3x²", "(-∞, ∞)", "none", Array.Empty<ActivationParameter>(),
            (definition, arguments) => new DelegateActivation(definition, arguments, x => x * x * x, x => 3 * x * x));
        var neuron = new Neuron(new[] { 1.0 }, 0.0, (ScalarActivation)cube.Create(ActivationArguments.Empty));

        Assert.Equal("UnsupportedOnnxActivation", Assert.Throws<NeuronToolsException>(() => ModelFile.Save(Target, neuron, ModelFileFormat.Onnx, overwrite: true)).ErrorId);
        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Fact]
    public void AFileLargerThanTheLimitIsRefusedBeforeItIsRead()
    {
        File.WriteAllText(Target, new string(' ', 2000) + "{}");

        var exception = Assert.Throws<NeuronToolsException>(() => ModelFile.Load(Target, new ModelReadOptions { MaximumSize = 1000 }));

        Assert.Equal("ModelFileTooLarge", exception.ErrorId);
        Assert.Contains("2002 bytes", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BytesThatAreNotUtf8AreASyntaxError()
    {
        File.WriteAllBytes(Target, new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' });

        Assert.Equal("JsonSyntaxError", Assert.Throws<NeuronToolsException>(() => ModelFile.Load(Target, new ModelReadOptions())).ErrorId);
    }

    [Fact]
    public void AMissingFolderIsReportedByName()
    {
        string path = Path.Combine(_folder, "missing", "model.json");

        var exception = Assert.Throws<NeuronToolsException>(() => ModelFile.Save(path, Article, ModelFileFormat.Json, overwrite: false));

        Assert.Equal("DirectoryNotFound", exception.ErrorId);
        Assert.Contains("missing", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(ExistingFileRule.Keep), false, "FileExists")]
    [InlineData(nameof(ExistingFileRule.Keep), true, "FileExists")]
    [InlineData(nameof(ExistingFileRule.Replace), false, null)]
    [InlineData(nameof(ExistingFileRule.Replace), true, "FileReadOnly")]
    [InlineData(nameof(ExistingFileRule.ReplaceReadOnly), false, null)]
    [InlineData(nameof(ExistingFileRule.ReplaceReadOnly), true, null)]
    public void AnExistingFileIsReplacedAsTheRuleSays(string ruleName, bool readOnly, string? expectedErrorId)
    {
        var rule = Enum.Parse<ExistingFileRule>(ruleName);
        File.WriteAllText(Target, "old content");
        if (readOnly)
        {
            File.SetAttributes(Target, FileAttributes.ReadOnly);
        }

        void WriteNew() => AtomicFile.Write(Target, stream => stream.Write(new byte[] { (byte)'n', (byte)'e', (byte)'w' }, 0, 3), rule);

        if (expectedErrorId is null)
        {
            WriteNew();
            Assert.Equal("new", File.ReadAllText(Target));
        }
        else
        {
            Assert.Equal(expectedErrorId, Assert.Throws<NeuronToolsException>(WriteNew).ErrorId);
            Assert.Equal("old content", File.ReadAllText(Target));
        }

        Assert.Single(Directory.GetFiles(_folder));
        File.SetAttributes(Target, FileAttributes.Normal);
    }
}
