using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.Spectral.Relaxation;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// Times the time stepper on the learning-rate decay run of the SciPy peer
/// (<c>evolve_ref.py CASE N</c>): the SQRA generator of a <see cref="BenchmarkCase"/> on N × N cells,
/// started at the equilibrium of T_h, T decayed linearly to the case's temperature T_c over [0, D]
/// and held to t_end (κ = 1, so η = T); excess loss and L1 distance to π_c at the peer's checkpoints.
/// </summary>
/// <remarks>
/// Peak memory is the process-wide high-water mark (<see cref="Process.PeakWorkingSet64"/>, Linux
/// <c>VmHWM</c>, what <c>ru_maxrss</c> reports to the peer), so a clean figure needs one process per
/// size; the caller arranges that.
/// </remarks>
public static class EvolveBenchmark
{
    /// <summary>T_h, the temperature of the starting equilibrium (the peer's <c>--th</c> default).</summary>
    public const double DefaultHotTemperature = 1.0;

    /// <summary>D, the length of the linear decay (the peer's <c>--decay</c> default).</summary>
    public const double DefaultDecayTime = 10.0;

    /// <summary>t_end (the peer's <c>--tend</c> default).</summary>
    public const double DefaultEndTime = 50.0;

    /// <summary>Relative tolerance of the tight reference run.</summary>
    public const double ReferenceRelativeTolerance = 1e-8;

    /// <summary>Absolute tolerance (units of the total mass) of the tight reference run.</summary>
    public const double ReferenceAbsoluteTolerance = 1e-13;

    /// <summary>Grid size of the untimed warm-up run that JIT-compiles every code path first.</summary>
    public const int WarmupCells = 32;

    private const double BytesPerMiB = 1024.0 * 1024.0;

    /// <summary>The peer's checkpoints: D/2, D, (D + t_end)/2, t_end.</summary>
    public static double[] Checkpoints(double decayTime, double endTime) => [decayTime / 2, decayTime, (decayTime + endTime) / 2, endTime];

