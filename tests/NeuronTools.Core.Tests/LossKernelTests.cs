using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Xunit;

namespace NeuronTools.Tests;

public class LossKernelTests
{
    public static IEnumerable<object[]> ReferenceCases() =>
        TrainingReference.Read("training_losses.tsv")
            .Select(row => new object[] { row["case"] });

    [Fact]
    public void TheReferenceTableCoversEveryLoss()
    {
        var rows = TrainingReference.Read("training_losses.tsv").ToArray();

        foreach (LossFunction loss in Enum.GetValues(typeof(LossFunction)))
        {
            Assert.True(rows.Count(r => r["loss"] == loss.ToString()) >= 2, loss + " needs reference rows");
        }
    }

    [Theory]
    [MemberData(nameof(ReferenceCases))]
    public void LossAndGradientMatchPyTorch(string name)
    {
        var row = TrainingReference.Read("training_losses.tsv").Single(r => r["case"] == name);
        int rows = int.Parse(row["rows"], CultureInfo.InvariantCulture);
        int outputs = int.Parse(row["outputs"], CultureInfo.InvariantCulture);
        int targetWidth = int.Parse(row["target_width"], CultureInfo.InvariantCulture);
        var loss = (LossFunction)Enum.Parse(typeof(LossFunction), row["loss"]);
        double[] a = TrainingReference.Numbers(row["preactivation"]);
        double[] rawTarget = TrainingReference.Numbers(row["target"]);

        // One layer with identity weights turns the input into the pre-activation exactly, so ∂L/∂x = ∂L/∂a.
        var identity = new double[outputs * outputs];
        for (int j = 0; j < outputs; j++)
        {
            identity[(j * outputs) + j] = 1.0;
        }

        var stack = new DenseStack(new[] { new DenseLayer(identity, new double[outputs], outputs, ActivationCatalog.Create(row["activation"])) });
        var kernel = StackTrainer.CreateKernel(stack, loss);
        var workspace = new DenseWorkspace(stack, rows);
        Array.Copy(a, workspace.Input, a.Length);
        for (int r = 0; r < rows; r++)
        {
            var encoded = TargetEncoder.Encode(rawTarget.Skip(r * targetWidth).Take(targetWidth).ToArray(), loss, outputs, false);
            Array.Copy(encoded, 0, workspace.Target, r * outputs, outputs);
        }

        workspace.Forward(rows);
        double total = 0.0;
        double[] gradient = kernel.GradientIsForPreActivation ? workspace.Delta[0] : workspace.OutputGradient;
        for (int r = 0; r < rows; r++)
        {
            total += kernel.Row(workspace.PreActivation[0], workspace.Output[0], workspace.Target, r * outputs, gradient, 1.0 / rows);
        }

        workspace.Backward(rows, kernel.GradientIsForPreActivation, computeInputGradient: true);

        TrainingReference.Close(double.Parse(row["loss_value"], CultureInfo.InvariantCulture), total / rows, 1e-14, "loss");
        TrainingReference.Close(TrainingReference.Numbers(row["gradient"]), workspace.InputGradient.Take(rows * outputs).ToArray(), 1e-14, "dL/da");
    }

    [Theory]
    [InlineData(LossFunction.BinaryCrossEntropy, "Sigmoid", 800.0, 0.0, 800.0)]
    [InlineData(LossFunction.BinaryCrossEntropy, "Sigmoid", -800.0, 1.0, 800.0)]
    [InlineData(LossFunction.BinaryCrossEntropy, "Sigmoid", 800.0, 1.0, 0.0)]
    [InlineData(LossFunction.BinaryCrossEntropy, "Identity", -1e300, 1.0, 1e300)]
    public void BinaryCrossEntropyFromLogitsNeverTakesLogOfZero(LossFunction loss, string activation, double a, double target, double expected)
    {
        var kernel = new LossKernel(loss, ActivationCatalog.Create(activation), 1);
        var z = new[] { ((ScalarActivation)ActivationCatalog.Create(activation)).Value(a) };
        var gradient = new double[1];

        double value = kernel.Row(new[] { a }, z, new[] { target }, 0, gradient, 1.0);

        Assert.Equal(expected, value, 12);
        Assert.True(Math.Abs(gradient[0]) <= 1.0);
    }

