using System.Globalization;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Pipeline;

namespace FokkerPlanck.Reporting.Run;

/// <summary>The report's plain-language paragraphs: each result said the way an ML practitioner would say it, with its numbers.</summary>
public static class ReportText
{
    /// <summary>η ± error as the report prints it: the error to two significant digits, the value to the same decimal place (0.580850 ± 0.000055).</summary>
    public static string Lr(PointEstimate p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (!(double.IsFinite(p.Error) && p.Error > 0)) return $"{p.Lr:G5}";
        int decimals = Math.Clamp(1 - (int)Math.Floor(Math.Log10(p.Error)), 0, 15);
        string f = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        return $"{p.Lr.ToString(f, CultureInfo.InvariantCulture)} ± {p.Error.ToString(f, CultureInfo.InvariantCulture)}";
    }

    /// <summary>A schedule spec in words: "constant" is the instant drop.</summary>
    public static string Schedule(string spec) => spec == "constant" ? "instant drop" : spec.Replace(":", " over ", StringComparison.Ordinal);

    /// <summary>A time t with the SGD steps it takes at η_c.</summary>
    public static string TimeAndSteps(double t, double steps) =>
        double.IsFinite(t) ? $"{t:G3} ({NumberFormat.Steps(steps)} steps)" : "not reached";

    /// <summary>The opening paragraph: the answer.</summary>
    public static string Answer(RunSummary s)
    {
        if (s.Optimum is not { } o)
            return $"On this landscape no plateau learning rate in the scanned range cancels the slowest relaxation mode when the learning rate drops to η_c = {s.FinalLr:G4}: "
                + $"every plateau relaxes at the same slow rate λ = {s.SlowRate:G4} (a time scale of {1 / s.SlowRate:G3} time units, {1 / s.SlowRate / s.FinalLr:F0} steps at η_c). "
                + "The plateau height then matters only through how far it starts from the final state.";
        return $"Train on a plateau at η_h = {o.Lr:G4} ({o.Lr / s.FinalLr:G3}× the final learning rate η_c = {s.FinalLr:G4}) before dropping to η_c, and the distribution "
            + $"of weights reaches its final equilibrium about {s.Gain:G3}× faster than from a generic plateau: the slowest relaxation mode (rate λ₂ = {s.SlowRate:G4}, "
            + $"i.e. {1 / s.SlowRate:G3} time units or {1 / s.SlowRate / s.FinalLr:F0} steps at η_c) is not excited at all, and the approach runs at the next rate λ₃ = {s.FastRate:G4}. "
            + "This plateau is the strong Mpemba point: starting 'hotter' in exactly the right way ends cooler sooner.";
    }

    /// <summary>What the Mpemba coefficients show.</summary>
    public static string Coefficients(RunSummary s, MpembaRecord m)
    {
        string first = "Each plateau η_h leaves the weights in its own equilibrium. After the drop, the excess loss decays as a sum of modes, "
            + "Σ a_k e^{−λ_k t}; a₂(η_h) is how much of the slowest mode the plateau leaves behind. ";
        if (s.Optimum is not { } o) return first + $"Here a₂ never changes sign in the scan; it comes closest to zero at η_h = {m.ClosestApproachLr:G4}.";
        string grid = double.IsFinite(o.Error)
            ? $" The error bar is the grid convergence index from three grids ({string.Join(", ", o.PerGrid.Select(v => v.ToString("G6", CultureInfo.InvariantCulture)))}; observed order {o.ObservedOrder:F1})."
            : "";
        string reduced = s.ReducedOptimum is { } r
            ? $" The river-only 1D reduction (the valley integrated out) puts it at {r.Lr:G4}, {100 * (o.Lr - r.Lr) / o.Lr:+0.0;-0.0}% from the 2D answer: "
              + (Math.Abs(o.Lr - r.Lr) / o.Lr > 0.02 ? "the valley's width matters, the 2D model is needed." : "the cheap 1D model is good enough here.")
            : "";
        return first + $"It crosses zero at η_h* = {Lr(o)}: that plateau is optimal.{grid}{reduced}";
    }

