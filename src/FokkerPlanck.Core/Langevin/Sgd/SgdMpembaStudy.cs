using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Spectral;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Langevin.Sgd;

/// <summary>Settings of <see cref="SgdMpembaStudy"/>.</summary>
public sealed record SgdMpembaOptions
{
    /// <summary>Particles per plateau.</summary>
    public int Particles { get; init; } = 200_000;

    /// <summary>Seed (the quench phase of every plateau shares one noise stream: common random numbers).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Threads (null: all cores).</summary>
    public int? Threads { get; init; }

    /// <summary>
    /// Burn-in at the plateau, in relaxation times <c>1/λ₂(η_h)</c> of the FP picture: the ensemble starts
    /// from the FP equilibrium and must reach SGD's own stationary state, whose slowest difference (the
    /// basin populations) decays at about λ₂; three times leaves e⁻³ ≈ 5 % of it.
    /// </summary>
    public double BurnInRelaxations { get; init; } = 3;

    /// <summary>
    /// Cap on the burn-in's steps: at low temperature 1/λ₂ grows like the barrier's Arrhenius factor and
    /// would take millions of steps; the relaxation times actually reached are reported with each point.
    /// </summary>
    public int MaxBurnInSteps { get; init; } = 200_000;

    /// <summary>
    /// The slow amplitude is read at <c>t* = FastModeTimes/λ₃(η_c)</c> after the quench, when the faster
    /// modes have decayed by e⁻⁵ ≈ 0.7 % of their start while the slow one keeps <c>e^{−λ₂t*}</c>.
    /// </summary>
    public double FastModeTimes { get; init; } = 5;

    /// <summary>The scheme (SGD; an SDE scheme at a small step is the control that must find the FP point).</summary>
    public LangevinMethod Method { get; init; } = LangevinMethod.Sgd;

    /// <summary>Time step of the SDE control (ignored by SGD).</summary>
    public double TimeStep { get; init; } = 1e-3;
}

/// <summary>One plateau of the study.</summary>
/// <param name="PlateauLr">η_h.</param>
/// <param name="Excess">⟨v₂⟩ at t* after the quench from η_h, minus the same after the "quench" from η_c (paired over particles sharing their noise).</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="FokkerPlanck">The FP value of the same quantity, <c>a₂(η_h) e^{−λ₂t*}</c>.</param>
/// <param name="Steps">Steps taken (burn-in and quench).</param>
public sealed record SgdMpembaPoint(double PlateauLr, double Excess, double StandardError, double FokkerPlanck, long Steps);

/// <summary>A zero of the slow amplitude between two plateaus.</summary>
/// <param name="Lr">The plateau LR of the zero (linear interpolation).</param>
/// <param name="Error">One standard error, from the two points' standard errors over the slope.</param>
public sealed record SgdStrongPoint(double Lr, double Error);

/// <summary>The study's result.</summary>
public sealed record SgdMpembaResult(double FinalLr, double Kappa, double MaxCurvature, double MeasureTime, LangevinMethod Method,
    IReadOnlyList<SgdMpembaPoint> Points, IReadOnlyList<SgdStrongPoint> StrongPoints, IReadOnlyList<double> FokkerPlanckStrongPoints)
{
    /// <summary><c>η_c·a_max</c>: how far from the continuous limit the final LR is.</summary>
    public double FinalLrTimesCurvature => FinalLr * MaxCurvature;
}

/// <summary>
/// The strong Mpemba point that an ensemble itself exhibits (issue: SGD's own optimal plateau): for each
/// plateau η_h the ensemble is brought to its own stationary state at η_h, quenched to η_c, and the slow
/// mode's amplitude is read at t*, when the faster modes have died, as <c>⟨v₂⟩(t*)</c> minus the same for
/// an ensemble stationary at η_c (both sharing the quench's noise, so the difference has a small error).
/// Where it changes sign the slow mode is absent: that plateau is the ensemble's strong Mpemba point.
/// </summary>
/// <remarks>v₂ is the FP left eigenvector at η_c; its overlap with SGD's own slow mode is ≈ 1, so the zero of
/// the projected amplitude is the zero of SGD's amplitude (the other modes have decayed by t*).</remarks>
public static class SgdMpembaStudy
{
    /// <summary>Key offset of the quench phase's noise (shared by every plateau; the burn-ins use the seed itself).</summary>
    private const ulong QuenchSeedOffset = 0x5DEECE66DUL;

