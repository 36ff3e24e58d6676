using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>Distances a verdict times: first passage below a tolerance.</summary>
/// <param name="L1">Tolerance on the L1 distance to π_c.</param>
/// <param name="KullbackLeibler">Tolerance on D(p ‖ π_c).</param>
/// <param name="ExcessLoss">Tolerance on |excess loss|.</param>
public sealed record VerdictTolerances(double L1, double KullbackLeibler, double ExcessLoss)
{
    /// <summary>
    /// Defaults for a scenario: L1 10⁻³; KL 5·10⁻⁷ (Pinsker, <c>KL ≥ L1²/2</c>, at the same L1); the
    /// excess loss 10⁻³·T_c (T_c/2 is the equilibrium loss per degree of freedom at the final LR, so the
    /// tolerance is a fixed fraction of the loss scale the final LR itself sets).
    /// </summary>
    public static VerdictTolerances For(double finalTemperature) => new(1e-3, 5e-7, 1e-3 * finalTemperature);
}

/// <summary>One run of the verdict table.</summary>
/// <param name="PlateauLr">η_h.</param>
/// <param name="Spec">The schedule spec.</param>
/// <param name="IsStrongMpembaPoint">η_h is a strong Mpemba point of the quench.</param>
/// <param name="TimeL1">Time to reach the L1 tolerance (+∞ if not within the run).</param>
/// <param name="StepsL1">SGD steps to reach it.</param>
/// <param name="TimeKullbackLeibler">Time to reach the KL tolerance.</param>
/// <param name="TimeExcessLoss">Time to reach the excess-loss tolerance.</param>
/// <param name="LateTimeRate">Measured late-time rate.</param>
/// <param name="EndTime">End time of the run.</param>
public sealed record VerdictRow(double PlateauLr, string Spec, bool IsStrongMpembaPoint, double TimeL1, double StepsL1,
    double TimeKullbackLeibler, double TimeExcessLoss, double LateTimeRate, double EndTime);

/// <summary>What one schedule says about the optimal plateau.</summary>
/// <param name="Spec">The schedule spec.</param>
/// <param name="Outcome">Whether the strong Mpemba plateau stays the fastest.</param>
/// <param name="Advantage">Time of the best other plateau over the strong point's (L1); &gt; 1 means the strong point is faster.</param>
/// <param name="BestPlateauLr">The plateau that reaches the L1 tolerance first.</param>
/// <param name="Sentence">The verdict in one plain sentence.</param>
public sealed record ScheduleFinding(string Spec, VerdictOutcome Outcome, double Advantage, double BestPlateauLr, string Sentence);

/// <summary>Outcome of one schedule in the verdict.</summary>
public enum VerdictOutcome
{
    /// <summary>The strong Mpemba plateau reaches the tolerance first.</summary>
    AdvantageKept,
    /// <summary>Another plateau reaches it first.</summary>
    AdvantageLost,
    /// <summary>No plateau reaches the tolerance within the run: the schedule itself limits convergence.</summary>
    NoneConverged,
    /// <summary>The scenario has no strong Mpemba point to test.</summary>
    NoStrongPoint,
}

/// <summary>The plateau × schedule table with one finding per schedule.</summary>
/// <param name="Tolerances">Tolerances used.</param>
/// <param name="PlateauLrs">Plateau LRs, ascending.</param>
/// <param name="StrongPoints">Strong Mpemba points (cooling) of the quench.</param>
/// <param name="Rows">All runs.</param>
/// <param name="Findings">One per schedule, in input order.</param>
/// <param name="Complete">False while the table is being filled.</param>
public sealed record VerdictResult(VerdictTolerances Tolerances, double[] PlateauLrs, double[] StrongPoints, IReadOnlyList<VerdictRow> Rows,
    IReadOnlyList<ScheduleFinding> Findings, bool Complete);

