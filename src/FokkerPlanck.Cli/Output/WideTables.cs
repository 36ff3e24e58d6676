using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>Tables on stdout: when it is a file or a pipe, Spectre's default of 80 columns would wrap every cell of a wide table.</summary>
internal static class WideTables
{
    /// <summary>Width used when stdout is redirected.</summary>
    public const int RedirectedWidth = 200;

    /// <summary>Widens the console to <see cref="RedirectedWidth"/> when stdout is redirected (a terminal keeps its own width).</summary>
    public static void WidenWhenRedirected()
    {
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, RedirectedWidth);
    }
}
