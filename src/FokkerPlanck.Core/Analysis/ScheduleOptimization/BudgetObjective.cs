using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.ScheduleOptimization;

/// <summary>
/// The optimizer's objective: the final excess loss of a budgeted schedule, one time-stepper run on the
/// session's integrator (symbolic analysis and factor storage shared by every run), cached by
/// (kind, η_h, f) so the grid, the local searches and the recipes never run the same schedule twice.
/// </summary>
public sealed class BudgetObjective
{
    /// <summary>Digits to which η_h and f are rounded for the cache key (far below the searches' resolution, above round-off).</summary>
    private const string KeyFormat = "G12";

    private readonly EvolutionSession _session;
    private readonly ScheduleOptimizerOptions _options;
    private readonly double[] _initial;
    private readonly double _finalExpectation;
    private readonly Dictionary<string, ScheduleEvaluation> _cache = [];
    private readonly List<ScheduleEvaluation> _evaluations = [];

    /// <summary>Creates the objective from <paramref name="initialMasses"/> (normalized cell masses on the session's grid).</summary>
    /// <exception cref="ArgumentException">The initial state has the wrong size.</exception>
    public BudgetObjective(EvolutionSession session, ScheduleOptimizerOptions options, double[] initialMasses)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(initialMasses);
        if (initialMasses.Length != session.Family.Size)
            throw new ArgumentException($"the initial density has {initialMasses.Length} cells, the grid {session.Family.Size}.", nameof(initialMasses));
        _session = session;
        _options = options;
        _initial = initialMasses;
        _finalExpectation = session.FinalLossExpectation;
        InitialExcess = Excess(initialMasses);
    }

    /// <summary>Every evaluation run so far, in order.</summary>
    public IReadOnlyList<ScheduleEvaluation> Evaluations => _evaluations;

    /// <summary>Requests so far, cache hits included (the progress counter).</summary>
    public int Requests { get; private set; }

    /// <summary>The excess loss of the start state.</summary>
    public double InitialExcess { get; }

    /// <summary>The evaluation of <paramref name="kind"/> at (η_h, f): from the cache, else one run to the end of the budget.</summary>
    /// <exception cref="OperationCanceledException">Cancelled.</exception>
    public ScheduleEvaluation Evaluate(string kind, double plateauLr, double fraction, EvaluationSource source, CancellationToken cancellation = default)
    {
        Requests++;
        plateauLr = Canonical(plateauLr);
        fraction = Canonical(fraction);
        string key = string.Create(CultureInfo.InvariantCulture, $"{kind}|{plateauLr:R}|{fraction:R}");
        if (_cache.TryGetValue(key, out var cached)) return cached;
        var clock = Stopwatch.StartNew();
        var schedule = BudgetSchedules.Bind(kind, plateauLr, _session.Scenario.FinalLr, fraction, _options.BudgetSteps, _options.WarmupSteps);
        int n = _options.OutputPoints;
        double[] steps = [.. Enumerable.Range(0, n + 1).Select(i => (double)_options.BudgetSteps * i / n)];
        double[] times = [.. steps.Select(s => schedule.TimeAtSteps(s))];
        var observer = new ExcessObserver(this);
        _session.Integrator.Run(schedule, _session.Scenario.Kappa, _initial, times[^1], times, [observer], null, cancellation);
        double[] excess = [.. observer.Values];
        var curve = new EvaluationCurve(steps, [.. times.Select(t => schedule.LearningRate(t))], excess);
        double toTolerance = FirstPassage.Time(steps, excess, _options.Tolerance);
        var e = new ScheduleEvaluation(_evaluations.Count, kind, plateauLr, fraction, schedule.Spec, excess[^1], toTolerance, source, clock.Elapsed.TotalSeconds, curve);
        _cache[key] = e;
        _evaluations.Add(e);
        return e;
    }

    /// <summary>η_h or f as the cache keys and the records hold it (rounded to 12 digits).</summary>
    internal static double Canonical(double v) => double.Parse(v.ToString(KeyFormat, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>E_p[L] − E_{π(η_c)}[L] for cell masses p.</summary>
    private double Excess(ReadOnlySpan<double> masses)
    {
        var loss = _session.LossAtCentres;
        double e = 0;
        for (int k = 0; k < masses.Length; k++) e += masses[k] * loss[k];
        return e - _finalExpectation;
    }

    /// <summary>Records the excess loss at each output time.</summary>
    private sealed class ExcessObserver(BudgetObjective owner) : IStepObserver
    {
        public List<double> Values { get; } = [];

        public void Observe(double t, ReadOnlySpan<double> masses) => Values.Add(owner.Excess(masses));
    }
}