    /// <summary>Runs the study on <paramref name="plateaus"/> (ascending).</summary>
    public static SgdMpembaResult Run(EvolutionSession session, IBlockGradient gradient, IReadOnlyList<double> plateaus, SgdMpembaOptions options,
        IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(plateaus);
        ArgumentNullException.ThrowIfNull(options);
        double finalLr = session.Scenario.FinalLr;
        double[] lambda = session.Spectrum.Eigenvalues;
        double measure = options.FastModeTimes / lambda[2];
        var v2 = session.Spectrum.LeftVectors[1];
        double[] lrs = [finalLr, .. plateaus];
        double quenchSteps = measure / SgdDepartureStudy.StepOf(finalLr, options);
        var work = new WorkProgress(progress, [.. lrs.Select(lr => SgdDepartureStudy.BurnInTime(session, lr, options) / SgdDepartureStudy.StepOf(lr, options) + quenchSteps)]);
        var reference = Quenched(session, gradient, finalLr, measure, options, work.Part(0), cancellation, out _);
        var points = new List<SgdMpembaPoint>();
        for (int k = 1; k < lrs.Length; k++)
        {
            double lr = lrs[k];
            var values = Quenched(session, gradient, lr, measure, options, work.Part(k), cancellation, out long steps);
            for (int p = 0; p < values.Length; p++) values[p] -= reference[p];
            var (mean, error, _) = MeanEstimate.Of(values);
            double fp = VectorOps.Dot(v2, session.Equilibrium(lr)) * Math.Exp(-lambda[1] * measure);
            points.Add(new SgdMpembaPoint(lr, mean, error, fp, steps));
        }
        double curvature = CurvatureBound.Maximum(session.Setup.Sampled);
        return new SgdMpembaResult(finalLr, session.Scenario.Kappa, curvature, measure, options.Method, points, Zeros(points),
            [.. session.Scan.Points.Select(p => p.Lr)]);
    }

    /// <summary>v₂ at every particle's cell at t* after burn-in at <paramref name="lr"/> and the quench to η_c.</summary>
    private static double[] Quenched(EvolutionSession session, IBlockGradient gradient, double lr, double measure, SgdMpembaOptions options,
        IProgress<double>? progress, CancellationToken cancellation, out long steps)
    {
        double burnSteps = SgdDepartureStudy.BurnInTime(session, lr, options) / SgdDepartureStudy.StepOf(lr, options);
        double quenchSteps = measure / SgdDepartureStudy.StepOf(session.Scenario.FinalLr, options);
        var grid = session.Setup.Grid;
        var walls = EnsembleRun.WallsOf(grid);
        var quench = ScheduleCatalog.Parse("constant");
        var (state, _) = SgdDepartureStudy.Stationary(session, gradient, lr, options, cancellation,
            progress is null ? null : new WorkProgress(progress, [burnSteps, quenchSteps]).Part(0));
        steps = state.NextStep;
        state.Time = 0;
        state.NextStep = 0;
        var quenchRun = new EnsembleRun(gradient, walls, new EnsembleOptions { Particles = options.Particles, Seed = options.Seed + QuenchSeedOffset, Threads = options.Threads, Method = options.Method });
        var final = new StepPlanner(quench.Bind(lr, session.Scenario.FinalLr), session.Scenario.Kappa, options.Method, options.TimeStep);
        var values = new double[options.Particles];
        quenchRun.Run(state, final, final.LandingTimes([measure]), s => ParticleReductions.Sample(grid, session.Spectrum.LeftVectors[1], s.State, values),
            progress is null ? null : new WorkProgress(progress, [burnSteps, quenchSteps]).Part(1), cancellation);
        steps += state.NextStep;
        return values;
    }

    /// <summary>Sign changes of the excess between neighbouring plateaus, interpolated linearly, with the error of the zero.</summary>
    private static List<SgdStrongPoint> Zeros(List<SgdMpembaPoint> points)
    {
        var zeros = new List<SgdStrongPoint>();
        for (int k = 1; k < points.Count; k++)
        {
            var (a, b) = (points[k - 1], points[k]);
            if (Math.Sign(a.Excess) == Math.Sign(b.Excess) || a.Excess == 0) continue;
            double slope = (b.Excess - a.Excess) / (b.PlateauLr - a.PlateauLr);
            double lr = a.PlateauLr - a.Excess / slope;
            double w = (lr - a.PlateauLr) / (b.PlateauLr - a.PlateauLr);
            double error = Math.Sqrt(Math.Pow((1 - w) * a.StandardError, 2) + Math.Pow(w * b.StandardError, 2)) / Math.Abs(slope);
            zeros.Add(new SgdStrongPoint(lr, error));
        }
        return zeros;
    }
}
