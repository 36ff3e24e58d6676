using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>
/// The map of dynamic strong Mpemba points: η_h*(D) for each decay shape over decay durations D, from
/// the quench's strong point at D = 0 to where no plateau in the scenario's range cancels the slow
/// mode any more (issue 19, item 2).
/// </summary>
/// <remarks>
/// Grid error bars (optional) follow <see cref="MpembaStudy"/>: the root on a grid √2 coarser, and the
/// grid convergence index <c>F_s |η_base − η_coarse|/(r^p − 1)</c> with F_s = 1.25, p = 2 (P. J. Roache,
/// J. Fluids Eng. 116, 405 (1994)).
/// </remarks>
public static class DynamicMpembaMapper
{
    /// <summary>
    /// Non-zero durations of the default map (besides D = 0): geometric over [<see cref="ShortestDecay"/>,
    /// <see cref="LongestDecay"/>] slow times 1/λ_eff, one per decade. Each point costs about 8 runs
    /// (2 to bracket, 4 for Brent, 2 for the tolerance study) and a duration without a zero a scan of
    /// about 11: on the default scenario (128×256, 2 cores, about 3.5 s a run) 8 durations from 10⁻³/λ
    /// took 12.5 min for the four shapes and 4 took 7.6 min, past the few minutes a default should take,
    /// so the default has 3; pass more with the durations option.
    /// </summary>
    public const int DefaultDurationCount = 3;

    /// <summary>The shortest default decay in slow times 1/λ_eff (10⁻²: at 10⁻³ the point is within 0.02 % of the quench's on the default scenario, nothing to read off a map).</summary>
    public const double ShortestDecay = 1e-2;

    /// <summary>The longest default decay in slow times 1/λ_eff (one slow time: the slow mode relaxes during the decay itself).</summary>
    public const double LongestDecay = 1.0;

