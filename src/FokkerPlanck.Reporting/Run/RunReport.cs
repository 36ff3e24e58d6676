using System.Globalization;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Reporting.Html;

namespace FokkerPlanck.Reporting.Run;

/// <summary>
/// report.html: one self-contained page with the answer first (the optimal plateau, the rate gain, the
/// decays that keep it, the particles' agreement), then one section per stage — a plain-language
/// paragraph, the figures and the tables — and the conventions. Stages not reached yet are marked pending.
/// </summary>
public static class RunReport
{
    private static readonly (RunStage Stage, string Id, string Title)[] Sections =
    [
        (RunStage.Check, "landscape", "The landscape"),
        (RunStage.Spectrum, "modes", "Slow modes at the final learning rate"),
        (RunStage.Mpemba, "plateau", "The optimal plateau"),
        (RunStage.Verdict, "schedules", "Which decay keeps it"),
        (RunStage.Design, "design", "A schedule for your budget"),
        (RunStage.Langevin, "particles", "Particles confirm it"),
        (RunStage.FiniteLr, "finite-lr", "At a finite learning rate: SGD's own plateau"),
    ];

    /// <summary>The page for <paramref name="r"/> with the figures found in <paramref name="folder"/>.</summary>
    public static string Render(RunResults r, RunFolder folder, RunReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(options);
        var page = new HtmlDocument();
        Header(page, r);
        page.Open("main");
        var summary = r.Spectrum is null ? null : RunSummary.From(r);
        if (summary is not null) Answer(page, summary);
        foreach (var (stage, id, title) in Sections)
        {
            page.Open("section", id: id).Text("h2", title);
            if (r.Skipped.Contains(stage))
                page.Paragraph(stage switch
                {
                    RunStage.FiniteLr => "Not asked: run with --sgd-kappa K to set SGD's own transition operator (T = κη) beside these continuous results.",
                    RunStage.Design => "Not asked: run with --budget-steps N for the optimal plateau against the decay's length and the schedule for a budget of N steps.",
                    _ => "Skipped by the options of this run.",
                }, "missing");
            else if (!r.Has(stage)) page.Paragraph("Pending: this stage has not finished yet (the page is rewritten after each stage).", "pending");
            else Stage(page, stage, r, summary!, folder.StageFolder(stage));
            page.Close("section");
        }
        Conventions(page);
        Footer(page, r, options);
        page.Close("main");
        return page.Render($"FokkerPlanck report: {r.Scenario}", ReportStyle.Css);
    }

    private static void Header(HtmlDocument page, RunResults r)
    {
        page.Open("header", "top").Open("div", "inner").Text("h1", $"Optimal learning-rate plateau — {r.Scenario}");
        string grid = r.Check is { } c ? $"grid {c.Grid}, " : "";
        string lr = r.Spectrum is { } s ? $"final learning rate η_c = {s.FinalLr:G4} (T_c = {s.FinalTemperature:G4}), " : "";
        page.Paragraph($"{lr}{grid}{(r.Complete ? "all stages finished" : $"{RunPipeline.Stages.Count(r.Has)} of {RunPipeline.Stages.Count - r.Skipped.Count} stages finished")}.");
        page.Open("nav");
        foreach (var (_, id, title) in Sections) page.Raw($"<a href=\"#{id}\">{HtmlDocument.Escape(title)}</a>");
        page.Raw("<a href=\"#conventions\">Conventions</a>").Close("nav").Close("div").Close("header");
    }

    private static void Answer(HtmlDocument page, RunSummary s)
    {
        page.Open("section", id: "answer").Text("h2", "The answer");
        page.Paragraph(ReportText.Answer(s), "lead");
        page.Open("div", "answer");
        Metric(page, "optimal plateau LR η_h*", s.Optimum is { } o ? ReportText.Lr(o) : "none in range",
            s.Optimum is { } p ? $"{p.Lr / s.FinalLr:G3}× the final LR {s.FinalLr:G4}" : "no plateau cancels the slow mode");
        Metric(page, "rate gain λ₃/λ₂", s.Optimum is null ? "—" : $"{s.Gain:G3}×",
            s.Optimum is null ? $"no plateau reaches λ₃ = {s.FastRate:G4}; all relax at λ₂ = {s.SlowRate:G4}" : $"λ₂ = {s.SlowRate:G4} → λ₃ = {s.FastRate:G4}");
        if (s.Schedules.Count > 0)
        {
            var kept = s.Kept.ToList();
            Metric(page, "decays that keep it", kept.Count > 0 ? string.Join(", ", kept.Select(k => ReportText.Schedule(k.Spec))) : "none tested",
                kept.Count > 0 ? $"fastest: {ReportText.Schedule(kept[0].Spec)}, t = {ReportText.TimeAndSteps(kept[0].Time, kept[0].Steps)} to L1 < 10⁻³" : "longer decays move the optimum up", "words");
        }
        if (s.LangevinConsistent is { } n)
            Metric(page, "particles agree", $"{n} of {s.LangevinTimes} times", $"smallest Holm p = {NumberFormat.PValue(s.LangevinSmallestP)}",
                n == s.LangevinTimes ? "good" : "bad");
        page.Close("div").Close("section");
    }

