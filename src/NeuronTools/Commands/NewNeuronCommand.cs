using System.Management.Automation;

namespace NeuronTools.Commands;

/// <summary>Creates an immutable neuron from weights and a bias, or with seeded starting weights.</summary>
[Cmdlet(VerbsCommon.New, "Neuron", DefaultParameterSetName = WeightSet)]
[OutputType(typeof(Neuron))]
public sealed class NewNeuronCommand : PSCmdlet
{
    private const string WeightSet = "Weight";
    private const string InitializationSet = "Initialization";

    [Parameter(Mandatory = true, Position = 0, ParameterSetName = WeightSet)]
    [Alias("Weights", "W")]
    [WeightTransformation]
    [ValidateNotNullOrEmpty]
    public double[] Weight { get; set; } = null!;

    [Parameter(Mandatory = true, ParameterSetName = InitializationSet)]
    [ValidateRange(1, int.MaxValue)]
    [InvariantInteger]
    public int InputCount { get; set; }

    [Parameter(ParameterSetName = InitializationSet)]
    public Initialization Initialization { get; set; } = Initialization.Uniform;

    [Parameter(ParameterSetName = InitializationSet)]
    [InvariantInteger]
    public int? Seed { get; set; }

    [Parameter]
    [Alias("B")]
    [InvariantNumber]
    public double Bias { get; set; }

    [Parameter]
    [ArgumentCompleter(typeof(ActivationCompleter))]
    [ValidateNotNullOrEmpty]
    public string Activation { get; set; } = "ReLU";

    [Parameter]
    public string? Name { get; set; }

    [Parameter]
    [Alias("InputNames")]
    [ValidateNotNullOrEmpty]
    public string[]? InputName { get; set; }

    protected override void EndProcessing()
    {
        ScalarActivation activation;
        try
        {
            activation = ActivationCatalog.CreateScalar(Activation);
        }
        catch (NeuronToolsException exception)
        {
            ThrowTerminatingError(ErrorRecords.From(exception, Activation));
            return;
        }

        double[] weight = Weight;
        if (ParameterSetName == InitializationSet)
        {
            try
            {
                weight = WeightInitializer.Draw(Initialization, InputCount, 1, InputCount, Seed ?? WeightInitializer.NewSeed());
            }
            catch (NeuronToolsException exception)
            {
                ThrowTerminatingError(ErrorRecords.From(exception, InputCount));
                return;
            }
        }

        string[]? inputName = InputName;
        string[]? namesFromWeight = ParameterSetName == InitializationSet ? null : WeightTransformationAttribute.InputNamesOf(Weight);
        if (namesFromWeight is not null)
        {
            if (inputName is not null)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    ErrorIds.InputNameConflict,
                    ErrorCategory.InvalidArgument,
                    "The input names are given twice: as the keys of the -Weight dictionary and with -InputName. Give them one way only.",
                    inputName));
            }

            inputName = namesFromWeight;
        }

        try
        {
            WriteObject(new Neuron(weight, Bias, activation, Name, inputName));
        }
        catch (NeuronToolsException exception)
        {
            // The target is the value the problem is with: the weights, the bias or the input names.
            object? target = exception.ParameterName switch
            {
                "bias" => Bias,
                "inputName" => inputName,
                _ => weight,
            };
            ThrowTerminatingError(ErrorRecords.From(exception, target));
        }
    }
}
