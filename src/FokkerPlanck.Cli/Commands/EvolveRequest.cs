using FokkerPlanck.Cli.Output;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Cli.Commands;

/// <summary>The checked command line of <c>evolve</c>.</summary>
/// <param name="Scenario">The scenario (grid override applied).</param>
/// <param name="Options">Evolution options.</param>
/// <param name="Plateaus">Plateau LRs from <c>--plateau-lr</c>, or null.</param>
/// <param name="Specs">Schedule specs from <c>--schedule</c> (possibly none).</param>
/// <param name="Initial">The <c>--initial</c> .npy path, or null.</param>
/// <param name="ToleranceL1">The <c>--tolerance-l1</c> value, or null.</param>
/// <param name="OutDir">Output folder.</param>
/// <param name="Plots">Write PNG figures.</param>
internal sealed record EvolveRequest(Scenario Scenario, EvolutionOptions Options, double[]? Plateaus, IReadOnlyList<string> Specs,
    string? Initial, double? ToleranceL1, string OutDir, bool Plots)
{
    /// <summary>Samples the scenario, solves the eigenproblem at the final LR and scans the plateaus (spinner on stderr), then prints the scenario's warnings.</summary>
    public EvolutionSession OpenSession() => OpenSession(Scenario, Options, "evolve");

    /// <summary><see cref="OpenSession()"/> for any command: <paramref name="title"/> labels the spinner.</summary>
    public static EvolutionSession OpenSession(Scenario scenario, EvolutionOptions options, string title)
    {
        EvolutionSession session = null!;
        ProgressDisplay.Run(title, p => session = EvolutionSession.Create(scenario, options, p));
        try { ScenarioWarnings.Print(session.Setup); }
        catch
        {
            session.Dispose();
            throw;
        }
        return session;
    }

    /// <summary>The scenario's default tolerances, the L1 one (and KL = L1²/2 with it) replaced by <see cref="ToleranceL1"/>.</summary>
    public VerdictTolerances Tolerances()
    {
        var t = VerdictTolerances.For(Scenario.FinalTemperature);
        return ToleranceL1 is { } l1 ? t with { L1 = l1, KullbackLeibler = l1 * l1 / 2 } : t;
    }
}
