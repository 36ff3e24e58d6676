using FokkerPlanck.Core.Langevin.Sgd;
using FokkerPlanck.Reporting;
using Spectre.Console;

namespace FokkerPlanck.Cli.Output;

/// <summary>The terminal summary of <c>sgd</c>; its files and figures are written by <see cref="SgdFiles"/>.</summary>
internal static class SgdOutput
{
    /// <summary>The terminal tables.</summary>
    public static void Summary(SgdStudy s, string dir)
    {
        var scenario = s.Session.Scenario;
        AnsiConsole.MarkupLine(Markup.Escape($"{scenario.Name}: κ = {scenario.Kappa:G4}, η_c = {scenario.FinalLr:G4} (T_c = {scenario.FinalTemperature:G4}), a_max = {s.MaxCurvature:G4}, η_c·a_max = {scenario.FinalLr * s.MaxCurvature:G3}"));
        if (s.Departure is { } d)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("stationary SGD against the FP equilibrium");
            foreach (string c in new[] { "η", "η·a_max", "⟨a x²⟩/T (FP: 1)", "SGD formula", "low basin, SGD", "FP", "corrected F", "burn-in (1/λ₂)" }) t.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
            foreach (var p in d)
                t.AddRow([.. new[] { $"{p.Lr:G4}", $"{p.LrTimesCurvature:G3}", $"{p.ValleyRatio.Mean:F4} ± {p.ValleyRatio.StandardError:F4}", $"{p.SgdValleyRatio:F4}",
                    p.LowBasin is { } b ? $"{b.Mean:F4} ± {b.StandardError:F4}" : "—", $"{p.FokkerPlanckLowBasin:F4}", $"{p.CorrectedLowBasin:F4}", $"{p.BurnInRelaxations:G2}" }.Select(Markup.Escape)]);
            t.Caption(Markup.Escape("burn-in below 3 relaxation times (capped steps at cold LRs): the basin weights there are not yet SGD's own"));
            AnsiConsole.Write(t);
        }
        if (s.Mpemba is { } m) AmplitudeTable(m, s.Operator, s.MaxCurvature);
        foreach (var (name, r) in new[] { ("SGD", s.Mpemba), ("continuous control (LM)", s.Control) })
        {
            if (r is null) continue;
            string own = r.StrongPoints.Count == 0 ? "no sign change in the plateaus tried" : string.Join(", ", r.StrongPoints.Select(p => $"{p.Lr:G4} ± {p.Error:G2}"));
            string fp = r.FokkerPlanckStrongPoints.Count == 0 ? "none" : string.Join(", ", r.FokkerPlanckStrongPoints.Select(lr => $"{lr:G4}"));
            AnsiConsole.MarkupLine(Markup.Escape($"strong Mpemba point, {name}: {own}; Fokker–Planck: {fp}"));
        }
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(Path.GetFullPath(dir))}[/]");
    }

    /// <summary>The slow amplitude per plateau: ensemble, the SGD operator's replay of the same protocol (with its distance in standard errors), FP.</summary>
    private static void AmplitudeTable(SgdMpembaResult m, IReadOnlyList<SgdReplayPoint>? op, double curvature)
    {
        var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape($"slow amplitude ⟨v₂⟩ at t* = {m.MeasureTime:G3} after the quench"));
        foreach (string c in new[] { "η_h", "η_h·a_max", "SGD ensemble", "SGD operator", "(operator − ensemble)/SE", "Fokker–Planck" }) t.AddColumn(new TableColumn(Markup.Escape(c)).RightAligned());
        for (int k = 0; k < m.Points.Count; k++)
        {
            var p = m.Points[k];
            var o = op?.FirstOrDefault(q => q.PlateauLr == p.PlateauLr);
            t.AddRow([.. new[] { $"{p.PlateauLr:G4}", $"{p.PlateauLr * curvature:G3}", $"{p.Excess:+0.0000;-0.0000;0.0000} ± {p.StandardError:F4}",
                o is null ? "—" : $"{o.Replayed:+0.0000;-0.0000;0.0000}", o is null ? "—" : $"{(o.Replayed - p.Excess) / p.StandardError:+0.0;-0.0;0.0}", $"{p.FokkerPlanck:+0.0000;-0.0000;0.0000}" }.Select(Markup.Escape)]);
        }
        AnsiConsole.Write(t);
    }
}
