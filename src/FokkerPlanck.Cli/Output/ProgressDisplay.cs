using FokkerPlanck.Core;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>A spinner with the current stage and elapsed time on a terminal; plain stage lines on stderr otherwise.</summary>
internal static class ProgressDisplay
{
    public static void Run(string title, Action<IProgress<string>> work)
    {
        var start = DateTime.UtcNow;
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsErrorRedirected && Console.IsOutputRedirected)
        {
            work(new SyncProgress<string>(m => Console.Error.WriteLine($"[{(DateTime.UtcNow - start).TotalSeconds,6:F1} s] {m}")));
            return;
        }
        AnsiConsole.Status().Spinner(Spinner.Known.Dots).Start(title, ctx =>
            work(new SyncProgress<string>(m => ctx.Status(Markup.Escape($"{title}: {m}  ({(DateTime.UtcNow - start).TotalSeconds:F0} s)")))));
    }
}
