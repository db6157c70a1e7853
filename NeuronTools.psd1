@{
    RootModule           = 'NeuronTools.psm1'
    ModuleVersion        = '0.1.0'
    GUID                 = '5b0f4f7e-2c8e-4f3a-9d55-0e6f1f2d7a41'
    Author               = 'NeuronTools contributors'
    CompanyName          = 'NeuronTools'
    Copyright            = '(c) NeuronTools contributors. MIT License.'
    Description          = 'The artificial neuron as a first-class PowerShell object: build, run, explain and inspect neurons and their activation functions, with exact math and pipeline-friendly cmdlets.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('NeuronTools.Format.ps1xml')
    CmdletsToExport      = @(
        'New-Neuron'
        'Invoke-Neuron'
        'Get-ActivationValue'
        'Get-Activation'
        'New-NeuronLayer'
        'New-NeuronNetwork'
        'Invoke-NeuronNetwork'
        'Show-Neuron'
        'Show-Activation'
        'Get-NeuronGradient'
        'Invoke-NeuronTraining'
        'Test-NeuronModel'
        'Export-Neuron'
        'Import-Neuron'
        'ConvertTo-NeuronJson'
        'ConvertFrom-NeuronJson'
        'Show-NeuronNetwork'
        'Show-TrainingHistory'
    )
    FunctionsToExport    = @()
    AliasesToExport      = @()
    VariablesToExport    = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('NeuralNetwork', 'Neuron', 'MachineLearning', 'Activation', 'ReLU')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ProjectUri   = 'https://github.com/neurontools/NeuronTools'
            ReleaseNotes = @'
The article's neuron as a PowerShell object, and what grows from it (18 cmdlets):
- The neuron: New-Neuron, Invoke-Neuron (vectors, named CSV rows, -AsProperty, -InputMatrix batches), Show-Neuron (diagram and every step as Text, Markdown or LaTeX).
- The catalogue: Get-Activation, Get-ActivationValue and Show-Activation (terminal or SVG charts) for every torch.nn activation and more, with PyTorch's parameters and kink conventions.
- Networks: New-NeuronLayer, New-NeuronNetwork, Invoke-NeuronNetwork, Show-NeuronNetwork.
- Gradients and training: Get-NeuronGradient (agrees with PyTorch autograd), Invoke-NeuronTraining (SGD, Momentum, Adam; seeded and reproducible), Test-NeuronModel, Show-TrainingHistory.
- Saving: Export-Neuron (JSON exact to the last bit, or ONNX; atomic, -WhatIf), Import-Neuron, ConvertTo-NeuronJson, ConvertFrom-NeuronJson.
Bad rows are non-terminating errors with stable ids and the row as target; construction errors target the offending value; numbers in text are read with the invariant culture. Full help for every cmdlet, and about_NeuronTools.
'@
        }
    }
}
