using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Pipeline;

// The stage records of `fokkerplanck run`: plain data (numbers, strings, enums, lists), written to run.json after
// each stage and read back by --resume, so that later stages and the report need nothing but these and the figures.

/// <summary>What the check stage found.</summary>
/// <param name="Landscape">The landscape, described.</param>
/// <param name="Grid">The grid, e.g. "128×256".</param>
/// <param name="Unknowns">Cells.</param>
/// <param name="NonZeros">Non-zeros of the operator.</param>
/// <param name="Checks">Diagnostics at the final and the highest plateau LR.</param>
/// <param name="Warnings">Problems with their fixes (empty when clean).</param>
/// <param name="Scenario">The scenario's settings, as the report states them.</param>
public sealed record CheckRecord(string Landscape, string Grid, int Unknowns, int NonZeros, IReadOnlyList<TemperatureCheck> Checks, IReadOnlyList<string> Warnings,
    ScenarioRecord Scenario)
{
    /// <summary>The record of a check report.</summary>
    public static CheckRecord From(ScenarioCheckReport r, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(scenario);
        var p = scenario.Problem;
        double[]? x = p.XRange is { } xr ? [xr.Min, xr.Max] : null;
        var plateau = scenario.Mpemba.Plateau;
        return new(r.Landscape, r.Grid.ToString(), r.Unknowns, r.NonZeros, r.Checks, r.Warnings,
            new ScenarioRecord(x, [p.YRange.Min, p.YRange.Max], p.Kappa, scenario.FinalLr, [plateau.Min, plateau.Max], plateau.Points, scenario.Mpemba.Modes, p.Flux));
    }
}

/// <summary>A scenario's settings.</summary>
/// <param name="X">x domain (null in 1D).</param>
/// <param name="Y">y domain.</param>
/// <param name="Kappa">κ in T = κη.</param>
/// <param name="FinalLr">η_c.</param>
/// <param name="PlateauRange">The plateau LRs scanned.</param>
/// <param name="PlateauPoints">How many.</param>
/// <param name="Modes">Eigenpairs computed.</param>
/// <param name="Flux">The finite-volume flux.</param>
public sealed record ScenarioRecord(double[]? X, double[] Y, double Kappa, double FinalLr, double[] PlateauRange, int PlateauPoints, int Modes, string Flux);

/// <summary>The slow modes at the final LR.</summary>
/// <param name="FinalLr">η_c.</param>
/// <param name="FinalTemperature">T_c = κη_c.</param>
/// <param name="Eigenvalues">λ₁ = 0 &lt; λ₂ ≤ …</param>
/// <param name="Residuals">True residuals of the eigenpairs.</param>
/// <param name="EffectiveMode">The slowest mode the plateau states excite (2 unless symmetry hides it).</param>
/// <param name="NextMode">The next one (0 when not computed).</param>
public sealed record SpectrumRecord(double FinalLr, double FinalTemperature, double[] Eigenvalues, double[] Residuals, int EffectiveMode, int NextMode)
{
    /// <summary>λ of the effective slowest mode.</summary>
    public double EffectiveRate => Eigenvalues[EffectiveMode - 1];

    /// <summary>λ of the next mode (NaN when not computed).</summary>
    public double NextRate => NextMode > 0 ? Eigenvalues[NextMode - 1] : double.NaN;
}

/// <summary>The Mpemba analysis.</summary>
/// <param name="Grid">The base grid.</param>
/// <param name="Points">Strong Mpemba points of the 2D model with grid error bars.</param>
/// <param name="ReducedPoints">The same for the river-only reduction (empty when not run).</param>
/// <param name="ClosestApproachLr">Where |a₂|/|T_h − T_c| is smallest (the closest approach when there is no point).</param>
/// <param name="ScanLr">Plateau LRs of the scan.</param>
/// <param name="ScanA2">a_eff on the scan.</param>
/// <param name="Sweep">η_h* against the final LR.</param>
public sealed record MpembaRecord(string Grid, IReadOnlyList<PointEstimate> Points, IReadOnlyList<PointEstimate> ReducedPoints, double ClosestApproachLr,
    double[] ScanLr, double[] ScanA2, IReadOnlyList<SweepPoint> Sweep)
{
    /// <summary>The record of a study.</summary>
    public static MpembaRecord From(MpembaStudyResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var scan = r.Full.Base.Scan;
        return new(r.Full.Base.Grid.ToString(), r.Full.Points, r.Reduced?.Points ?? [], scan.SmallestLr,
            [.. scan.Scan.Select(p => p.Lr)], [.. scan.Scan.Select(p => p.EffectiveA2)], r.Sweep);
    }

    /// <summary>The cooling strong points (plateaus above η_c), the optimal plateaus of a decay.</summary>
    public IEnumerable<PointEstimate> Cooling => Points.Where(p => p.Kind == "cooling");
}