/// <summary>
/// The schedule verdict (issue: checks the decay schedules against the spectral prediction): for each
/// plateau and schedule, the time and steps to reach the tolerances; per schedule, whether the strong
/// Mpemba plateau keeps its advantage and by how much.
/// </summary>
/// <remarks>
/// The plateau at the final LR starts at the final equilibrium (every distance is 0 by construction),
/// so it is listed as a reference and left out of the comparisons. The physics claim checked (docs/physics.md
/// §6): a decay slow against the valley yet fast against the river keeps the advantage of the optimal
/// plateau, an instant drop is the limit of short decays, and a power law whose rate α/(t + τ) falls below
/// λ₂ makes the schedule itself the bottleneck.
/// </remarks>
public static class ScheduleVerdict
{
    /// <summary>Plateau LRs of the default table: the strong points, the final LR, the geometric mean of the final LR and the first strong point, and these multiples of the largest strong point.</summary>
    public static readonly double[] BeyondFactors = [1.5, 2.0, 3.0];

    /// <summary>
    /// A plateau within this relative distance of a strong Mpemba point counts as that point in the
    /// findings: half a unit in the fourth digit, so a value copied from a printout (4–6 digits) is
    /// recognized. The run itself uses the LR as given.
    /// </summary>
    public const double StrongPointMatch = 5e-4;

    /// <summary>Durations of the default decays as fractions of the slow time 1/λ_eff.</summary>
    public static readonly double[] DurationFractions = [0.01, 0.1, 1.0];

    /// <summary>The default plateau set (see <see cref="BeyondFactors"/>), within the scenario's plateau range where it has room.</summary>
    public static double[] DefaultPlateaus(double finalLr, IReadOnlyList<double> strongPoints, double maxLr)
    {
        ArgumentNullException.ThrowIfNull(strongPoints);
        var set = new SortedSet<double> { finalLr };
        foreach (double s in strongPoints) set.Add(s);
        if (strongPoints.Count > 0)
        {
            set.Add(Math.Sqrt(finalLr * strongPoints[0]));
            foreach (double f in BeyondFactors) if (f * strongPoints[^1] <= maxLr) set.Add(f * strongPoints[^1]);
        }
        else foreach (double f in new[] { 2.0, 4.0, 8.0 }) if (f * finalLr <= maxLr) set.Add(f * finalLr);
        return [.. set];
    }

    /// <summary>The default schedule specs: the quench; linear, cosine and exponential decays over <see cref="DurationFractions"/>/λ_eff; and a 1/t decay with τ = 0.1/λ_eff.</summary>
    public static string[] DefaultSpecs(double slowRate)
    {
        var specs = new List<string> { "constant" };
        foreach (string kind in new[] { "linear", "cosine", "exp" })
            foreach (double f in DurationFractions) specs.Add($"{kind}:{Round(f / slowRate)}");
        specs.Add($"inverse:{Round(0.1 / slowRate)}");
        return [.. specs];
    }

