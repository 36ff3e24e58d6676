using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;

namespace FokkerPlanck.Core.Pipeline;

/// <summary>What one schedule of the verdict recommends.</summary>
/// <param name="Spec">The schedule spec.</param>
/// <param name="Outcome">Whether the optimal plateau stays fastest under it.</param>
/// <param name="BestPlateauLr">The plateau that reaches the tolerance first under it.</param>
/// <param name="Time">That plateau's time to the L1 tolerance (t = steps × η; +∞ when none reached it).</param>
/// <param name="Steps">The same in SGD steps.</param>
/// <param name="Sentence">The finding in one sentence.</param>
public sealed record ScheduleAdvice(string Spec, VerdictOutcome Outcome, double BestPlateauLr, double Time, double Steps, string Sentence);

/// <summary>The answer of a run in a few numbers: the terminal's last lines and the report's first card.</summary>
/// <param name="FinalLr">η_c.</param>
/// <param name="Optimum">The (first cooling) strong Mpemba point with its grid error bar, or null when the scan found none.</param>
/// <param name="ReducedOptimum">The river-only reduction's, or null.</param>
/// <param name="SlowRate">λ_eff (λ₂ unless symmetry hides it).</param>
/// <param name="FastRate">λ_next (λ₃).</param>
/// <param name="Schedules">The verdict per schedule, fastest first (empty when the verdict did not run).</param>
/// <param name="LangevinConsistent">Comparison times consistent with Fokker–Planck (null when the Langevin stage did not run).</param>
/// <param name="LangevinTimes">Comparison times.</param>
/// <param name="LangevinSmallestP">The smallest Holm-adjusted p over the times.</param>
public sealed record RunSummary(double FinalLr, PointEstimate? Optimum, PointEstimate? ReducedOptimum, double SlowRate, double FastRate,
    IReadOnlyList<ScheduleAdvice> Schedules, int? LangevinConsistent, int LangevinTimes, double LangevinSmallestP)
{
    /// <summary>λ_next/λ_eff: how much faster the decay runs from the optimal plateau.</summary>
    public double Gain => FastRate / SlowRate;

    /// <summary>The schedules under which the optimal plateau stays fastest.</summary>
    public IEnumerable<ScheduleAdvice> Kept => Schedules.Where(s => s.Outcome == VerdictOutcome.AdvantageKept);

    /// <summary>The summary of what <paramref name="r"/> holds so far.</summary>
    /// <exception cref="InvalidOperationException">The spectrum stage has not run.</exception>
    public static RunSummary From(RunResults r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var spectrum = r.Spectrum ?? throw new InvalidOperationException("the spectrum stage has not run.");
        var optimum = r.Mpemba?.Cooling.FirstOrDefault();
        var reduced = r.Mpemba?.ReducedPoints.FirstOrDefault(p => p.Kind == "cooling");
        var advice = new List<ScheduleAdvice>();
        if (r.Verdict is { } v)
        {
            foreach (var f in v.Findings)
            {
                var best = v.Rows.Where(row => row.Spec == f.Spec && row.PlateauLr == f.BestPlateauLr).FirstOrDefault();
                advice.Add(new ScheduleAdvice(f.Spec, f.Outcome, f.BestPlateauLr, best?.TimeL1 ?? double.PositiveInfinity, best?.StepsL1 ?? double.PositiveInfinity, f.Sentence));
            }
        }
        var l = r.Langevin;
        return new RunSummary(spectrum.FinalLr, optimum, reduced, spectrum.EffectiveRate, spectrum.NextRate, [.. advice.OrderBy(a => a.Time)],
            l?.Consistent, l?.Times.Count ?? 0, l is { Times.Count: > 0 } ? l.Times.Min(t => t.PValue) : double.NaN);
    }
}