    /// <summary>What the final-LR sweep shows.</summary>
    public static string Sweep(MpembaRecord m)
    {
        var found = m.Sweep.Where(p => p.Strong2D.Length > 0).ToList();
        if (found.Count < 2) return "The sweep over final learning rates found too few strong points to show a trend.";
        double slope = Math.Log(found[^1].Strong2D[0] / found[0].Strong2D[0]) / Math.Log(found[^1].FinalLr / found[0].FinalLr);
        string direction = slope < 0 ? "a lower final learning rate wants a higher plateau" : "a lower final learning rate wants a lower plateau";
        return $"If you change the final learning rate, the optimal plateau moves: from η_c = {found[0].FinalLr:G3} to {found[^1].FinalLr:G3} "
            + $"it goes from {found[0].Strong2D[0]:G4} to {found[^1].Strong2D[0]:G4}, roughly η_h* ∝ η_c^{slope:F2} ({direction}).";
    }

    /// <summary>What the slow modes are.</summary>
    public static string Modes(SpectrumRecord s) =>
        $"The slowest way the weight distribution relaxes at η_c (rate λ₂ = {s.EffectiveRate:G4}) moves probability between the basins along the river; "
        + $"the next one (λ₃ = {s.NextRate:G4}) is {s.NextRate / s.EffectiveRate:G3}× faster. The right eigenvector u₂ is the shape of the slow excess density, "
        + "the left one v₂ the observable that measures it: its expectation over the plateau equilibrium is a₂.";

    /// <summary>What the verdict says, in two or three sentences.</summary>
    public static string Verdict(RunSummary s, VerdictResult v)
    {
        var kept = s.Kept.Select(a => Schedule(a.Spec)).ToList();
        var lost = s.Schedules.Where(a => a.Outcome == VerdictOutcome.AdvantageLost).ToList();
        var none = s.Schedules.Where(a => a.Outcome == VerdictOutcome.NoneConverged).Select(a => Schedule(a.Spec)).ToList();
        var parts = new List<string>
        {
            $"Real schedules do not drop the learning rate instantly. Each plateau was trained under each decay and timed until the weight distribution is within L1 distance {v.Tolerances.L1:G2} of the final equilibrium.",
        };
        if (kept.Count > 0) parts.Add($"The optimal plateau stays the fastest under {string.Join(", ", kept)}.");
        if (lost.Count > 0)
            parts.Add("With slower decays the optimum moves up: " + string.Join("; ", lost.Select(a => $"under a {Schedule(a.Spec)} the plateau {a.BestPlateauLr:G3} is fastest")) + ".");
        if (none.Count > 0) parts.Add($"Under {string.Join(", ", none)} no plateau gets there within the run: the schedule itself is the bottleneck.");
        return string.Join(" ", parts);
    }

    /// <summary>What the Langevin confirmation says.</summary>
    public static string Langevin(LangevinRecord l)
    {
        bool all = l.Consistent == l.Times.Count;
        return $"{l.Particles:N0} simulated training runs (Langevin dynamics, the small-learning-rate limit of SGD, step {NumberFormat.Compact(l.TimeStep)}) started from the plateau η_h = {l.PlateauLr:G4} "
            + $"and followed the drop to η_c. At {l.Times.Count} checkpoints their distribution was tested against the Fokker–Planck solution (G-tests on the river and valley "
            + $"histograms, z-tests on the excess loss and the slow-mode amplitudes, Holm-corrected at α = {l.Level:G2}): "
            + (all ? $"all {l.Times.Count} agree — the analysis above describes what the particles actually do."
                   : $"{l.Times.Count - l.Consistent} of {l.Times.Count} disagree — look at the histograms; a grid too coarse for the valley is the usual cause.");
    }

