<#
.SYNOPSIS
Builds the module's MAML help (NeuronTools.dll-Help.xml) from module/help/<Verb-Noun>.md.

.DESCRIPTION
The Markdown files are the one source of the words: synopsis, description, each parameter's
description, inputs, outputs, examples, notes and links. Everything the cmdlet itself knows
(parameter sets, types, positions, pipeline input, aliases, wildcards) is read from the built
cmdlets, so the help cannot drift from the code. The build fails when a cmdlet has no help file,
a parameter has no description, the help describes a parameter the cmdlet lacks, or a cmdlet has
fewer than two examples.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $MarkdownPath,
    [Parameter(Mandatory)] [string] $OutFile
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$commonParameters = [System.Management.Automation.PSCmdlet]::CommonParameters +
    [System.Management.Automation.PSCmdlet]::OptionalCommonParameters

function Read-HelpMarkdown([string] $Path) {
    # Returns @{ Name; Sections = @{ SYNOPSIS = text; PARAMETERS = [ordered]@{ Name = text }; ... } }
    $lines = Get-Content -LiteralPath $Path -Encoding utf8
    $help = @{ Sections = @{}; Subsections = @{} }
    $section = $null
    $subsection = $null
    foreach ($line in $lines) {
        if ($line -match '^# (\S+)\s*$' -and -not $section) { $help.Name = $Matches[1]; continue }
        if ($line -match '^## (.+?)\s*$') {
            $section = $Matches[1].ToUpperInvariant(); $subsection = $null
            $help.Sections[$section] = [System.Collections.Generic.List[string]]::new()
            $help.Subsections[$section] = [ordered]@{}
            continue
        }
        if ($line -match '^### (.+?)\s*$' -and $section) {
            $subsection = $Matches[1]
            $help.Subsections[$section][$subsection] = [System.Collections.Generic.List[string]]::new()
            continue
        }
        if (-not $section) { continue }
        if ($subsection) { $help.Subsections[$section][$subsection].Add($line) } else { $help.Sections[$section].Add($line) }
    }
    $help
}

function Split-Paragraph([string[]] $Lines) {
    # Paragraphs are separated by blank lines; a list item starts a paragraph of its own.
    $paragraphs = [System.Collections.Generic.List[string]]::new()
    $current = [System.Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        if ([string]::IsNullOrWhiteSpace($line) -or ($line -match '^\s*[-*] ' -and $current.Count -gt 0)) {
            if ($current.Count) { $paragraphs.Add(($current -join ' ')); $current.Clear() }
            if ([string]::IsNullOrWhiteSpace($line)) { continue }
        }
        $current.Add($line.Trim())
    }
    if ($current.Count) { $paragraphs.Add(($current -join ' ')) }
    , $paragraphs.ToArray()
}

function Write-Para([System.Xml.XmlWriter] $Writer, [string[]] $Lines) {
    $Writer.WriteStartElement('maml', 'description', $maml)
    foreach ($paragraph in (Split-Paragraph @($Lines | Where-Object { $_ -notmatch '^Default: ' }))) {
        $Writer.WriteElementString('maml', 'para', $maml, $paragraph)
    }
    $Writer.WriteEndElement()
}