    /// <summary>D = 0 and <paramref name="count"/> durations geometric from <see cref="ShortestDecay"/>/λ to <see cref="LongestDecay"/>/λ, three significant digits.</summary>
    public static double[] DefaultDurations(double slowRate, int count = DefaultDurationCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var d = new List<double> { 0 };
        for (int i = 0; i < count; i++)
        {
            double f = count == 1 ? LongestDecay : ShortestDecay * Math.Pow(LongestDecay / ShortestDecay, (double)i / (count - 1));
            d.Add(double.Parse((f / slowRate).ToString("G3", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
        }
        return [.. d.Distinct().Order()];
    }

    /// <summary>The spec of <paramref name="kind"/> over <paramref name="duration"/>, e.g. <c>linear:4.3</c>.</summary>
    public static string Spec(string kind, double duration) => $"{kind}:{duration.ToString("R", CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Checks that every kind parses as <c>KIND:D</c> and settles at a finite time, and that the durations are ≥ 0 and finite.
    /// </summary>
    /// <exception cref="ScheduleException">A kind is unknown or takes other arguments.</exception>
    /// <exception cref="ArgumentException">A kind never settles, or a duration is negative or not finite.</exception>
    public static void Validate(EvolutionSession session, DynamicMpembaMapOptions options)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        options.Search.Validate();
        if (options.Kinds.Count == 0) throw new ArgumentException("no shapes to map; give at least one (e.g. linear).", nameof(options));
        foreach (double d in options.Durations ?? [])
            if (!(d >= 0) || !double.IsFinite(d)) throw new ArgumentException($"decay durations must be ≥ 0 and finite, got {d.ToString(CultureInfo.InvariantCulture)}.", nameof(options));
        foreach (string kind in options.Kinds)
            _ = new SettledAmplitudes(session, ScheduleCatalog.Parse(Spec(kind, 1)));
    }

    /// <summary>Runs the map, shape by shape; <paramref name="checkpoint"/> receives the partial map after each search, so a long map can write what it has.</summary>
    /// <exception cref="ArgumentException">See <see cref="Validate"/>.</exception>
    public static DynamicMpembaMap Run(EvolutionSession session, DynamicMpembaMapOptions options, IProgress<(int Done, int Total, string What)>? progress = null,
        Action<DynamicMpembaMap>? checkpoint = null, CancellationToken cancellation = default)
    {
        Validate(session, options);
        var clock = Stopwatch.StartNew();
        var durations = (options.Durations ?? DefaultDurations(session.Scan.EffectiveRate)).Distinct().Order().ToArray();
        var entries = new List<DynamicMpembaEntry>();
        int total = options.Kinds.Count * durations.Length, done = 0;
        DynamicMpembaMap Map(bool complete) => new(session.Scenario.FinalLr, session.Scan.EffectiveRate, session.Scan.NextRate, session.Scan.Points,
            options.Kinds, durations, [.. entries], options.GridStudy, complete, clock.Elapsed.TotalSeconds);

        using var search = new DynamicMpembaSearch(session, options.Search);
        using var coarse = options.GridStudy ? CoarseSession(session, progress, total) : null;
        using var coarseSearch = coarse is null ? null : new DynamicMpembaSearch(coarse, options.Search with { ToleranceStudy = false, Adiabatic = false, Guided = false });
        var start = session.Scan.Points.FirstOrDefault(p => p.Kind == "cooling")?.Lr;
        foreach (string kind in options.Kinds)
        {
            double? branch = start;
            string? stopped = null;
            foreach (double d in durations)
            {
                string spec = Spec(kind, d);
                progress?.Report((done, total, spec));
                if (stopped is not null)
                {
                    entries.Add(new DynamicMpembaEntry(kind, d, null, null, stopped));
                    done++;
                    continue;
                }
                var shape = ScheduleCatalog.Parse(spec);
                var result = search.Find(shape, cancellation);
                if (coarseSearch is not null) result = WithGridErrors(result, shape, coarseSearch, cancellation);
                var point = branch is { } b ? result.Nearest(b) : result.Points.FirstOrDefault(p => p.Kind == "cooling");
                if (point is not null) branch = point.Lr;
                else if (d > 0 && options.StopWhenNone)
                    stopped = $"not searched: no plateau in the range cancels the slow mode at {Spec(kind, d)} already";
                entries.Add(new DynamicMpembaEntry(kind, d, result, point, null));
                done++;
                checkpoint?.Invoke(Map(complete: false));
            }
        }
        progress?.Report((done, total, "done"));
        return Map(complete: true);
    }

    private static EvolutionSession CoarseSession(EvolutionSession session, IProgress<(int, int, string)>? progress, int total)
    {
        var scenario = session.Scenario;
        var g = scenario.Problem.Grid;
        double r = MpembaStudyOptions.RefinementRatio;
        int? nx = scenario.IsOneDimensional ? null : Math.Max(2, (int)Math.Round(g.Nx / r));
        int ny = Math.Max(2, (int)Math.Round(g.Ny / r));
        progress?.Report((0, total, $"grid study: session on {(nx is null ? $"{ny}" : $"{nx}×{ny}")}"));
        return EvolutionSession.Create(scenario.WithGrid(nx, ny), session.Options);
    }

    /// <summary>Each point's grid convergence index from its root followed onto the coarser grid.</summary>
    private static DynamicMpembaResult WithGridErrors(DynamicMpembaResult result, IScheduleShape shape, DynamicMpembaSearch coarse, CancellationToken cancellation)
    {
        int runs = 0;
        var points = result.Points.Select(p =>
        {
            var (moved, n) = coarse.Follow(shape, p.Lr, p.Slope, cancellation);
            runs += n;
            return p with { GridError = GridConvergence.GridConvergenceIndex.Error(p.Lr, moved) };
        }).ToArray();
        return result with { Points = points, Runs = result.Runs + runs };
    }
}
