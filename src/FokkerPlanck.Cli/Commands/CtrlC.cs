namespace FokkerPlanck.Cli.Commands;

/// <summary>Turns Ctrl+C into a cancellation while it is alive, so a long run stops between steps and its results are written.</summary>
internal sealed class CtrlC : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    private CtrlC() => Console.CancelKeyPress += OnCancel;

    /// <summary>Cancelled by Ctrl+C.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>Starts listening.</summary>
    public static CtrlC Cancellation() => new();

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        e.Cancel = true; // keep the process: the run stops at its next step and the results are written
        _source.Cancel();
    }

    /// <summary>Stops listening.</summary>
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }
}