    private static string Round(double v) => v.ToString("G3", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Runs the table; <paramref name="checkpoint"/> receives the partial result after each plateau, and
    /// <paramref name="observe"/> each run as it finishes (to draw it without running it again).
    /// </summary>
    public static VerdictResult Run(EvolutionSession session, IReadOnlyList<double> plateaus, IReadOnlyList<IScheduleShape> shapes, VerdictTolerances tolerances,
        IProgress<(int Done, int Total, string What)>? progress = null, Action<VerdictResult>? checkpoint = null,
        Action<EvolutionRun>? observe = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plateaus);
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentNullException.ThrowIfNull(tolerances);
        var strong = session.Scan.Points.Where(p => p.Kind == "cooling").Select(p => p.Lr).ToArray();
        var sorted = plateaus.Order().ToArray();
        double finalLr = session.Scenario.FinalLr;
        var rows = new List<VerdictRow>();
        int total = sorted.Length * shapes.Count, done = 0;
        foreach (double plateau in sorted)
        {
            foreach (var shape in shapes)
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Report((done, total, $"η_h = {plateau:G4}, {shape.Spec}"));
                rows.Add(Measure(session, shape.Bind(plateau, finalLr), strong, tolerances, observe, cancellation));
                done++;
            }
            checkpoint?.Invoke(new VerdictResult(tolerances, sorted, strong, [.. rows], [], Complete: false));
        }
        progress?.Report((done, total, "done"));
        var findings = shapes.Select(s => Judge(s.Spec, rows.Where(r => r.Spec == s.Spec).ToList(), strong, finalLr, tolerances)).ToArray();
        return new VerdictResult(tolerances, sorted, strong, rows, findings, Complete: true);
    }

    private static VerdictRow Measure(EvolutionSession session, ILearningRateSchedule schedule, double[] strong, VerdictTolerances tol, Action<EvolutionRun>? observe,
        CancellationToken cancellation)
    {
        var run = session.Run(schedule, cancellation: cancellation);
        observe?.Invoke(run);
        var o = run.Observed;
        double tL1 = run.TimeToReach(o.L1, tol.L1);
        return new VerdictRow(schedule.PlateauLr, schedule.Spec, strong.Any(s => Math.Abs(schedule.PlateauLr / s - 1) <= StrongPointMatch), tL1,
            double.IsFinite(tL1) ? schedule.Steps(tL1) : double.PositiveInfinity, run.TimeToReach(o.KullbackLeibler, tol.KullbackLeibler),
            run.TimeToReach(o.ExcessLoss, tol.ExcessLoss), run.LateTimeRate.Rate, run.Times[^1]);
    }

    /// <summary>The finding of one schedule from its rows.</summary>
    public static ScheduleFinding Judge(string spec, IReadOnlyList<VerdictRow> rows, IReadOnlyList<double> strong, double finalLr, VerdictTolerances tol)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(strong);
        ArgumentNullException.ThrowIfNull(tol);
        var candidates = rows.Where(r => Math.Abs(r.PlateauLr - finalLr) > 1e-9 * finalLr).ToList();
        string what = $"L1 < {tol.L1:G2}";
        if (candidates.Count == 0) return new ScheduleFinding(spec, VerdictOutcome.NoStrongPoint, double.NaN, double.NaN, $"{spec}: no plateau above the final LR was run.");
        var best = candidates.MinBy(r => r.TimeL1)!;
        if (!double.IsFinite(best.TimeL1))
            return new ScheduleFinding(spec, VerdictOutcome.NoneConverged, double.NaN, double.NaN,
                $"{spec}: no plateau reaches {what} by t = {best.EndTime:G3}: the schedule's own decay, not the plateau, limits convergence.");
        var star = candidates.Where(r => r.IsStrongMpembaPoint).MinBy(r => r.TimeL1);
        if (star is null)
            return new ScheduleFinding(spec, VerdictOutcome.NoStrongPoint, double.NaN, best.PlateauLr,
                $"{spec}: no strong Mpemba point to test; the fastest plateau is η = {best.PlateauLr:G4} ({what} at t = {best.TimeL1:G3}, {best.StepsL1:F0} steps).");
        var others = candidates.Where(r => !r.IsStrongMpembaPoint).ToList();
        double otherBest = others.Count > 0 ? others.Min(r => r.TimeL1) : double.PositiveInfinity;
        double advantage = otherBest / star.TimeL1;
        if (ReferenceEquals(best, star) || star.TimeL1 <= best.TimeL1)
            return new ScheduleFinding(spec, VerdictOutcome.AdvantageKept, advantage, star.PlateauLr,
                $"{spec}: the strong Mpemba plateau η* = {star.PlateauLr:G4} reaches {what} at t = {star.TimeL1:G3} ({star.StepsL1:F0} steps), "
                + (double.IsFinite(otherBest) ? $"{advantage:G3}× sooner than the best other plateau (t = {otherBest:G3}): advantage kept." : "and no other plateau does within the run: advantage kept."));
        return new ScheduleFinding(spec, VerdictOutcome.AdvantageLost, advantage, best.PlateauLr,
            $"{spec}: plateau η = {best.PlateauLr:G4} is fastest ({what} at t = {best.TimeL1:G3}, {best.StepsL1:F0} steps); the strong Mpemba point η* = {star.PlateauLr:G4} needs t = {star.TimeL1:G3}: advantage lost.");
    }
}