    /// <summary>What the finite-LR stage says.</summary>
    public static string FiniteLr(FiniteLrRecord f)
    {
        string fp = f.FokkerPlanckPoints.Length > 0 ? $"{f.FokkerPlanckPoints[0]:G4}" : "none";
        string head = $"Real training runs SGD, a map with a finite step, not its small-step limit. At κ = {f.Kappa:G4} (final LR {f.FinalLr:G4}, η_c·a_max = {f.FinalLrTimesCurvature:G2}) "
            + $"SGD's own transition matrix on the grid was solved for its slow modes (λ₂ = {f.Rates[0]:G4}, λ₃ = {f.Rates[1]:G4}) and its stationary state at each plateau. ";
        string verdict = f.SgdPoints.Length > 0
            ? $"SGD's optimal plateau is {f.SgdPoints[0]:G4}, {f.SgdPoints[0] / (f.FokkerPlanckPoints.Length > 0 ? f.FokkerPlanckPoints[0] : double.NaN):G3}× the continuous answer {fp}."
            : f.Closest is { } c
                ? $"No plateau cancels SGD's slow mode: its amplitude a₂ does not change sign{(double.IsFinite(c.Error) && Math.Abs(c.A2) > c.Error ? $" and stays above its grid error ± {c.Error:G2}" : "")} ({c.A2:G3} at {c.Lr:G4}, where it is smallest for its distance from η_c; {c.Lr / (f.FokkerPlanckPoints.Length > 0 ? f.FokkerPlanckPoints[0] : double.NaN):G3}× the continuous answer {fp}), so at this learning rate the spectral optimum does not transfer to SGD."
                : "No plateau cancels SGD's slow mode in the range.";
        string corrected = f.CorrectedPoints.Length > 0 ? $" The first-order force-corrected river model puts it at {string.Join(", ", f.CorrectedPoints.Select(l => $"{l:G4}"))}." : "";
        return head + verdict + corrected;
    }

    /// <summary>A budget schedule in words: "η_h = 2 for 266 steps, then η_c (the drop) for the last 34".</summary>
    public static string Budget(DesignSchedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        string stable = $"η_h = {s.PlateauLr:G4} for {NumberFormat.Steps(s.StableSteps)} steps";
        return s.Kind == "constant" ? $"{stable}, then η_c (an instant drop) for the last {NumberFormat.Steps(s.DecaySteps)}"
            : $"{stable}, then a {s.Kind} decay to η_c over the last {NumberFormat.Steps(s.DecaySteps)}";
    }

    /// <summary>What the schedule-design stage says.</summary>
    public static string Design(DesignRecord d)
    {
        var shifts = d.Kinds.Select((k, i) => (Kind: k, Row: i, Last: Enumerable.Range(0, d.Durations.Length).LastOrDefault(j => double.IsFinite(d.MapLr[i][j]), -1))).ToList();
        string quench = d.MapLr.Length > 0 && double.IsFinite(d.MapLr[0][0]) ? $"{d.MapLr[0][0]:G4}" : "none";
        string map = $"The strong Mpemba point {quench} is the best plateau for an instant drop. A decay moves it: "
            + string.Join("; ", shifts.Where(s => s.Last > 0).Select(s => $"under a {s.Kind} decay over {d.Durations[s.Last]:G3} time units it is {d.MapLr[s.Row][s.Last]:G4}"))
            + (shifts.Any(s => s.Last < d.Durations.Length - 1) ? "; for the longer decays no plateau in range cancels the slow mode" : "") + ".";
        var optimum = d.Schedules.FirstOrDefault(s => s.Role == DesignRole.Optimum);
        string budget = optimum is null ? "" : $" For a budget of {d.BudgetSteps:N0} steps the optimizer's schedule is {Budget(optimum)}, ending {optimum.FinalExcess:G3} from the final equilibrium's loss"
            + (double.IsFinite(optimum.StepsToTolerance) ? $" and within 10⁻³ of it after {optimum.StepsToTolerance:N0} steps." : ".");
        return map + budget;
    }
}
