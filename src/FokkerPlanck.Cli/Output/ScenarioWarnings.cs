using FokkerPlanck.Core.Scenarios;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>Runs the cheap scenario check before a long computation and prints its warnings (resolution, truncated domains) to stderr.</summary>
internal static class ScenarioWarnings
{
    public static void Print(Scenario scenario)
    {
        var setup = ScenarioSetup.Create(scenario);
        var report = ScenarioCheck.Run(scenario, setup.Landscape, setup.Grid);
        if (report.Warnings.Count == 0) return;
        var err = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        foreach (string w in report.Warnings) err.MarkupLine($"[yellow]warning:[/] {Markup.Escape(w)}");
    }
}
