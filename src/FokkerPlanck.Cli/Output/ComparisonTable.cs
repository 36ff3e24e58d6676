using System.Globalization;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The per-time table of particles against the Fokker–Planck solution (<c>check-samples</c>, <c>langevin</c>).</summary>
internal static class ComparisonTable
{
    /// <summary>Writes one row per time: p-values of the marginals, the excess loss with its interval against FP, the smallest amplitude p-value and the verdict.</summary>
    /// <param name="rows">Time, steps (shown when <paramref name="showSteps"/>), comparison.</param>
    /// <param name="showSteps">Show the steps column.</param>
    /// <param name="twoD">Show the x marginal.</param>
    /// <param name="level">α.</param>
    public static void Write(IReadOnlyList<(double Time, double? Steps, ParticleComparison Comparison)> rows, bool showSteps, bool twoD, double level)
    {
        var t = new Table().Border(TableBorder.Rounded);
        t.AddColumn(new TableColumn("t").RightAligned());
        if (showSteps) t.AddColumn(new TableColumn("steps").RightAligned());
        t.AddColumns(new TableColumn("n").RightAligned(), new TableColumn("p(y marginal)").RightAligned());
        if (twoD) t.AddColumn(new TableColumn("p(x marginal)").RightAligned());
        t.AddColumns(new TableColumn($"excess loss, particles ({100 * (1 - level):G3}% CI)").RightAligned(), new TableColumn("excess loss, FP").RightAligned(),
            new TableColumn("p(loss)").RightAligned(), new TableColumn("min p(a_k)").RightAligned(), new TableColumn("verdict (Holm p)"));
        foreach (var (time, steps, m) in rows)
        {
            var loss = m.ExcessLoss;
            var row = new List<string> { $"{time:G4}" };
            if (showSteps) row.Add(steps is { } s ? (s == Math.Round(s) ? $"{s:F0}" : NumberFormat.Steps(s)) : "");
            row.Add($"{m.Count}");
            row.Add(NumberFormat.PValue(m.Y.Test.PValue));
            if (twoD) row.Add(NumberFormat.PValue(m.X!.Test.PValue));
            row.Add($"{loss.Particles.Mean:G4} [{loss.Interval.Low:G3}, {loss.Interval.High:G3}]");
            row.Add($"{loss.FokkerPlanck:G4} ± {loss.FokkerPlanckError:G2}");
            row.Add(NumberFormat.PValue(loss.Test.PValue));
            row.Add(m.Amplitudes.Count == 0 ? "—" : NumberFormat.PValue(m.Amplitudes.Min(a => a.Test.PValue)));
            var cells = row.Select(Markup.Escape).ToList();
            cells.Add(m.Verdict == Verdict.Consistent ? $"[green]consistent[/] ({NumberFormat.PValue(m.PValue)})" : $"[red]inconsistent[/] ({NumberFormat.PValue(m.PValue)})");
            t.AddRow([.. cells]);
        }
        t.Caption(Markup.Escape($"α = {level:G3}. Marginals: G-tests (Williams' correction) on the grid's faces, sparse bins merged until each expects ≥ 5 (Cochran; by the expected counts only). "
            + "Excess loss: particles' mean L − E_π[L] against Σ p_k L(c_k) − E_π[L] ± its quadrature error (z-test). a_k: mean v_k at the particles' cells against ⟨v_k, p⟩ (z-tests). "
            + "Verdict: Holm–Bonferroni over the tests of each time."));
        AnsiConsole.Write(t);
    }

}