    [Fact]
    public void CrossEntropyFromProbabilitiesClampsLogOfZeroAtMinus100()
    {
        // A Sigmoid output layer gives probabilities that underflow to 0 for very negative pre-activations.
        var kernel = new LossKernel(LossFunction.CrossEntropy, ActivationCatalog.Create("Sigmoid"), 2);
        var gradient = new double[2];

        double value = kernel.Row(new[] { -800.0, 5.0 }, new[] { 0.0, Elementary.Sigmoid(5.0) }, new[] { 1.0, 0.0 }, 0, gradient, 1.0);

        Assert.Equal(100.0, value);
        Assert.True(double.IsFinite(gradient[0]));
    }

    [Fact]
    public void CrossEntropyOnOneOutputIsLossNotApplicable()
    {
        var error = Assert.Throws<NeuronToolsException>(() => new LossKernel(LossFunction.CrossEntropy, ActivationCatalog.Create("Sigmoid"), 1));

        Assert.Equal("LossNotApplicable", error.ErrorId);
        Assert.Contains("BinaryCrossEntropy", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BinaryCrossEntropyRefusesOutputsOutsideZeroToOne()
    {
        var kernel = new LossKernel(LossFunction.BinaryCrossEntropy, ActivationCatalog.Create("Tanh"), 1);

        var error = Assert.Throws<NeuronToolsException>(() => kernel.Row(new[] { -1.0 }, new[] { Math.Tanh(-1.0) }, new[] { 0.0 }, 0, null, 1.0));

        Assert.Equal("OutputNotProbability", error.ErrorId);
    }

    [Theory]
    [InlineData(LossFunction.CrossEntropy, 3, new[] { 2.0 }, new[] { 0.0, 0.0, 1.0 })]
    [InlineData(LossFunction.CrossEntropy, 3, new[] { 0.2, 0.3, 0.5 }, new[] { 0.2, 0.3, 0.5 })]
    [InlineData(LossFunction.Hinge, 3, new[] { 1.0 }, new[] { 0.0, 1.0, 0.0 })]
    [InlineData(LossFunction.Hinge, 1, new[] { 0.0 }, new[] { -1.0 })]
    [InlineData(LossFunction.Hinge, 1, new[] { 1.0 }, new[] { 1.0 })]
    [InlineData(LossFunction.MeanSquaredError, 2, new[] { 3.5, -1.0 }, new[] { 3.5, -1.0 })]
    [InlineData(LossFunction.BinaryCrossEntropy, 1, new[] { 0.25 }, new[] { 0.25 })]
    public void TargetsAreEncodedOneValuePerOutput(LossFunction loss, int outputs, double[] raw, double[] expected)
    {
        Assert.Equal(expected, TargetEncoder.Encode(raw, loss, outputs, false));
    }

    [Theory]
    [InlineData(LossFunction.CrossEntropy, 3, new[] { 3.0 }, "InvalidTarget")]
    [InlineData(LossFunction.CrossEntropy, 3, new[] { 1.5 }, "InvalidTarget")]
    [InlineData(LossFunction.CrossEntropy, 3, new[] { 0.5, 0.6, 0.0 }, "InvalidTarget")]
    [InlineData(LossFunction.CrossEntropy, 3, new[] { 1.0, 0.0 }, "TargetCountMismatch")]
    [InlineData(LossFunction.Hinge, 1, new[] { 2.0 }, "InvalidTarget")]
    [InlineData(LossFunction.BinaryCrossEntropy, 1, new[] { 1.5 }, "InvalidTarget")]
    [InlineData(LossFunction.MeanSquaredError, 1, new[] { double.NaN }, "InvalidTarget")]
    [InlineData(LossFunction.MeanSquaredError, 2, new[] { 1.0 }, "TargetCountMismatch")]
    public void BadTargetsAreReportedWithTheirOwnErrorId(LossFunction loss, int outputs, double[] raw, string errorId)
    {
        Assert.Equal(errorId, Assert.Throws<NeuronToolsException>(() => TargetEncoder.Encode(raw, loss, outputs, false)).ErrorId);
    }

    [Fact]
    public void ABinaryStepNeuronNeedsZeroOrOneTargets()
    {
        Assert.Equal("InvalidTarget", Assert.Throws<NeuronToolsException>(() => TargetEncoder.Encode(new[] { -1.0 }, LossFunction.MeanSquaredError, 1, true)).ErrorId);
    }
}