function Get-TypeName([type] $Type) {
    if ($Type.IsGenericType -and $Type.GetGenericTypeDefinition() -eq [Nullable`1]) { return $Type.GetGenericArguments()[0].Name }
    $Type.Name
}

function Write-Parameter([System.Xml.XmlWriter] $Writer, $Parameter, $SetParameter, [string[]] $Description, [string] $Default = 'None') {
    $pipeline = @()
    if ($SetParameter.ValueFromPipeline) { $pipeline += 'ByValue' }
    if ($SetParameter.ValueFromPipelineByPropertyName) { $pipeline += 'ByPropertyName' }
    $pipelineText = if ($pipeline) { 'True (' + ($pipeline -join ', ') + ')' } else { 'False' }
    $position = if ($SetParameter.Position -ge 0) { [string]$SetParameter.Position } else { 'named' }
    $aliases = if ($Parameter.Aliases.Count) { $Parameter.Aliases -join ', ' } else { 'none' }
    $globbing = [bool]($Parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
    $typeName = Get-TypeName $Parameter.ParameterType

    $Writer.WriteStartElement('command', 'parameter', $command)
    $Writer.WriteAttributeString('required', $SetParameter.IsMandatory.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', $globbing.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipelineText)
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $aliases)
    $Writer.WriteElementString('maml', 'name', $maml, $Parameter.Name)
    Write-Para $Writer $Description
    if ($Parameter.ParameterType -ne [System.Management.Automation.SwitchParameter]) {
        $Writer.WriteStartElement('command', 'parameterValue', $command)
        $Writer.WriteAttributeString('required', 'true')
        $Writer.WriteAttributeString('variableLength', $Parameter.ParameterType.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString($typeName)
        $Writer.WriteEndElement()
        $enum = [Nullable]::GetUnderlyingType($Parameter.ParameterType)
        if (-not $enum) { $enum = $Parameter.ParameterType }
        if ($enum.IsEnum) {
            $Writer.WriteStartElement('command', 'parameterValueGroup', $command)
            foreach ($value in [enum]::GetNames($enum)) {
                $Writer.WriteStartElement('command', 'parameterValue', $command)
                $Writer.WriteAttributeString('required', 'false')
                $Writer.WriteAttributeString('variableLength', 'false')
                $Writer.WriteString($value)
                $Writer.WriteEndElement()
            }
            $Writer.WriteEndElement()
        }
    }
    $Writer.WriteStartElement('dev', 'type', $dev)
    $Writer.WriteElementString('maml', 'name', $maml, $Parameter.ParameterType.FullName)
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $dev, $Default)
    $Writer.WriteEndElement()
}

function Get-DefaultValue($Instance, $Parameter, $SetParameter, [string[]] $Description) {
    # The default is what a new instance of the cmdlet holds, so the help cannot disagree with the code;
    # a line 'Default: ...' in the parameter's Markdown says it in words where the value is a placeholder
    # (a seed drawn per run, a width taken from the window).
    $stated = @($Description | Where-Object { $_ -match '^Default: ' })
    if ($stated.Count) { return $stated[0].Substring('Default: '.Length).Trim() }
    if ($SetParameter.IsMandatory) { return 'None' }
    $value = $Instance.($Parameter.Name)
    if ($null -eq $value) { return 'None' }
    if ($value -is [System.Management.Automation.SwitchParameter]) { return $value.IsPresent.ToString() }
    if ($value -is [double]) { return $value.ToString('R', [cultureinfo]::InvariantCulture) }
    if ($value -is [array]) { return (@($value) | ForEach-Object { [string]$_ }) -join ', ' }
    [string]$value
}

function Write-TypeList([System.Xml.XmlWriter] $Writer, [string] $ListName, [string] $ItemName, $Items) {
    $Writer.WriteStartElement('command', $ListName, $command)
    foreach ($entry in $Items.GetEnumerator()) {
        $Writer.WriteStartElement('command', $ItemName, $command)
        $Writer.WriteStartElement('dev', 'type', $dev)
        $Writer.WriteElementString('maml', 'name', $maml, $entry.Key)
        $Writer.WriteEndElement()
        Write-Para $Writer $entry.Value
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
}

$maml = 'http://schemas.microsoft.com/maml/2004/10'
$command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
$dev = 'http://schemas.microsoft.com/maml/dev/2004/10'

$module = Import-Module -Name $ModulePath -PassThru -Force
$problems = [System.Collections.Generic.List[string]]::new()
$settings = [System.Xml.XmlWriterSettings]@{ Indent = $true; Encoding = [System.Text.UTF8Encoding]::new($false) }
$null = New-Item -ItemType Directory -Force -Path (Split-Path -Parent $OutFile)
$writer = [System.Xml.XmlWriter]::Create($OutFile, $settings)
try {
    $writer.WriteStartDocument()
    $writer.WriteStartElement('helpItems', 'http://msh')
    $writer.WriteAttributeString('schema', 'maml')
    foreach ($cmdlet in ($module.ExportedCmdlets.Values | Sort-Object Name)) {
        $file = Join-Path $MarkdownPath "$($cmdlet.Name).md"
        if (-not (Test-Path -LiteralPath $file)) { $problems.Add("$($cmdlet.Name): no help file $file"); continue }
        $help = Read-HelpMarkdown $file
        $documented = $help.Subsections['PARAMETERS']
        $parameters = $cmdlet.Parameters.Values | Where-Object { $_.Name -notin $commonParameters }
        foreach ($parameter in $parameters) {
            if (-not $documented -or -not $documented.Contains("-$($parameter.Name)")) { $problems.Add("$($cmdlet.Name): parameter -$($parameter.Name) has no '### -$($parameter.Name)' section") }
        }
        foreach ($name in @($documented.Keys)) {
            if ($name.TrimStart('-') -notin $parameters.Name) { $problems.Add("$($cmdlet.Name): the help describes $name, which the cmdlet does not have") }
        }
        foreach ($required in 'SYNOPSIS', 'DESCRIPTION', 'EXAMPLES', 'OUTPUTS') {
            if (-not $help.Sections.ContainsKey($required)) { $problems.Add("$($cmdlet.Name): no '## $required' section") }
        }
        if ($problems.Count) { continue }
        $examples = $help.Subsections['EXAMPLES']
        if ($examples.Count -lt 2) { $problems.Add("$($cmdlet.Name): fewer than two examples"); continue }

        $instance = [Activator]::CreateInstance($cmdlet.ImplementingType)
        $writer.WriteStartElement('command', 'command', $command)
        $writer.WriteAttributeString('xmlns', 'maml', $null, $maml)
        $writer.WriteAttributeString('xmlns', 'dev', $null, $dev)
        $writer.WriteStartElement('command', 'details', $command)
        $writer.WriteElementString('command', 'name', $command, $cmdlet.Name)
        $writer.WriteElementString('command', 'verb', $command, $cmdlet.Verb)
        $writer.WriteElementString('command', 'noun', $command, $cmdlet.Noun)
        Write-Para $writer $help.Sections['SYNOPSIS']
        $writer.WriteEndElement()
        Write-Para $writer $help.Sections['DESCRIPTION']

        $writer.WriteStartElement('command', 'syntax', $command)
        foreach ($set in $cmdlet.ParameterSets) {
            $writer.WriteStartElement('command', 'syntaxItem', $command)
            $writer.WriteElementString('maml', 'name', $maml, $cmdlet.Name)
            foreach ($setParameter in ($set.Parameters | Where-Object { $_.Name -notin $commonParameters } | Sort-Object { if ($_.Position -ge 0) { $_.Position } else { 1000 } })) {
                Write-Parameter $writer $cmdlet.Parameters[$setParameter.Name] $setParameter $documented["-$($setParameter.Name)"] (Get-DefaultValue $instance $cmdlet.Parameters[$setParameter.Name] $setParameter $documented["-$($setParameter.Name)"])
            }
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'parameters', $command)
        foreach ($parameter in $parameters) {
            # A parameter in several sets is described once, with the attributes of its first set.
            $setParameter = $cmdlet.ParameterSets.Parameters | Where-Object Name -EQ $parameter.Name | Select-Object -First 1
            Write-Parameter $writer $parameter $setParameter $documented["-$($parameter.Name)"] (Get-DefaultValue $instance $parameter $setParameter $documented["-$($parameter.Name)"])
        }
        $writer.WriteEndElement()

        $inputs = if ($help.Subsections.Contains('INPUTS')) { $help.Subsections['INPUTS'] } else { @{ 'None' = @('This cmdlet takes no pipeline input.') } }
        Write-TypeList $writer 'inputTypes' 'inputType' $inputs
        Write-TypeList $writer 'returnValues' 'returnValue' $help.Subsections['OUTPUTS']

        if ($help.Sections.ContainsKey('NOTES')) {
            $writer.WriteStartElement('maml', 'alertSet', $maml)
            $writer.WriteStartElement('maml', 'alert', $maml)
            foreach ($paragraph in (Split-Paragraph $help.Sections['NOTES'])) { $writer.WriteElementString('maml', 'para', $maml, $paragraph) }
            $writer.WriteEndElement()
            $writer.WriteEndElement()
        }

        $writer.WriteStartElement('command', 'examples', $command)
        foreach ($example in $examples.GetEnumerator()) {
            $code = [System.Collections.Generic.List[string]]::new()
            $remarks = [System.Collections.Generic.List[string]]::new()
            $inCode = $false
            foreach ($line in $example.Value) {
                if ($line -match '^```') { $inCode = -not $inCode; continue }
                if ($inCode) { $code.Add($line) } else { $remarks.Add($line) }
            }
            if (-not $code.Count) { $problems.Add("$($cmdlet.Name): example '$($example.Key)' has no code block") }
            $writer.WriteStartElement('command', 'example', $command)
            $writer.WriteElementString('maml', 'title', $maml, "-------------------------- $($example.Key) --------------------------")
            $writer.WriteElementString('dev', 'code', $dev, ($code -join "`n"))
            $writer.WriteStartElement('dev', 'remarks', $dev)
            foreach ($paragraph in (Split-Paragraph $remarks)) { $writer.WriteElementString('maml', 'para', $maml, $paragraph) }
            $writer.WriteEndElement()
            $writer.WriteEndElement()
        }
        $writer.WriteEndElement()

        $writer.WriteStartElement('command', 'relatedLinks', $command)
        if ($help.Sections.ContainsKey('RELATED LINKS')) {
            foreach ($link in $help.Sections['RELATED LINKS']) {
                if ($link -match '^\s*[-*]\s*(.+?)\s*$') {
                    $writer.WriteStartElement('maml', 'navigationLink', $maml)
                    $writer.WriteElementString('maml', 'linkText', $maml, $Matches[1])
                    $writer.WriteElementString('maml', 'uri', $maml, '')
                    $writer.WriteEndElement()
                }
            }
        }
        $writer.WriteEndElement()
        $writer.WriteEndElement()
    }
    $writer.WriteEndElement()
    $writer.WriteEndDocument()
}
finally {
    $writer.Dispose()
}

if ($problems.Count) {
    throw "The help in $MarkdownPath is incomplete:`n  " + ($problems -join "`n  ")
}
