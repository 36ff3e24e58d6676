using System.Diagnostics;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>
/// Dynamic strong Mpemba points (issue 19): for a schedule shape, the plateaus η_h* at which the
/// effective slowest amplitude at the end of the decay, <c>a_eff(η_h) = ⟨v_eff(η_c), p(t_settle)⟩</c>,
/// vanishes, so that after the schedule settles the run approaches π(η_c) at the next mode's rate.
/// </summary>
/// <remarks>
/// <para>The zeros are searched on <c>b(η_h) = a_eff(η_h)/(T_h − T_c)</c> as <see cref="MpembaScan"/>
/// does for the quench: a plateau at η_c stays at π(η_c), so a_eff has a trivial simple zero there,
/// which the division removes. A log-spaced scan over the scenario's plateau range (points within
/// <see cref="MpembaScan.TrivialNeighbourhood"/> of η_c left out, no bracket across η_c) brackets
/// the sign changes, and Brent's method (<see cref="BrentRootFinder"/>) refines each; every evaluation
/// is one time-stepper run to the settle time on the session's integrator (symbolic analysis and
/// factor storage reused). Guided (the default), the zeros of the adiabatic prediction, which costs
/// no run, are bracketed first (<see cref="AmplitudeRoots.Around"/>), and the scan of runs is made
/// only when none of them brackets a zero of the runs. For an instant drop (settle time 0) the amplitude is the quench's
/// Mpemba coefficient and the points are the session scan's own.</para>
/// <para>Error bar from the integrator: each root is moved by two secant steps on the amplitude measured
/// with rtol and atol divided by <see cref="DynamicMpembaOptions.TighterFactor"/>, starting from the
/// slope measured on the base runs (the shift is second-order accurate in its own size).</para>
/// </remarks>
public sealed class DynamicMpembaSearch : IDisposable
{
    /// <summary>Plateaus at least this far (relative) on each side of a root give the secant slope of a_eff there (closer ones carry the integrator's noise, ~10⁻⁶ relative, over a tiny interval).</summary>
    public const double SlopeSeparation = 1e-3;

    /// <summary>Relative tolerance of the adiabatic zeros: the prediction is smooth and noise-free, and costs no run.</summary>
    public const double AdiabaticRootTolerance = 1e-10;

    private readonly EvolutionSession _session;
    private readonly DynamicMpembaOptions _options;
    private TimeIntegrator? _tighter;
    private double[]? _grid;

