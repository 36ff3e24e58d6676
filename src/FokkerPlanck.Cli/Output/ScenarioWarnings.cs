using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Cli.Output;

/// <summary>Runs the cheap scenario check before a long computation and prints its warnings (resolution, truncated domains) to stderr.</summary>
internal static class ScenarioWarnings
{
    public static void Print(Scenario scenario) => Print(ScenarioSetup.Create(scenario));

    /// <summary>Prints the warnings of a scenario already sampled on its grid.</summary>
    public static void Print(ScenarioSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        var report = ScenarioCheck.Run(setup);
        foreach (string w in report.Warnings) CommandRunner.Warning(w);
    }
}
