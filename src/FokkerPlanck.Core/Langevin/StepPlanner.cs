using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// Turns a learning-rate schedule into the steps an ensemble takes (one implementation of the
/// schedules for the Fokker–Planck stepper and the particles):
/// <list type="bullet">
/// <item>the SDE schemes (<see cref="LangevinMethod.EulerMaruyama"/>, <see cref="LangevinMethod.LeimkuhlerMatthews"/>)
/// take uniform steps of at most the time step between consecutive output times and breakpoints (so they
/// land on both exactly), at the temperature <c>κη</c> of the step's midpoint;</item>
/// <item>SGD takes steps of the learning rate itself, <c>t ← t + η(t)</c> at <c>T = κη(t)</c>: it lands on
/// the first step at or after each requested time (<see cref="LandingTimes"/>), which is where it is
/// compared with the Fokker–Planck solution.</item>
/// </list>
/// </summary>
public sealed class StepPlanner
{
    /// <summary>Steps per plan at most: bounds the plan's memory and sets how often progress and cancellation are seen.</summary>
    public const int MaxPlanSteps = 1 << 14;

    /// <summary>Relative slack when deciding that a time has been reached (rounding of sums of steps).</summary>
    private const double TimeSlack = 1e-12;

    private readonly ILearningRateSchedule _schedule;
    private readonly double _kappa;
    private readonly double _timeStep;

    /// <summary>Creates the planner.</summary>
    /// <param name="schedule">η(t).</param>
    /// <param name="kappa">κ in T = κη.</param>
    /// <param name="method">The scheme (SGD steps with η; the others with <paramref name="timeStep"/>).</param>
    /// <param name="timeStep">Largest time step of the SDE schemes (ignored for SGD).</param>
    public StepPlanner(ILearningRateSchedule schedule, double kappa, LangevinMethod method, double timeStep)
    {
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        if (!(kappa > 0) || !double.IsFinite(kappa)) throw new ArgumentOutOfRangeException(nameof(kappa), kappa, "κ must be positive and finite.");
        if (method != LangevinMethod.Sgd && (!(timeStep > 0) || !double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "the time step must be positive and finite.");
        _kappa = kappa;
        Method = method;
        _timeStep = timeStep;
    }

    /// <summary>The scheme.</summary>
    public LangevinMethod Method { get; }

    /// <summary>
    /// The times the ensemble will be at when asked for <paramref name="targets"/> (ascending, ≥ 0): the
    /// targets themselves for the SDE schemes; for SGD the time of the first step at or after each.
    /// </summary>
    public double[] LandingTimes(IReadOnlyList<double> targets)
    {
        ArgumentNullException.ThrowIfNull(targets);
        if (Method != LangevinMethod.Sgd) return [.. targets];
        var landed = new double[targets.Count];
        double t = 0;
        for (int k = 0; k < targets.Count; k++)
        {
            while (!Reached(t, targets[k])) t += _schedule.LearningRate(t);
            landed[k] = t;
        }
        return landed;
    }

    /// <summary>
    /// The plans from <paramref name="fromTime"/> (global step <paramref name="fromStep"/>) to
    /// <paramref name="toTime"/> (a landing time), each with the time reached at its end.
    /// </summary>
    public IEnumerable<(StepPlan Plan, double EndTime)> Plans(double fromTime, long fromStep, double toTime)
        => Method == LangevinMethod.Sgd ? SgdPlans(fromTime, fromStep, toTime) : SdePlans(fromTime, fromStep, toTime);

    private IEnumerable<(StepPlan, double)> SgdPlans(double t, long step, double toTime)
    {
        var sizes = new List<double>(MaxPlanSteps);
        while (!Reached(t, toTime))
        {
            double eta = _schedule.LearningRate(t);
            sizes.Add(eta);
            t += eta;
            if (sizes.Count == MaxPlanSteps || Reached(t, toTime))
            {
                var plan = new StepPlan(step, [.. sizes], [.. sizes.Select(e => _kappa * e)]);
                step += sizes.Count;
                sizes.Clear();
                yield return (plan, t);
            }
        }
    }

    private IEnumerable<(StepPlan, double)> SdePlans(double t, long step, double toTime)
    {
        var sizes = new List<double>(MaxPlanSteps);
        var temperatures = new List<double>(MaxPlanSteps);
        foreach (var (a, b) in Pieces(t, toTime))
        {
            int segment = _schedule.SegmentAt(a);
            int m = Math.Max(1, (int)Math.Ceiling((b - a) / _timeStep * (1 - TimeSlack)));
            double h = (b - a) / m;
            for (int n = 0; n < m; n++)
            {
                sizes.Add(h);
                temperatures.Add(_kappa * _schedule.LearningRate(a + (n + 0.5) * h, segment));
                bool last = n == m - 1;
                if (sizes.Count == MaxPlanSteps || last && b == toTime)
                {
                    var plan = new StepPlan(step, [.. sizes], [.. temperatures]);
                    step += sizes.Count;
                    sizes.Clear(); temperatures.Clear();
                    yield return (plan, last ? b : a + (n + 1) * h);
                }
            }
        }
    }

    /// <summary>[from, to] cut at the schedule's breakpoints inside it.</summary>
    private IEnumerable<(double, double)> Pieces(double from, double to)
    {
        double a = from;
        foreach (double b in _schedule.Breakpoints)
        {
            if (b <= a || b >= to) continue;
            yield return (a, b);
            a = b;
        }
        if (to > a) yield return (a, to);
    }

    private static bool Reached(double t, double target) => t >= target - TimeSlack * Math.Max(1.0, Math.Abs(target));
}
