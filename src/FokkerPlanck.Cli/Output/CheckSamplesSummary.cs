using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Core.Schedules;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal summary of <c>check-samples</c> (stdout): one row per time.</summary>
internal static class CheckSamplesSummary
{
    /// <summary>Prints the scenario line, the table and the overall line.</summary>
    public static void Print(EvolutionSession session, ILearningRateSchedule schedule, SampleSet samples, SampleCheckResult result, string? dir)
    {
        EvolveSummary.Header(session);
        AnsiConsole.MarkupLine(Markup.Escape($"schedule: {schedule.Description}; samples: {samples.Label} ({samples.Count} in {result.RequestedTimes} times)"));
        bool steps = samples.InSteps, twoD = !session.Setup.Grid.IsOneDimensional;
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn(new TableColumn("t").RightAligned());
        if (steps) t.AddColumn(new TableColumn("steps").RightAligned());
        t.AddColumns(new TableColumn("n").RightAligned(), new TableColumn("p(y marginal)").RightAligned());
        if (twoD) t.AddColumn(new TableColumn("p(x marginal)").RightAligned());
        t.AddColumns(new TableColumn($"excess loss, particles ({100 * (1 - result.Level):G3}% CI)").RightAligned(), new TableColumn("excess loss, FP").RightAligned(),
            new TableColumn("p(loss)").RightAligned(), new TableColumn("min p(a_k)").RightAligned(), new TableColumn("verdict (Holm p)"));
        foreach (var c in result.Times)
        {
            var m = c.Comparison;
            var loss = m.ExcessLoss;
            var row = new List<string> { $"{c.Time:G4}" };
            if (steps) row.Add($"{c.Steps:G10}");
            row.Add($"{m.Count}");
            row.Add(P(m.Y.Test.PValue));
            if (twoD) row.Add(P(m.X!.Test.PValue));
            row.Add(Markup.Escape($"{loss.Particles.Mean:G4} [{loss.Interval.Low:G3}, {loss.Interval.High:G3}]"));
            row.Add(Markup.Escape($"{loss.FokkerPlanck:G4} ± {loss.FokkerPlanckError:G2}"));
            row.Add(P(loss.Test.PValue));
            row.Add(m.Amplitudes.Count == 0 ? "—" : P(m.Amplitudes.Min(a => a.Test.PValue)));
            row.Add(m.Verdict == Verdict.Consistent ? $"[green]consistent[/] ({P(m.PValue)})" : $"[red]inconsistent[/] ({P(m.PValue)})");
            t.AddRow([.. row]);
        }
        t.Caption(Markup.Escape($"α = {result.Level:G3}. Marginals: G-tests (Williams' correction) on the grid's faces, sparse bins merged until each expects ≥ 5 (Cochran; by the expected counts only). "
            + $"Excess loss: particles' mean L − E_π[L] against Σ p_k L(c_k) − E_π[L] ± its quadrature error (z-test). a_k: mean v_k at the particles' cells against ⟨v_k, p⟩ (z-tests). "
            + "Verdict: Holm–Bonferroni over the tests of each time."));
        AnsiConsole.Write(t);
        string overall = result.Verdict == Verdict.Consistent
            ? $"[green]all {result.Times.Count} times consistent[/] with the Fokker–Planck solution at α = {result.Level:G3}"
            : $"[red]{result.InconsistentTimes} of {result.Times.Count} times inconsistent[/] with the Fokker–Planck solution at α = {result.Level:G3}";
        AnsiConsole.MarkupLine(overall);
        if (dir is not null) AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] (check-samples.json)");
    }

    /// <summary>A p-value: three decimals, two significant digits below 10⁻³ (e.g. 5.2E-10), "&lt;1e-300" at 0.</summary>
    private static string P(double p) => p == 0 ? "<1e-300" : p < 1e-3 ? p.ToString("0.0E+0", System.Globalization.CultureInfo.InvariantCulture) : $"{p:F3}";
}