    /// <summary>Creates the search on <paramref name="session"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public DynamicMpembaSearch(EvolutionSession session, DynamicMpembaOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        _options = options ?? new DynamicMpembaOptions();
        _options.Validate();
        _session = session;
    }

    /// <summary>The session.</summary>
    public EvolutionSession Session => _session;

    /// <summary>The options.</summary>
    public DynamicMpembaOptions Options => _options;

    /// <summary>The scan's plateau LRs: <paramref name="points"/> log-spaced over [min, max], those within <see cref="MpembaScan.TrivialNeighbourhood"/> of η_c left out.</summary>
    public static double[] ScanGrid(double min, double max, int points, double finalLr)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        return [.. Enumerable.Range(0, points).Select(i => i == points - 1 ? max : min * Math.Pow(max / min, (double)i / (points - 1)))
            .Where(lr => Math.Abs(lr - finalLr) > MpembaScan.TrivialNeighbourhood * finalLr)];
    }

    /// <summary>Finds the dynamic strong Mpemba points of <paramref name="shape"/> (bound from each plateau to the session's final LR).</summary>
    /// <exception cref="ArgumentException">The shape never settles or fixes its own LRs.</exception>
    /// <exception cref="Scenarios.ScenarioException">The domain truncates the equilibria of all but one scan plateau.</exception>
    /// <exception cref="Spectral.ConvergenceException">A run stopped short of its settle time.</exception>
    public DynamicMpembaResult Find(IScheduleShape shape, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var clock = Stopwatch.StartNew();
        var amplitudes = new SettledAmplitudes(_session, shape);
        var scenario = _session.Scenario;
        if (amplitudes.Bind(scenario.Mpemba.Plateau.Max).SettleTime == 0) return Quench(shape, amplitudes, clock);
        var grid = _grid ??= HeldByDomain(ScanGrid(scenario.Mpemba.Plateau.Min, scenario.Mpemba.Plateau.Max, _options.ScanPoints, scenario.FinalLr));
        int eff = Effective;
        double Measured(double lr) => Reduce(amplitudes.Measured(lr, cancellation)[eff], lr);
        double Predicted(double lr) => Reduce(amplitudes.Adiabatic(lr)[eff], lr);
        double[] adiabaticValues = _options.Adiabatic ? [.. grid.Select(Predicted)] : [];
        IReadOnlyList<double> adiabatic = _options.Adiabatic ? AmplitudeRoots.OnScan(Predicted, grid, adiabaticValues, scenario.FinalLr, AdiabaticRootTolerance) : [];
        var roots = _options.Guided
            ? adiabatic.Select(g => AmplitudeRoots.Around(Measured, g, grid[0], grid[^1], scenario.FinalLr, _options.RootTolerance)).OfType<double>().Distinct().Order().ToList()
            : [];
        bool fullScan = roots.Count == 0;
        if (fullScan) roots = AmplitudeRoots.OnScan(Measured, grid, [.. grid.Select(Measured)], scenario.FinalLr, _options.RootTolerance);
        var tight = _options.ToleranceStudy ? new SettledAmplitudes(_session, shape, Tighter()) : null;
        var points = roots.Select(r =>
        {
            double slope = Slope(amplitudes, r);
            double toleranceError = tight is null ? double.NaN : Math.Abs(AmplitudeRoots.Polish(l => tight.Measured(l, cancellation)[eff], r, slope) - r);
            return Point(r, amplitudes.Measured(r, cancellation), slope, Nearest(adiabatic, r), toleranceError);
        }).ToArray();
        var measured = amplitudes.MeasuredPlateaus.Order().ToArray();
        return new DynamicMpembaResult(shape.Spec, shape.Kind, amplitudes.Bind(grid[0]).SettleTime, points, adiabatic, grid, adiabaticValues,
            fullScan, measured, [.. measured.Select(Measured)], amplitudes.Runs + (tight?.Runs ?? 0), clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// The root near <paramref name="root"/> of the same shape on this search's session (two secant steps
    /// from <paramref name="slope"/>): a base-grid root moved to a coarser grid, for the grid study.
    /// For an instant drop, the session scan's point nearest <paramref name="root"/>.
    /// </summary>
    public (double Root, int Runs) Follow(IScheduleShape shape, double root, double slope, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var amplitudes = new SettledAmplitudes(_session, shape);
        if (amplitudes.Bind(root).SettleTime == 0)
        {
            var match = _session.Scan.Points.MinBy(p => Math.Abs(Math.Log(p.Lr / root)));
            return (match?.Lr ?? double.NaN, 0);
        }
        double moved = AmplitudeRoots.Polish(l => amplitudes.Measured(l, cancellation)[Effective], root, slope);
        return (moved, amplitudes.Runs);
    }

    /// <summary>Releases the tolerance study's integrator.</summary>
    public void Dispose() => _tighter?.Dispose();

    /// <summary>
    /// The scan's plateaus whose equilibria the domain holds (<see cref="EvolutionSession.CheckDomainHolds"/>):
    /// the wall mass grows with the temperature, so the hottest plateaus are dropped until one holds, and
    /// the scan covers the range up to there (<see cref="DynamicMpembaResult.Grid"/> shows it).
    /// </summary>
    private double[] HeldByDomain(double[] lrs)
    {
        int n = lrs.Length;
        Scenarios.ScenarioException? last = null;
        while (n > 0)
        {
            try
            {
                _session.CheckDomainHolds(lrs[n - 1], "plateau_lr");
                break;
            }
            catch (Scenarios.ScenarioException e) { last = e; n--; }
        }
        if (n < 2) throw last ?? new Scenarios.ScenarioException("plateau_lr", "the plateau range has fewer than two scan points away from the final LR.");
        return lrs[..n];
    }

    /// <summary>Index of the effective slowest mode in the amplitude arrays (a₂ at index 0).</summary>
    private int Effective => _session.Scan.EffectiveMode - 2;

    private int Next => _session.Scan.NextMode - 2;

    private double Reduce(double a, double lr) => a / (_session.Scenario.Kappa * lr - _session.Scenario.FinalTemperature);

    /// <summary>An instant drop: the quench's strong points, with their amplitudes (no runs).</summary>
    private DynamicMpembaResult Quench(IScheduleShape shape, SettledAmplitudes amplitudes, Stopwatch clock)
    {
        var scan = _session.Scan;
        var points = scan.Points.Select(p =>
        {
            var a = amplitudes.Measured(p.Lr);
            return new DynamicMpembaPoint(p.Lr, p.Temperature, p.Kind, Next >= 0 ? a[Next] : double.NaN, a[Effective], p.Slope, p.Gain, p.Lr, 0, double.NaN);
        }).ToArray();
        double[] lrs = [.. scan.Scan.Select(s => s.Lr)], values = [.. scan.Scan.Select(s => Reduce(s.EffectiveA2, s.Lr))];
        return new DynamicMpembaResult(shape.Spec, shape.Kind, 0, points, [.. points.Select(p => p.Lr)], lrs, values, FullScan: true, lrs, values, 0, clock.Elapsed.TotalSeconds);
    }

    private DynamicMpembaPoint Point(double root, double[] a, double slope, double adiabatic, double toleranceError)
    {
        var scan = _session.Scan;
        return new DynamicMpembaPoint(root, _session.Scenario.TemperatureOf(root), root > _session.Scenario.FinalLr ? "cooling" : "heating",
            Next >= 0 ? a[Next] : double.NaN, a[Effective], slope, scan.NextRate / scan.EffectiveRate, adiabatic, toleranceError, double.NaN);
    }

    /// <summary>d a_eff/dη at a root: the secant across it between measured plateaus at least <see cref="SlopeSeparation"/> away.</summary>
    private double Slope(SettledAmplitudes amplitudes, double root)
    {
        var below = amplitudes.NearestMeasured(root, SlopeSeparation, above: false);
        var above = amplitudes.NearestMeasured(root, SlopeSeparation, above: true);
        var (l0, a0) = below ?? (root, amplitudes.Measured(root));
        var (l1, a1) = above ?? (root, amplitudes.Measured(root));
        return l1 > l0 ? (a1[Effective] - a0[Effective]) / (l1 - l0) : double.NaN;
    }

    private static double Nearest(IReadOnlyList<double> roots, double lr)
        => roots.Count == 0 ? double.NaN : roots.MinBy(r => Math.Abs(Math.Log(r / lr)));

    /// <summary>The tolerance study's integrator (rtol and atol divided by the factor), created on first use.</summary>
    private TimeIntegrator Tighter()
    {
        if (_tighter is not null) return _tighter;
        var o = _session.Integrator.Options;
        var tight = o with { RelativeTolerance = o.RelativeTolerance / _options.TighterFactor, AbsoluteTolerance = o.AbsoluteTolerance / _options.TighterFactor };
        _tighter = new TimeIntegrator(_session.Family, TimeIntegrator.AnalyzeGrid(_session.Setup.Grid), tight);
        return _tighter;
    }
}
