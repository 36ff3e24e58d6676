using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Cli.Output;

/// <summary>Runs the cheap scenario check before a long computation and prints its warnings (resolution, truncated domains) to stderr.</summary>
internal static class ScenarioWarnings
{
    public static void Print(Scenario scenario)
    {
        var setup = ScenarioSetup.Create(scenario);
        var report = ScenarioCheck.Run(scenario, setup.Landscape, setup.Grid);
        foreach (string w in report.Warnings) CommandRunner.Warning(w);
    }
}
