BeforeAll {
    . $PSScriptRoot/Common.ps1
    $moduleBase = (Get-Module NeuronTools).ModuleBase
    $package = Get-ChildItem -LiteralPath (Split-Path -Parent $moduleBase) -Filter 'NeuronTools.*.nupkg' | Select-Object -First 1

    # PSResourceGet keeps its repository list in a per-user file; the test must leave it as it was.
    $repositoryStore = Join-Path ([Environment]::GetFolderPath('LocalApplicationData')) 'PSResourceGet/PSResourceRepository.xml'
    function Get-StoreHash { if (Test-Path -LiteralPath $repositoryStore) { (Get-FileHash -LiteralPath $repositoryStore).Hash } else { 'absent' } }
    $storeBefore = Get-StoreHash

    function Invoke-IsolatedPwsh {
        # Runs a command in a fresh pwsh whose HOME, XDG folders and PSModulePath are all under $sandbox,
        # so PSResourceGet's repository file and the CurrentUser module folder are the sandbox's.
        param([string] $Command)
        $saved = @{}
        $names = 'HOME', 'XDG_DATA_HOME', 'XDG_CONFIG_HOME', 'XDG_CACHE_HOME', 'PSModulePath'
        foreach ($name in $names) { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
        try {
            $env:HOME = $sandbox
            $env:XDG_DATA_HOME = Join-Path $sandbox '.local/share'
            $env:XDG_CONFIG_HOME = Join-Path $sandbox '.config'
            $env:XDG_CACHE_HOME = Join-Path $sandbox '.cache'
            $env:PSModulePath = (Join-Path $sandbox 'Modules'), (Join-Path $env:XDG_DATA_HOME 'powershell/Modules'), (Join-Path $PSHOME 'Modules') -join [IO.Path]::PathSeparator
            Invoke-FreshPwsh $Command
        }
        finally {
            foreach ($name in $names) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        }
    }

    $sandbox = Join-Path ([IO.Path]::GetTempPath()) ('NeuronTools.Package.' + [guid]::NewGuid().ToString('N'))
    $feed = Join-Path $sandbox 'feed'
    # The XDG folders must exist: .NET's GetFolderPath gives an empty path for a missing one, and PSResourceGet
    # would then keep its repository file under the current directory.
    $null = New-Item -ItemType Directory -Path $feed, (Join-Path $sandbox 'Modules'), (Join-Path $sandbox '.local/share'), (Join-Path $sandbox '.config'), (Join-Path $sandbox '.cache')
    if ($package) { Copy-Item -LiteralPath $package.FullName -Destination $feed }
    $repository = 'NeuronToolsTest' + [guid]::NewGuid().ToString('N').Substring(0, 8)

    # On Windows the CurrentUser module folder is Documents, which HOME does not move, so the module
    # is saved into the sandbox with Save-PSResource there; elsewhere Install-PSResource installs it.
    $install = if ($IsWindows) {
        "Save-PSResource -Name NeuronTools -Repository $repository -Path '$(Join-Path $sandbox 'Modules')' -TrustRepository -Quiet -IncludeXml"
    }
    else {
        "Install-PSResource -Name NeuronTools -Repository $repository -Scope CurrentUser -TrustRepository -Quiet"
    }
    $installOutput = Invoke-IsolatedPwsh @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name $repository -Uri '$feed' -Trusted
try {
    $install
}
finally {
    Unregister-PSResourceRepository -Name $repository
}
"@
    $installExit = $LASTEXITCODE
}

AfterAll {
    if ($sandbox -and (Test-Path -LiteralPath $sandbox)) { Remove-Item -LiteralPath $sandbox -Recurse -Force }
}

Describe 'The NeuronTools package' {
    Context 'built by build.ps1 -Task Package' {
        It 'is a .nupkg in out/ named with the manifest version' {
            $version = (Import-PowerShellDataFile (Join-Path $moduleBase 'NeuronTools.psd1')).ModuleVersion

            $package | Should -Not -BeNullOrEmpty -Because 'build.ps1 -Task Test runs the Package task first'
            $package.Name | Should -BeExactly "NeuronTools.$version.nupkg"
        }
    }

    Context 'installed from a local folder repository with PSResourceGet' {
        It 'installs into the sandbox from a temporary repository' {
            $installExit | Should -Be 0 -Because ($installOutput -join "`n")
            @(Get-ChildItem -Path $sandbox -Recurse -Force -Filter 'NeuronTools.psd1').Count | Should -BeGreaterThan 0
        }

        It 'keeps the temporary repository list in the sandbox, not in the current directory' {
            @(Get-ChildItem -Path $sandbox -Recurse -Force -Filter 'PSResourceRepository.xml').Count | Should -Be 1
            Join-Path ([Environment]::CurrentDirectory) 'PSResourceGet' | Should -Not -Exist
        }

        It 'imports by name in a fresh pwsh and runs a cmdlet' {
            $output = Invoke-IsolatedPwsh @'
Import-Module NeuronTools -ErrorAction Stop
(Get-Module NeuronTools).ModuleBase
(Invoke-Neuron (New-Neuron 0.5, -1, 2 -Bias 0.5) 5, 3, 1).Output
(Show-Neuron (New-Neuron 0.5, -1, 2 -Bias 0.5) 5, 3, 1) -match '^z = '
'@

            $LASTEXITCODE | Should -Be 0 -Because ($output -join "`n")
            $output[0] | Should -BeLike "$sandbox*" -Because 'the module must come from the installed package, not from out/'
            $output[1] | Should -Be '2'
            "$($output[2])" | Should -BeExactly 'z = relu(a) = relu(2) = 2'
        }

        It 'leaves the user''s PSResourceGet repository list as it was' {
            Get-StoreHash | Should -Be $storeBefore
        }
    }
}
