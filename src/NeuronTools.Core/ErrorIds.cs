namespace NeuronTools;

/// <summary>
/// The error ids users see and catch (an ErrorRecord's FullyQualifiedErrorId begins with one), in one place.
/// An id is part of the module's interface: add one, never rename one.
/// </summary>
internal static class ErrorIds
{
    /// <summary>Something that is not a neuron or a network was given to run, train, score or differentiate.</summary>
    internal const string UnsupportedModel = nameof(UnsupportedModel);

    /// <summary>
    /// Something that is not a model was given to save. The same mistake as <see cref="UnsupportedModel"/>, under
    /// the id Export-Neuron and ConvertTo-NeuronJson have always reported.
    /// </summary>
    internal const string UnsupportedModelType = nameof(UnsupportedModelType);

    // The ids the cmdlets report, by the name users catch them with; each thrower says when.
    internal const string ActivationCountMismatch = nameof(ActivationCountMismatch);

    internal const string AmbiguousPath = nameof(AmbiguousPath);

    internal const string AsPropertyConflict = nameof(AsPropertyConflict);

    internal const string AsPropertyNotSupported = nameof(AsPropertyNotSupported);

    internal const string BiasCountMismatch = nameof(BiasCountMismatch);

    internal const string CategoricalInputNeedsNames = nameof(CategoricalInputNeedsNames);

    internal const string CategoricalInputNotFound = nameof(CategoricalInputNotFound);

    internal const string ChartTooSmall = nameof(ChartTooSmall);

    internal const string ClassLabelCountMismatch = nameof(ClassLabelCountMismatch);

    internal const string DirectoryNotFound = nameof(DirectoryNotFound);

    internal const string DuplicateInputName = nameof(DuplicateInputName);

    internal const string EmptyLayer = nameof(EmptyLayer);

    internal const string EmptyNetwork = nameof(EmptyNetwork);

    internal const string EmptyTrainingHistory = nameof(EmptyTrainingHistory);

    internal const string EmptyWeight = nameof(EmptyWeight);

    internal const string FileAlreadyWritten = nameof(FileAlreadyWritten);

    internal const string FileExists = nameof(FileExists);

    internal const string FileReadOnly = nameof(FileReadOnly);

    internal const string GradientNotSupported = nameof(GradientNotSupported);

    internal const string InputCountMismatch = nameof(InputCountMismatch);

    internal const string InputNameConflict = nameof(InputNameConflict);

    internal const string InputNameCountMismatch = nameof(InputNameCountMismatch);

    internal const string InputNameRequired = nameof(InputNameRequired);

    internal const string InvalidActivationParameter = nameof(InvalidActivationParameter);

    internal const string InvalidActivationSpecification = nameof(InvalidActivationSpecification);

    internal const string InvalidCategory = nameof(InvalidCategory);

    internal const string InvalidClassLabel = nameof(InvalidClassLabel);

    internal const string InvalidInputCount = nameof(InvalidInputCount);

    internal const string InvalidInputMatrix = nameof(InvalidInputMatrix);

    internal const string InvalidInputName = nameof(InvalidInputName);

    internal const string InvalidInputValue = nameof(InvalidInputValue);

    internal const string InvalidModelFile = nameof(InvalidModelFile);

    internal const string InvalidNeuronCount = nameof(InvalidNeuronCount);

    internal const string InvalidOutputIndex = nameof(InvalidOutputIndex);

    internal const string InvalidPlotRange = nameof(InvalidPlotRange);

    internal const string InvalidPreprocessing = nameof(InvalidPreprocessing);

    internal const string InvalidScaling = nameof(InvalidScaling);

    internal const string InvalidShape = nameof(InvalidShape);

    internal const string InvalidTarget = nameof(InvalidTarget);

    internal const string InvalidTrainingOption = nameof(InvalidTrainingOption);

    internal const string JsonSyntaxError = nameof(JsonSyntaxError);

    internal const string JsonTooComplex = nameof(JsonTooComplex);

    internal const string JsonTooDeep = nameof(JsonTooDeep);

    internal const string LayerShapeMismatch = nameof(LayerShapeMismatch);