    /// <summary>One card of the answer; <paramref name="tone"/> is a CSS class of the value (good, bad, or words for a phrase rather than a number).</summary>
    private static void Metric(HtmlDocument page, string label, string value, string note, string? tone = null) =>
        page.Open("div", "metric").Text("div", label, "label").Text("div", value, tone is null ? "value" : $"value {tone}").Text("div", note, "note").Close("div");

    private static void Stage(HtmlDocument page, RunStage stage, RunResults r, RunSummary s, string dir)
    {
        switch (stage)
        {
            case RunStage.Check: Landscape(page, r.Check!, dir); break;
            case RunStage.Spectrum: Modes(page, r.Spectrum!, dir); break;
            case RunStage.Mpemba: Plateau(page, s, r.Mpemba!, dir); break;
            case RunStage.Verdict: Schedules(page, s, r.Verdict!, dir); break;
            case RunStage.FiniteLr: ExtraSections.FiniteLr(page, r.FiniteLr!, dir); break;
            case RunStage.Design: ExtraSections.Design(page, r.Design!, dir); break;
            default: Particles(page, r.Langevin!, dir, twoD: r.Check?.Scenario.X is not null); break;
        }
    }

    private static void Landscape(HtmlDocument page, CheckRecord c, string dir)
    {
        page.Paragraph("Training is modelled as noisy gradient descent on a valley–river loss: a sharp valley across (x), a slow river along it (y) with basins. "
            + "The learning rate sets the noise temperature T = κη; the weights' distribution p(x, y, t) follows the Fokker–Planck equation.");
        var sc = c.Scenario;
        page.Table(["scenario", "value"],
        [
            ["loss", c.Landscape],
            ["domain", (sc.X is { } x ? $"x ∈ [{x[0]:G4}, {x[1]:G4}], " : "") + $"y ∈ [{sc.Y[0]:G4}, {sc.Y[1]:G4}] (zero-flux walls)"],
            ["temperature", $"T = κη with κ = {sc.Kappa:G4}"],
            ["final learning rate η_c", $"{sc.FinalLr:G4}"],
            ["plateaus scanned", $"{sc.PlateauPoints} from {sc.PlateauRange[0]:G4} to {sc.PlateauRange[1]:G4} (log-spaced)"],
            ["discretization", $"grid {c.Grid} ({c.Unknowns:N0} cells, {c.NonZeros:N0} non-zeros), flux {sc.Flux}, {sc.Modes} modes"],
        ]);
        page.Figure(Path.Combine(dir, StageFiles.Landscape), "The river profile c(y) (the loss along the valley floor, zoomed on the basins) and the valley's sharpness a(y)");
        page.Table(["check", .. c.Checks.Select(t => $"{t.Label} (η = {t.LearningRate:G4})")],
        [
            ["mass conservation residual", .. c.Checks.Select(t => t.MassResidual.ToString("E1", CultureInfo.InvariantCulture))],
            ["detailed balance residual", .. c.Checks.Select(t => t.DetailedBalanceResidual.ToString("E1", CultureInfo.InvariantCulture))],
            ["cells per equilibrium width (x, y)", .. c.Checks.Select(t => $"{t.CellsPerWidthX:F1}, {t.CellsPerWidthY:F1}")],
        ]);
        page.Paragraph(c.Warnings.Count == 0 ? $"Grid {c.Grid} ({c.Unknowns:N0} cells): the check is clean." : $"Grid {c.Grid}: {c.Warnings.Count} warning(s):",
            c.Warnings.Count == 0 ? null : "warn");
        if (c.Warnings.Count > 0) { page.Open("ul"); foreach (string w in c.Warnings) page.Text("li", w); page.Close("ul"); }
    }

