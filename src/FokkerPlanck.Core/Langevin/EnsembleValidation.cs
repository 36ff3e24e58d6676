using System.Diagnostics;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Langevin.Comparison;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Langevin;

/// <summary>The ensemble against the Fokker–Planck solution at one comparison time.</summary>
/// <param name="Requested">The time asked for.</param>
/// <param name="Time">The time compared at (SGD lands on the first step at or after the request).</param>
/// <param name="Step">Ensemble steps taken.</param>
/// <param name="ScheduleSteps">The schedule's SGD-step clock at that time, <c>∫dt/η</c>.</param>
/// <param name="LearningRate">η at that time.</param>
/// <param name="Comparison">Histograms, excess loss and amplitudes with their tests and the Holm-corrected verdict.</param>
public sealed record ValidationTime(double Requested, double Time, long Step, double ScheduleSteps, double LearningRate, ParticleComparison Comparison);

/// <summary>Where an ensemble and its FP reference start, other than the equilibrium at the schedule's initial LR.</summary>
/// <param name="Masses">A density as cell masses (particles drawn exactly from it), or null.</param>
/// <param name="Point">All particles at one point (the FP reference starts with the mass in that point's cell), or null.</param>
public sealed record EnsembleStart(double[]? Masses, (double X, double Y)? Point);

/// <summary>The excess loss along the run (particles against FP), for the loss curves.</summary>
/// <param name="Time">Time.</param>
/// <param name="Particles">The particles' mean excess loss with its standard error.</param>
/// <param name="FokkerPlanck">The FP excess loss at the same time.</param>
public sealed record LossPoint(double Time, MeanEstimate Particles, double FokkerPlanck);

/// <summary>What an ensemble validation produced so far (filled as the run goes).</summary>
public sealed class EnsembleValidationResult
{
    /// <summary>The comparison times done.</summary>
    public List<ValidationTime> Times { get; } = [];

    /// <summary>The loss curve.</summary>
    public List<LossPoint> Loss { get; } = [];

    /// <summary>Particle-steps taken.</summary>
    public long ParticleSteps { get; set; }

    /// <summary>Seconds spent advancing the particles (reductions and comparisons excluded).</summary>
    public double PropagationSeconds { get; set; }

    /// <summary>Particle-steps per second of the propagation.</summary>
    public double Throughput => PropagationSeconds > 0 ? ParticleSteps / PropagationSeconds : double.NaN;

    /// <summary>The SDE time step used (NaN for SGD, whose step is η).</summary>
    public double TimeStep { get; set; } = double.NaN;

    /// <summary>Stiffest curvature a_max of the landscape (h·a_max, η·a_max).</summary>
    public double MaxCurvature { get; set; }

    /// <summary>The particles' cell counts at the last comparison time reached, with the FP cell masses there (the 2D picture; O(cells) memory).</summary>
    public (double Time, long[] Counts, double[] Masses)? Histogram { get; set; }

    /// <summary>True when every comparison time was reached.</summary>
    public bool Complete { get; set; }
}

/// <summary>
/// Runs an ensemble through a schedule from the FP equilibrium at the schedule's initial LR (sampled
/// exactly from the cell masses) and compares it with the Fokker–Planck solution at chosen times:
/// marginals (G-tests), excess loss (z-test, interval) and the slow mode amplitudes (z-tests), with a
/// Holm-corrected verdict per time; the excess loss is also followed on a finer set of times.
/// </summary>
public sealed class EnsembleValidation
{
    /// <summary>Times of the loss curve besides the comparison times (log-spaced): enough for a smooth curve on a log axis.</summary>
    public const int LossCurvePoints = 24;

    /// <summary>The loss curve starts at this fraction of the last comparison time.</summary>
    private const double FirstLossFraction = 1e-3;

    private readonly EvolutionSession _session;
    private readonly IBlockGradient _gradient;
    private readonly EnsembleOptions _options;
    private readonly double _level;