/// <summary>The finite-LR stage: the three models' strong points at one κ.</summary>
/// <param name="Kappa">κ (T = κη; the scenario's temperatures kept).</param>
/// <param name="FinalLr">η_c at that κ.</param>
/// <param name="FinalLrTimesCurvature">η_c·a_max.</param>
/// <param name="Rates">λ₂, λ₃ of the SGD map at η_c.</param>
/// <param name="SgdPoints">SGD's strong points.</param>
/// <param name="SgdErrors">Their grid errors.</param>
/// <param name="Closest">SGD's closest approach (null when it has points or no scan).</param>
/// <param name="FokkerPlanckPoints">The continuous FP's strong points at that κ.</param>
/// <param name="CorrectedPoints">The force-corrected river model's (empty when the landscape is not valley–river).</param>
/// <param name="Grid">SGD's grid at η_c.</param>
public sealed record FiniteLrRecord(double Kappa, double FinalLr, double FinalLrTimesCurvature, double[] Rates, double[] SgdPoints, double[] SgdErrors,
    FiniteLr.SgdClosestApproach? Closest, double[] FokkerPlanckPoints, double[] CorrectedPoints, string Grid)
{
    /// <summary>The record of a comparison.</summary>
    public static FiniteLrRecord From(FiniteLr.FiniteLrComparison c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var s = c.Sgd;
        return new(s.Kappa, s.FinalLr, s.FinalLrTimesCurvature, [.. s.Modes.Skip(1).Take(2).Select(m => m.Rate)], [.. s.StrongPoints.Select(p => p.Lr)],
            [.. s.StrongPoints.Select(p => p.Error)], s.StrongPoints.Count == 0 ? s.ClosestApproach : null, [.. c.FokkerPlanck.Points.Select(p => p.Lr)],
            [.. c.ForceCorrected?.Points.Select(p => p.Lr) ?? []], $"{s.Nx}×{s.Ny}");
    }
}

/// <summary>One comparison time of the Langevin confirmation.</summary>
/// <param name="Time">t.</param>
/// <param name="PValueY">G-test p of the river marginal.</param>
/// <param name="PValueX">G-test p of the valley marginal (null in 1D).</param>
/// <param name="ExcessLoss">Excess loss of the particles.</param>
/// <param name="ExcessLossLow">Lower end of its interval at 1 − α.</param>
/// <param name="ExcessLossHigh">Upper end.</param>
/// <param name="ExcessLossFokkerPlanck">The Fokker–Planck excess loss.</param>
/// <param name="PValue">Holm-adjusted p of the time.</param>
/// <param name="Verdict">Consistent or not at α.</param>
public sealed record LangevinTimeRecord(double Time, double PValueY, double? PValueX, double ExcessLoss, double ExcessLossLow, double ExcessLossHigh,
    double ExcessLossFokkerPlanck, double PValue, Verdict Verdict);

/// <summary>The Langevin confirmation.</summary>
/// <param name="Particles">Ensemble size.</param>
/// <param name="Seed">Generator seed.</param>
/// <param name="PlateauLr">The plateau the ensemble starts from.</param>
/// <param name="Schedule">The schedule, described.</param>
/// <param name="TimeStep">The SDE step.</param>
/// <param name="Level">Significance level α.</param>
/// <param name="Times">One record per comparison time.</param>
/// <param name="Throughput">Particle-steps per second.</param>
public sealed record LangevinRecord(int Particles, ulong Seed, double PlateauLr, string Schedule, double TimeStep, double Level,
    IReadOnlyList<LangevinTimeRecord> Times, double Throughput)
{
    /// <summary>Times consistent with the Fokker–Planck solution.</summary>
    public int Consistent => Times.Count(t => t.Verdict == Analysis.Statistics.Verdict.Consistent);
}

/// <summary>The record of a whole run: the settings' fingerprint, each finished stage's record and time (run.json).</summary>
public sealed class RunResults
{
    /// <summary>Scenario name.</summary>
    public required string Scenario { get; init; }

    /// <summary>The scenario file (full path), or null.</summary>
    public string? ScenarioPath { get; init; }

    /// <summary>Everything that decides the numbers (scenario content, grid, options): a resumed run must match it.</summary>
    public required string Fingerprint { get; init; }

    /// <summary>The check stage's record (null until it has run).</summary>
    public CheckRecord? Check { get; set; }

    /// <summary>The spectrum stage's record.</summary>
    public SpectrumRecord? Spectrum { get; set; }

    /// <summary>The Mpemba stage's record.</summary>
    public MpembaRecord? Mpemba { get; set; }

    /// <summary>The verdict stage's record.</summary>
    public VerdictResult? Verdict { get; set; }

    /// <summary>The Langevin stage's record.</summary>
    public LangevinRecord? Langevin { get; set; }

    /// <summary>The finite-LR stage's record.</summary>
    public FiniteLrRecord? FiniteLr { get; set; }

    /// <summary>The schedule-design stage's record.</summary>
    public DesignRecord? Design { get; set; }

    /// <summary>Wall time of each finished stage, seconds.</summary>
    public Dictionary<RunStage, double> Seconds { get; init; } = [];

    /// <summary>Stages skipped by the options.</summary>
    public List<RunStage> Skipped { get; init; } = [];

    /// <summary>Every stage finished or skipped.</summary>
    public bool Complete { get; set; }

    /// <summary>Whether <paramref name="stage"/> has its record.</summary>
    public bool Has(RunStage stage) => stage switch
    {
        RunStage.Check => Check is not null,
        RunStage.Spectrum => Spectrum is not null,
        RunStage.Mpemba => Mpemba is not null,
        RunStage.Verdict => Verdict is not null,
        RunStage.Langevin => Langevin is not null,
        RunStage.FiniteLr => FiniteLr is not null,
        RunStage.Design => Design is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };
}
