# Loads the build of the cmdlets that fits this PowerShell: bin/net8.0 on PowerShell 7.4 and later (.NET 8 or
# newer, where the math uses the processor's vector instructions), bin/netstandard2.0 on Windows PowerShell 5.1
# and older PowerShell 7. Both builds give the same results to the bit. Setting the environment variable
# NEURONTOOLS_FRAMEWORK to netstandard2.0 before the first import loads the netstandard2.0 build on PowerShell 7 too.
$framework = if ($PSVersionTable.PSEdition -eq 'Core' -and [Environment]::Version.Major -ge 8 -and $env:NEURONTOOLS_FRAMEWORK -ne 'netstandard2.0') { 'net8.0' } else { 'netstandard2.0' }

# A process holds one copy of an assembly name: after Remove-Module, or with -Force, use the one already loaded.
# (A foreach statement, not a pipeline: a first pipeline in a fresh session costs more than the rest of this file.)
$loaded = $null
foreach ($assembly in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
    if ($assembly.GetName().Name -eq 'NeuronTools') { $loaded = $assembly; break }
}
$inner = if ($loaded) {
    Import-Module -Assembly $loaded -Force -PassThru -ErrorAction Stop
}
else {
    Import-Module ([System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'NeuronTools.dll')) -PassThru -ErrorAction Stop
}

# Export-ModuleMember misses cmdlets of an assembly imported again (PowerShell/PowerShell#20710), so the cmdlets
# are added to this module's exports directly, as jborean93's modules (PSToml) do.
$addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod('AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
foreach ($cmdlet in $inner.ExportedCmdlets.Values) {
    $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
}
