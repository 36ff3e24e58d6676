using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.TimeStepping;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal summaries of <c>evolve</c> (stdout).</summary>
internal static class EvolveSummary
{
    /// <summary>The scenario line: final LR, grid, slow rates, strong Mpemba points.</summary>
    public static void Header(EvolutionSession session)
    {
        WideTables.WidenWhenRedirected();
        var s = session.Scenario;
        var l = session.Spectrum.Eigenvalues;
        string strong = session.Scan.Points.Count == 0 ? "none in the scanned range" : string.Join(", ", session.Scan.Points.Select(p => $"{p.Lr:G5} ({p.Kind})"));
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(s.Name)}[/]: " + Markup.Escape(
            $"η_c = {s.FinalLr:G4} (T_c = {s.FinalTemperature:G4}), grid {session.Setup.Grid}, λ₂ = {l[1]:G5}{(l.Length > 2 ? $", λ₃ = {l[2]:G5}" : "")}; strong Mpemba points: {strong}"));
    }

    /// <summary>One row per plateau: time to the L1 tolerance, late-time rate against λ₂ and λ₃, integrator counters.</summary>
    public static void Runs(EvolutionSession session, IReadOnlyList<EvolutionRun> runs, VerdictTolerances tol, string dir)
    {
        var l = session.Spectrum.Eigenvalues;
        if (runs.Count > 0) AnsiConsole.MarkupLine(Markup.Escape($"schedule: {runs[0].Schedule.Description}"));
        var t = new Table().Border(TableBorder.Rounded).AddColumns(
            "η_h", $"t to L1<{tol.L1:G2} (steps)", "late rate", "vs λ₂", "vs λ₃", "LU", "steps (rej.)", "time", "status");
        t.Caption(Markup.Escape($"late rate: slope of ln L1 at late times; vs λ_k: its difference from λ₂ = {l[1]:G4}{(l.Length > 2 ? $", λ₃ = {l[2]:G4}" : "")}; LU: factorizations"));
        foreach (var r in runs)
        {
            double tl = r.TimeToReach(r.Observed.L1, tol.L1);
            double rate = r.LateTimeRate.Rate;
            var st = r.Statistics;
            t.AddRow(
                $"{r.PlateauLr:G5}",
                double.IsFinite(tl) ? $"{tl:G4} ({NumberFormat.Steps(r.Schedule.Steps(tl))})" : $"not by {r.Times[^1]:G3}",
                double.IsFinite(rate) ? $"{rate:G4}" : "—",
                Difference(rate, l[1]), l.Length > 2 ? Difference(rate, l[2]) : "—",
                $"{st.Factorizations}", $"{st.AcceptedSteps} ({st.RejectedSteps})", $"{st.Seconds:F2} s",
                st.Status == IntegrationStatus.Completed ? "ok" : $"[red]{st.Status}[/]");
        }
        AnsiConsole.Write(t);
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] (evolve.json, series.csv, river_marginals.csv, snapshot_*.npy, PNG figures)");
    }

    /// <summary>The verdict table (plateau rows × schedule columns of the time to the L1 tolerance) and one sentence per schedule.</summary>
    public static void Verdict(VerdictResult result, double finalLr, string dir)
    {
        var specs = result.Rows.Select(r => r.Spec).Distinct().ToList();
        var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"time t (steps) to L1 < {result.Tolerances.L1:G2}"));
        t.AddColumn("plateau η_h");
        foreach (string s in specs) t.AddColumn(new TableColumn(Markup.Escape(s)).RightAligned());
        foreach (double p in result.PlateauLrs)
        {
            var rows = result.Rows.Where(r => r.PlateauLr == p).ToList();
            string label = $"{p:G5}" + (rows.Any(r => r.IsStrongMpembaPoint) ? " (η*)" : Math.Abs(p - finalLr) <= 1e-9 * finalLr ? " (η_c)" : "");
            t.AddRow([Markup.Escape(label), .. specs.Select(s => rows.FirstOrDefault(r => r.Spec == s) is { } r
                ? double.IsFinite(r.TimeL1) ? $"{r.TimeL1:G3} ({NumberFormat.Steps(r.StepsL1)})" : "—" : "")]);
        }
        AnsiConsole.Write(t);
        foreach (var f in result.Findings)
        {
            string colour = f.Outcome switch { VerdictOutcome.AdvantageKept => "green", VerdictOutcome.AdvantageLost => "yellow", _ => "grey" };
            AnsiConsole.MarkupLine($"[{colour}]•[/] {Markup.Escape(f.Sentence)}");
        }
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/] (verdict.json, verdict.csv{(File.Exists(Path.Combine(dir, "verdict.png")) ? ", verdict.png" : "")})");
    }

    /// <summary>(rate − λ)/λ in percent with its sign, "0.0%" when it rounds to zero.</summary>
    private static string Difference(double rate, double lambda)
    {
        if (!double.IsFinite(rate)) return "—";
        double d = Math.Round(100 * (rate / lambda - 1), 1);
        return d == 0 ? "0.0%" : $"{d:+0.0;-0.0}%";
    }
}
