using System;
using System.Diagnostics;
using System.IO;
using System.Management.Automation.Host;

namespace NeuronTools.Commands;

/// <summary>
/// Lets Ctrl+C end a long training run cleanly in an interactive console. PowerShell stops the pipeline on
/// Ctrl+C, and a stopped pipeline refuses WriteObject, so the model trained so far could not be returned.
/// While training runs, Ctrl+C is therefore read as a key (Console.TreatControlCAsInput, as PSReadLine does
/// at the prompt) and polled between batches; the cmdlet then returns the model with a warning. Keys typed
/// during training are read and dropped. Where there is no console (redirected input, other hosts),
/// <see cref="TryStart"/> gives null and PowerShell's own StopProcessing applies.
/// </summary>
internal sealed class ConsoleStopKey : IDisposable
{
    private readonly bool _saved;
    private readonly Stopwatch _sincePoll = Stopwatch.StartNew();
    private bool _pressed;

    private ConsoleStopKey(bool saved) => _saved = saved;

    /// <summary>True once Ctrl+C has been read. Polls the console at most every 50 ms.</summary>
    internal bool Pressed
    {
        get
        {
            if (_pressed || _sincePoll.ElapsedMilliseconds < 50)
            {
                return _pressed;
            }

            _sincePoll.Restart();
            try
            {
                while (!_pressed && Console.KeyAvailable)
                {
                    var key = Console.ReadKey(intercept: true);
                    _pressed = key.KeyChar == '\u0003' || (key.Key == ConsoleKey.C && (key.Modifiers & ConsoleModifiers.Control) != 0);
                }
            }
            catch (Exception exception) when (exception is IOException or InvalidOperationException)
            {
                // The console went away: nothing more to read.
            }

            return _pressed;
        }
    }

    internal static ConsoleStopKey? TryStart(PSHost host)
    {
        if (host?.Name != "ConsoleHost" || Console.IsInputRedirected)
        {
            return null;
        }

        try
        {
            bool saved = Console.TreatControlCAsInput;
            Console.TreatControlCAsInput = true;
            return new ConsoleStopKey(saved);
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or PlatformNotSupportedException)
        {
            return null;
        }
    }

    public void Dispose()
    {
        try
        {
            Console.TreatControlCAsInput = _saved;
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or PlatformNotSupportedException)
        {
            // Nothing to restore when the console is gone.
        }
    }
}