    internal const string LossNotApplicable = nameof(LossNotApplicable);

    internal const string MissingActivationParameter = nameof(MissingActivationParameter);

    internal const string MissingInput = nameof(MissingInput);

    internal const string MissingValue = nameof(MissingValue);

    internal const string ModelFileTooLarge = nameof(ModelFileTooLarge);

    internal const string ModelReadFailed = nameof(ModelReadFailed);

    internal const string ModelWriteFailed = nameof(ModelWriteFailed);

    internal const string NaNInput = nameof(NaNInput);

    internal const string NetworkTooLarge = nameof(NetworkTooLarge);

    internal const string NeuronActivationMismatch = nameof(NeuronActivationMismatch);

    internal const string NeuronInputCountMismatch = nameof(NeuronInputCountMismatch);

    internal const string NoAccuracy = nameof(NoAccuracy);

    internal const string NoEvaluationData = nameof(NoEvaluationData);

    internal const string NoInputColumn = nameof(NoInputColumn);

    internal const string NoTrainingData = nameof(NoTrainingData);

    internal const string NoTrainingHistory = nameof(NoTrainingHistory);

    internal const string NonFiniteBias = nameof(NonFiniteBias);

    internal const string NonFiniteInput = nameof(NonFiniteInput);

    internal const string NonFiniteResult = nameof(NonFiniteResult);

    internal const string NonFiniteWeight = nameof(NonFiniteWeight);

    internal const string NotATrainingHistory = nameof(NotATrainingHistory);

    internal const string NotFileSystemPath = nameof(NotFileSystemPath);

    internal const string OneFigurePerFile = nameof(OneFigurePerFile);

    internal const string OutFileNotWritable = nameof(OutFileNotWritable);

    internal const string OutputNotProbability = nameof(OutputNotProbability);

    internal const string PathIsDirectory = nameof(PathIsDirectory);

    internal const string PathNotFound = nameof(PathNotFound);

    internal const string RaggedWeight = nameof(RaggedWeight);

    internal const string TargetCountMismatch = nameof(TargetCountMismatch);

    internal const string TargetPropertyNeedsObjectRows = nameof(TargetPropertyNeedsObjectRows);

    internal const string TooFewTrainingRows = nameof(TooFewTrainingRows);

    internal const string TooManyWeights = nameof(TooManyWeights);

    internal const string TrainingDiverged = nameof(TrainingDiverged);

    internal const string UnknownActivation = nameof(UnknownActivation);

    internal const string UnknownActivationParameter = nameof(UnknownActivationParameter);

    internal const string UnknownCategory = nameof(UnknownCategory);

    internal const string UnknownClassLabel = nameof(UnknownClassLabel);

    internal const string UnsupportedChartFormat = nameof(UnsupportedChartFormat);

    internal const string UnsupportedOnnxActivation = nameof(UnsupportedOnnxActivation);

    internal const string UnsupportedOnnxGraph = nameof(UnsupportedOnnxGraph);

    internal const string UnsupportedOnnxOperator = nameof(UnsupportedOnnxOperator);

    internal const string UnsupportedSchemaVersion = nameof(UnsupportedSchemaVersion);

    internal const string UntrainableActivation = nameof(UntrainableActivation);

    internal const string VectorActivationNotAllowed = nameof(VectorActivationNotAllowed);

    internal const string VectorActivationNotPlottable = nameof(VectorActivationNotPlottable);

    /// <summary>The first row of named columns lacks an input column the job needs: reported once, naming the closest column.</summary>
    internal const string MissingInputColumn = nameof(MissingInputColumn);

    /// <summary>The first row of named columns lacks the -Target column: reported once, naming the closest column.</summary>
    internal const string MissingTargetColumn = nameof(MissingTargetColumn);

    /// <summary>Text class labels were given to score a model that has none.</summary>
    internal const string ModelHasNoClassLabel = nameof(ModelHasNoClassLabel);

    /// <summary>Get-NeuronGradient was given a model with stored preprocessing, whose input gradients it cannot yet give with respect to the raw inputs.</summary>
    internal const string PreprocessingNotSupported = nameof(PreprocessingNotSupported);
}