    /// <summary>Creates the validation.</summary>
    public EnsembleValidation(EvolutionSession session, IBlockGradient gradient, EnsembleOptions options, double level = Significance.DefaultLevel)
    {
        _session = session ?? throw new ArgumentNullException(nameof(session));
        _gradient = gradient ?? throw new ArgumentNullException(nameof(gradient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        options.Validate();
        Significance.CheckLevel(level);
        _level = level;
        MaxCurvature = CurvatureBound.Maximum(session.Setup.Sampled);
    }

    /// <summary>a_max of the landscape.</summary>
    public double MaxCurvature { get; }

    /// <summary>The SDE step: the option's, else <see cref="EnsembleOptions.DefaultStiffnessProduct"/>/a_max.</summary>
    public double TimeStep => _options.TimeStep ?? EnsembleOptions.DefaultStiffnessProduct / MaxCurvature;

    /// <summary>Default comparison times after the schedule settles, in units of 1/λ_next (the fast modes dying) and 1/λ_eff (the slow mode under way).</summary>
    private static readonly (double Value, bool Slow)[] DefaultTimeUnits = [(0.5, false), (3, false), (0.25, true)];

    /// <summary>
    /// The default comparison times: after the schedule's last breakpoint, 0.5/λ₃ and 3/λ₃ (the fast modes
    /// half gone and gone: the strong Mpemba point shows there) and 0.25/λ₂ (the slow mode under way).
    /// </summary>
    public static double[] DefaultTimes(EvolutionSession session, ILearningRateSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(schedule);
        double settle = schedule.Breakpoints.Count > 0 ? schedule.Breakpoints[^1] : 0;
        double fast = session.Scan.NextMode > 0 ? session.Scan.NextRate : session.Spectrum.Eigenvalues[^1], slow = session.Scan.EffectiveRate;
        return [.. DefaultTimeUnits.Select(d => settle + d.Value / (d.Slow ? slow : fast)).Distinct().Order()];
    }

    /// <summary>The planner of a schedule under these options.</summary>
    public StepPlanner Planner(ILearningRateSchedule schedule) => new(schedule, _session.Scenario.Kappa, _options.Method, TimeStep);

    /// <summary>
    /// Runs the validation at <paramref name="times"/> (ascending, &gt; 0). <paramref name="onTime"/> is called
    /// after each comparison time with the result so far and the particles (the caller writes its files and
    /// a checkpoint there); the FP stage and the particles report their progress separately.
    /// </summary>
    /// <param name="schedule">η(t).</param>
    /// <param name="times">Comparison times.</param>
    /// <param name="start">Where both start: null for the FP equilibrium at the schedule's initial LR, else a density (cell masses) or a point.</param>
    /// <param name="resume">A checkpoint of the same run to continue from (its particles and results), or null.</param>
    /// <param name="onTime">Called after each comparison time.</param>
    /// <param name="fokkerPlanckProgress">Progress of the FP reference (time reached / last time).</param>
    /// <param name="particleProgress">Progress of the particles.</param>
    /// <param name="cancellation">Stops the run between plans.</param>
    public EnsembleValidationResult Run(ILearningRateSchedule schedule, IReadOnlyList<double> times, EnsembleStart? start = null, EnsembleCheckpoint? resume = null,
        Action<EnsembleValidationResult, ParticleState>? onTime = null, IProgress<double>? fokkerPlanckProgress = null, IProgress<double>? particleProgress = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(times);
        var grid = _session.Setup.Grid;
        var initialMasses = start?.Masses ?? (start?.Point is { } point ? PointMass(grid, point) : null);
        var planner = Planner(schedule);
        var landing = planner.LandingTimes(times);
        var all = landing.Concat(planner.LandingTimes(CurveTimes(times))).Distinct().Order().ToArray();
        var densities = _session.DensitiesAt(schedule, all, initialMasses, fokkerPlanckProgress, cancellation);
        var state = resume?.State ?? (start?.Point is { } at ? InitialEnsemble.AtPoint(at.X, at.Y, _options.Particles)
            : InitialEnsemble.FromMasses(grid, initialMasses ?? _session.Equilibrium(schedule.InitialLr), _options.Particles, _options.Seed));
        var result = resume?.Result ?? new EnsembleValidationResult { MaxCurvature = MaxCurvature, TimeStep = _options.Method == LangevinMethod.Sgd ? double.NaN : TimeStep };
        int done = all.Count(t => t <= state.Time);
        var pass = new Pass(this, schedule, times, landing, [.. densities.Skip(done)], result);
        new EnsembleRun(_gradient, EnsembleRun.WallsOf(grid), _options).Run(state, planner, all[done..], snapshot =>
        {
            pass.Observe(snapshot);
            if (landing.Contains(snapshot.Time)) onTime?.Invoke(result, snapshot.State);
        }, particleProgress, cancellation);
        result.Complete = result.Times.Count == landing.Length;
        return result;
    }

    /// <summary>The reductions of one run at each stop: the loss curve, and at comparison times the tests.</summary>
    private sealed class Pass
    {
        private readonly ILearningRateSchedule _schedule;
        private readonly IReadOnlyList<double> _times;
        private readonly double[] _landing;
        private readonly IReadOnlyList<double[]> _densities;
        private readonly EnsembleValidationResult _result;
        private readonly ParticleDensityComparer _comparer;
        private readonly IGradientEvaluator _evaluator;
        private readonly double _equilibriumLoss;
        private readonly double _secondsBefore;
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private double _reducing;
        private double[] _loss = [];

        public Pass(EnsembleValidation owner, ILearningRateSchedule schedule, IReadOnlyList<double> times, double[] landing, IReadOnlyList<double[]> densities, EnsembleValidationResult result)
        {
            var session = owner._session;
            (_schedule, _times, _landing, _densities, _result) = (schedule, times, landing, densities, result);
            _equilibriumLoss = session.FinalLossExpectation;
            _comparer = new ParticleDensityComparer(session.Setup.Grid, session.Setup.Landscape, new ParticleComparerOptions
            {
                EquilibriumLoss = _equilibriumLoss,
                LeftVectors = session.Spectrum.LeftVectors[1..],
                Level = owner._level,
            });
            _evaluator = owner._gradient.CreateEvaluator();
            _secondsBefore = result.PropagationSeconds;
        }

        public void Observe(EnsembleSnapshot snapshot)
        {
            long start = Stopwatch.GetTimestamp();
            var state = snapshot.State;
            var p = _densities[snapshot.Index];
            if (_loss.Length != state.Count) _loss = new double[state.Count];
            LossCurve(_evaluator, state, _loss);
            double fp = 0;
            var centre = _comparer.CentreLoss;
            for (int k = 0; k < p.Length; k++) fp += p[k] * centre[k];
            var estimate = MeanEstimate.Of(_loss);
            _result.Loss.Add(new LossPoint(snapshot.Time, estimate with { Mean = estimate.Mean - _equilibriumLoss }, fp - _equilibriumLoss));
            int landed = Array.IndexOf(_landing, snapshot.Time);
            if (landed >= 0)
            {
                var comparison = _comparer.Compare(state.X, state.Y, p);
                _result.Times.Add(new ValidationTime(_times[landed], snapshot.Time, snapshot.Step, _schedule.Steps(snapshot.Time), _schedule.LearningRate(snapshot.Time), comparison));
                _result.Histogram = (snapshot.Time, CellCounts(_comparer.Grid, state), p);
            }
            _reducing += Stopwatch.GetElapsedTime(start).TotalSeconds;
            _result.ParticleSteps = snapshot.Step * (long)state.Count;
            _result.PropagationSeconds = _secondsBefore + _clock.Elapsed.TotalSeconds - _reducing;
        }
    }

    /// <summary>The FP start of particles at one point: all mass in the cell holding it (the cell's width is the FP's resolution of a point).</summary>
    private static double[] PointMass(Grids.TensorGrid grid, (double X, double Y) point)
    {
        var masses = new double[grid.CellCount];
        masses[ParticleReductions.CellOf(grid, point.X, point.Y)] = 1;
        return masses;
    }

    /// <summary>Particles per cell.</summary>
    private static long[] CellCounts(Grids.TensorGrid grid, ParticleState state)
    {
        var counts = new long[grid.CellCount];
        for (int p = 0; p < state.Count; p++) counts[ParticleReductions.CellOf(grid, state.X[p], state.Y[p])]++;
        return counts;
    }

    /// <summary>L at every particle, by blocks of the evaluator's size.</summary>
    private static void LossCurve(IGradientEvaluator evaluator, ParticleState state, double[] loss)
    {
        for (int first = 0; first < state.Count; first += BlockGradient.MaxBlock)
        {
            int n = Math.Min(BlockGradient.MaxBlock, state.Count - first);
            evaluator.Loss(state.X.AsSpan(first, n), state.Y.AsSpan(first, n), loss.AsSpan(first, n));
        }
    }

    /// <summary>Log-spaced times up to the last comparison time.</summary>
    private static double[] CurveTimes(IReadOnlyList<double> times)
    {
        if (times.Count == 0) return [];
        double end = times[^1], first = FirstLossFraction * end;
        return [.. Enumerable.Range(0, LossCurvePoints).Select(i => first * Math.Pow(end / first, i / (LossCurvePoints - 1.0)))];
    }
}