    private static void Modes(HtmlDocument page, SpectrumRecord s, string dir)
    {
        page.Paragraph(ReportText.Modes(s));
        page.Open("div", "pair");
        page.Figure(Path.Combine(dir, StageFiles.ModeFigure(s.EffectiveMode, left: false)), "u₂: where the slow excess probability sits");
        page.Figure(Path.Combine(dir, StageFiles.ModeFigure(s.EffectiveMode, left: true)), "v₂: the observable that measures it");
        page.Close("div");
        page.Table(["mode k", "rate λ_k", "time scale 1/λ_k", "steps at η_c", "residual"],
            s.Eigenvalues.Select((l, k) => (IReadOnlyList<string>)[$"{k + 1}", $"{l:G6}", k == 0 ? "∞ (equilibrium)" : $"{1 / l:G4}",
                k == 0 ? "—" : $"{1 / l / s.FinalLr:F0}", $"{s.Residuals[k]:E1}"]));
    }

    private static void Plateau(HtmlDocument page, RunSummary s, MpembaRecord m, string dir)
    {
        page.Paragraph(ReportText.Coefficients(s, m));
        string compare = Path.Combine(dir, MpembaFiles.ComparisonFigure), coefficients = Path.Combine(dir, MpembaFiles.CoefficientsFigure);
        bool reduced = File.Exists(compare);
        if (reduced) page.Figure(compare, "The slow-mode overlap a₂(η_h) (scaled by its largest value): the optimal plateau is where it crosses zero; 2D model and river-only reduction");
        else page.Figure(coefficients, "Mpemba coefficients a_k(η_h): the optimal plateau is where a₂ crosses zero");
        var rows = m.Points.Select(p => (IReadOnlyList<string>)["2D", p.Kind, ReportText.Lr(p), $"{p.Gain:G3}", Order(p.ObservedOrder)])
            .Concat(m.ReducedPoints.Select(p => (IReadOnlyList<string>)["river-only 1D", p.Kind, ReportText.Lr(p), $"{p.Gain:G3}", Order(p.ObservedOrder)]));
        page.Table(["model", "kind", "strong Mpemba point η_h* ± grid error", "rate gain", "observed order"], rows.ToList());
        if (reduced) page.Figure(coefficients, "a₂ beside a₃: the next mode stays excited (it sets the faster rate λ₃)");
        if (m.Sweep.Count > 0)
        {
            page.Text("h3", "If the final learning rate changes");
            page.Paragraph(ReportText.Sweep(m));
            page.Figure(Path.Combine(dir, MpembaFiles.SweepFigure), "Optimal plateau against the final learning rate");
        }
    }

    private static string Order(double p) => double.IsFinite(p) ? $"{p:F2}" : "—";

    private static void Schedules(HtmlDocument page, RunSummary s, VerdictResult v, string dir)
    {
        page.Paragraph(ReportText.Verdict(s, v));
        page.Figure(Path.Combine(dir, EvolveFigures.VerdictFigure), "Time to reach the final equilibrium, per plateau and decay");
        var specs = v.Rows.Select(x => x.Spec).Distinct().ToList();
        var best = specs.ToDictionary(sp => sp, sp => v.Rows.Where(x => x.Spec == sp).MinBy(x => x.TimeL1));
        page.Table(["plateau η_h", .. specs.Select(ReportText.Schedule)], v.PlateauLrs.Select(p => (IReadOnlyList<string>)[
            $"{p:G4}{(v.Rows.Any(x => x.PlateauLr == p && x.IsStrongMpembaPoint) ? " (η*)" : "")}",
            .. specs.Select(sp => v.Rows.FirstOrDefault(x => x.Spec == sp && x.PlateauLr == p) is { } row
                ? (best[sp] == row && double.IsFinite(row.TimeL1) ? "★ " : "") + ReportText.TimeAndSteps(row.TimeL1, row.StepsL1) : "")]).ToList());
        page.Paragraph("Times t = steps × η until the L1 distance to the final equilibrium stays below the tolerance (SGD steps in brackets); ★ the fastest plateau per decay.", "missing");
        page.Open("ul", "findings");
        foreach (var f in v.Findings) page.Text("li", f.Sentence);
        page.Close("ul");
        page.Text("h3", "Loss curves against the spectral prediction (instant drop)");
        page.Paragraph("Solid: the time-stepper's integration of the Fokker–Planck equation; dashed: the prediction from the eigenmodes alone. "
            + "From the optimal plateau the slow mode is absent, so the curve falls at λ₃ instead of λ₂.");
        page.Figure(Path.Combine(dir, StageFiles.Distances), "Distance to the final equilibrium (L1, thick) and excess loss (thin) after an instant drop; dashed: spectral prediction");
    }