    /// <summary>Runs the benchmark at N × N cells.</summary>
    /// <param name="benchmarkCase">The problem (its temperature is T_c).</param>
    /// <param name="cellsPerAxis">N.</param>
    /// <param name="relativeTolerance">Relative tolerance per cell.</param>
    /// <param name="absoluteTolerance">Absolute tolerance in units of the total mass.</param>
    /// <param name="warmup">Run the whole benchmark untimed at <see cref="WarmupCells"/>² first.</param>
    /// <param name="reference">Afterwards, integrate again at <see cref="ReferenceRelativeTolerance"/> and <see cref="ReferenceAbsoluteTolerance"/>.</param>
    /// <param name="hotTemperature">T_h.</param>
    /// <param name="decayTime">D.</param>
    /// <param name="endTime">t_end (&gt; D).</param>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 2, or temperatures or times out of range.</exception>
    public static EvolveBenchmarkResult Run(BenchmarkCase benchmarkCase, int cellsPerAxis, double relativeTolerance, double absoluteTolerance,
        bool warmup = true, bool reference = false, double hotTemperature = DefaultHotTemperature, double decayTime = DefaultDecayTime, double endTime = DefaultEndTime)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsPerAxis, 2);
        if (!(hotTemperature > 0) || !double.IsFinite(hotTemperature)) throw new ArgumentOutOfRangeException(nameof(hotTemperature), hotTemperature, "T_h must be positive and finite.");
        if (!(decayTime > 0) || !double.IsFinite(decayTime)) throw new ArgumentOutOfRangeException(nameof(decayTime), decayTime, "The decay time must be positive and finite.");
        if (!(endTime > decayTime) || !double.IsFinite(endTime)) throw new ArgumentOutOfRangeException(nameof(endTime), endTime, "The end time must be finite and exceed the decay time.");
        var options = new IntegratorOptions { RelativeTolerance = relativeTolerance, AbsoluteTolerance = absoluteTolerance };
        options.Validate();
        string spec = "linear:" + decayTime.ToString("R", CultureInfo.InvariantCulture);
        var schedule = ScheduleCatalog.Parse(spec).Bind(hotTemperature, benchmarkCase.Temperature);
        var times = Checkpoints(decayTime, endTime);
        if (warmup) Measure(benchmarkCase, WarmupCells, schedule, options, endTime, times);
        GC.Collect();
        GC.WaitForPendingFinalizers();

        using var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var run = Measure(benchmarkCase, cellsPerAxis, schedule, options, endTime, times);
        double total = sw.Elapsed.TotalSeconds;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        double peak = process.PeakWorkingSet64 / BytesPerMiB;
        var s = run.Statistics;

        EvolveBenchmarkReference? tight = null;
        if (reference)
        {
            var tightOptions = options with { RelativeTolerance = ReferenceRelativeTolerance, AbsoluteTolerance = ReferenceAbsoluteTolerance };
            var r = Measure(benchmarkCase, cellsPerAxis, schedule, tightOptions, endTime, times);
            tight = new EvolveBenchmarkReference(ReferenceRelativeTolerance, ReferenceAbsoluteTolerance, r.SetupSeconds + r.Statistics.Seconds, r.Statistics.Status.ToString(),
                r.Statistics.AcceptedSteps + r.Statistics.RejectedSteps, r.Statistics.Factorizations, r.Observer.Excess.ToArray(), r.Observer.L1.ToArray());
        }

        return new EvolveBenchmarkResult(benchmarkCase.Name, cellsPerAxis, cellsPerAxis * cellsPerAxis, hotTemperature, benchmarkCase.Temperature, decayTime, endTime, spec,
            relativeTolerance, absoluteTolerance, run.SetupSeconds, total - run.SetupSeconds, total, cpu, peak,
            s.Status.ToString(), s.AcceptedSteps, s.RejectedSteps, s.Factorizations, s.Solves, s.Sweeps, s.Assemblies, s.Products,
            run.FactorizationSeconds, run.SolveSeconds, s.TailStart, s.TailDimension, run.MassError, s.MostNegativeMass,
            times, run.Observer.Excess.ToArray(), run.Observer.L1.ToArray(), warmup ? WarmupCells : 0, tight);
    }

    /// <summary>Per entry <c>|a − b| / |b|</c> (b the yardstick; NaN where b is 0 or a length is short).</summary>
    public static double[] RelativeDifferences(IReadOnlyList<double> values, IReadOnlyList<double> yardstick)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(yardstick);
        var d = new double[Math.Max(values.Count, yardstick.Count)];
        for (int i = 0; i < d.Length; i++)
            d[i] = i < values.Count && i < yardstick.Count && yardstick[i] != 0 ? Math.Abs(values[i] - yardstick[i]) / Math.Abs(yardstick[i]) : double.NaN;
        return d;
    }

    /// <summary>One integration: setup (sampling, family, symbolic analysis, equilibria) and the run.</summary>
    private static Measurement Measure(BenchmarkCase bc, int n, ILearningRateSchedule schedule, IntegratorOptions options, double endTime, double[] times)
    {
        var sw = Stopwatch.StartNew();
        var grid = bc.CreateGrid(n);
        // the ordering depends on the grid only: it runs beside the sampling
        var analysis = RelaxationSpectrumSolver.AnalyzeGridAsync(grid);
        var family = new GeneratorFamily(DiscreteLandscape.Sample(grid, bc.Landscape), new SquareRootApproximationFlux());
        var initial = Equilibrium(family, schedule.InitialLr);
        var cold = Equilibrium(family, schedule.FinalLr);
        var observer = new CheckpointObserver(family.Landscape.CentreValues.ToArray(), cold);
        var symbolic = analysis.GetAwaiter().GetResult();
        double setup = sw.Elapsed.TotalSeconds;
        using var integrator = new TimeIntegrator(family, symbolic, options);
        var stats = integrator.Run(schedule, kappa: 1.0, initial, endTime, times, [observer]);
        double mass = 0;
        foreach (double m in integrator.FinalMasses) mass += m;
        return new Measurement(setup, stats, observer, integrator.Solver.FactorizationTime.TotalSeconds, integrator.Solver.SolveTime.TotalSeconds, Math.Abs(mass - 1));
    }

    /// <summary>The normalized equilibrium masses at temperature T.</summary>
    private static double[] Equilibrium(GeneratorFamily family, double temperature)
    {
        var log = family.OperatorAt(temperature).LogEquilibrium;
        var p = new double[log.Length];
        for (int i = 0; i < p.Length; i++) p[i] = Math.Exp(log[i]);
        return p;
    }

    private sealed record Measurement(double SetupSeconds, IntegrationStatistics Statistics, CheckpointObserver Observer,
        double FactorizationSeconds, double SolveSeconds, double MassError);

    /// <summary>Excess loss <c>Σ m U − Σ π_c U</c> and <c>Σ |m − π_c|</c> at each output time.</summary>
    private sealed class CheckpointObserver : IStepObserver
    {
        private readonly double[] _u;
        private readonly double[] _cold;
        private readonly double _coldLoss;

        public CheckpointObserver(double[] u, double[] cold)
        {
            _u = u; _cold = cold;
            for (int i = 0; i < u.Length; i++) _coldLoss += cold[i] * u[i];
        }

        public List<double> Excess { get; } = [];

        public List<double> L1 { get; } = [];

        public void Observe(double t, ReadOnlySpan<double> masses)
        {
            double loss = 0, l1 = 0;
            for (int i = 0; i < masses.Length; i++)
            {
                loss += masses[i] * _u[i];
                l1 += Math.Abs(masses[i] - _cold[i]);
            }
            Excess.Add(loss - _coldLoss);
            L1.Add(l1);
        }
    }
}