    private static void Particles(HtmlDocument page, LangevinRecord l, string dir, bool twoD)
    {
        page.Paragraph(ReportText.Langevin(l));
        page.Open("div", "pair");
        page.Figure(Path.Combine(dir, LangevinFigures.RiverFigure), "River (y) histograms of the particles over the Fokker–Planck density");
        if (twoD) page.Figure(Path.Combine(dir, LangevinFigures.ValleyFigure), "Valley (x) histograms");
        else page.Figure(Path.Combine(dir, LangevinFigures.LossFigure), "Excess loss: particles (with interval) and Fokker–Planck");
        page.Close("div");
        if (twoD)
        {
            page.Open("div", "pair");
            page.Figure(Path.Combine(dir, LangevinFigures.LossFigure), "Excess loss: particles (with interval) and Fokker–Planck");
            page.Figure(Path.Combine(dir, LangevinFigures.ResidualsFigure), "Standardized residuals of the 2D histogram");
            page.Close("div");
        }
        page.Table(["t", "p (river)", "p (valley)", "excess loss, particles", "excess loss, FP", "verdict (Holm p)"],
            l.Times.Select(t => (IReadOnlyList<string>)[$"{t.Time:G3}", NumberFormat.PValue(t.PValueY), t.PValueX is { } px ? NumberFormat.PValue(px) : "—",
                $"{t.ExcessLoss:G3} [{t.ExcessLossLow:G3}, {t.ExcessLossHigh:G3}]", $"{t.ExcessLossFokkerPlanck:G3}",
                $"{(t.Verdict == Verdict.Consistent ? "consistent" : "inconsistent")} ({NumberFormat.PValue(t.PValue)})"]).ToList());
        page.Paragraph($"Throughput {NumberFormat.Compact(l.Throughput)} particle-steps per second; seed {l.Seed} (the same seed gives the same particles on any number of threads).", "missing");
    }

    private static void Conventions(HtmlDocument page)
    {
        page.Open("section", id: "conventions").Text("h2", "Conventions");
        page.Open("ul");
        foreach (string item in (string[])[
            "Temperature T = κη; time t = steps × η (so a time divided by η_c is a number of SGD steps at the final learning rate).",
            "The weights' density obeys ∂p/∂t = ∇·(p∇L) + T∇²p with zero-flux walls, discretized by finite volumes (Scharfetter–Gummel fluxes unless the scenario says otherwise).",
            "Eigenvalues 0 = λ₁ < λ₂ ≤ λ₃ …; right eigenvectors u_k are densities, left ones v_k observables, ⟨v_j, u_k⟩ = δ_jk; v_k is signed so that it carries excess loss with a plus sign.",
            "Mpemba coefficient a_k(η_h) = E over the plateau equilibrium π(η_h) of v_k; a strong Mpemba point is a zero of a₂ away from η_c.",
            "Grid error bars: Roache's grid convergence index from three grids in the ratio √2.",
            "Particle tests treat the particles as independent draws and the Fokker–Planck solution as exact; each time's verdict is Holm-corrected over its tests."])
            page.Text("li", item);
        page.Close("ul").Close("section");
    }

    private static void Footer(HtmlDocument page, RunResults r, RunReportOptions options)
    {
        string times = string.Join(", ", RunPipeline.Stages.Where(r.Seconds.ContainsKey).Select(s => $"{s.ToString().ToLowerInvariant()} {r.Seconds[s]:F1} s"));
        page.Open("footer").Paragraph($"Reproduce with: {options.CommandLine}").Paragraph($"Stage times: {times}.")
            .Paragraph("Made by FokkerPlanck. Each stage's files (JSON, CSV, PNG) are in the folder of the same name beside this page; run.json holds every number shown here.")
            .Close("footer");
    }
}
