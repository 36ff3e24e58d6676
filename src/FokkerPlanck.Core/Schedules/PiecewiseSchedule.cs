using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// A bound schedule: consecutive smooth phases, each one segment, the last of which runs to
/// <c>t = ∞</c> (the final LR held, or an asymptotic decay). Every shape binds to one.
/// </summary>
internal sealed class PiecewiseSchedule : ILearningRateSchedule
{
    /// <summary>
    /// How far (relative to the segment's end times, at least absolute 1e-9) a time may lie outside a
    /// segment in <see cref="LearningRate(double, int)"/> and still be read as its end: a stepper's time
    /// accumulated over ~10⁶ steps carries ~10⁶ ulps of round-off, well inside this.
    /// </summary>
    private const double SegmentSlack = 1e-9;

    private readonly SchedulePhase[] _phases;
    private readonly double[] _startTimes;
    private readonly double[] _startSteps;

    /// <summary>Assembles the phases; zero-length ones are dropped and the final LR is held after the last finite one.</summary>
    public PiecewiseSchedule(string spec, string description, double initialLr, double plateauLr, double finalLr, IEnumerable<SchedulePhase> phases)
    {
        Spec = spec;
        Description = description;
        InitialLr = initialLr;
        PlateauLr = plateauLr;
        FinalLr = finalLr;
        var kept = phases.Where(p => p.TimeLength > 0).ToList();
        if (kept.Count == 0 || !kept[^1].Profile.IsAsymptotic)
            kept.Add(new SchedulePhase(new ConstantProfile(finalLr, isAsymptotic: true), 1, inSteps: false));
        _phases = [.. kept];
        _startTimes = new double[_phases.Length];
        _startSteps = new double[_phases.Length];
        for (int i = 1; i < _phases.Length; i++)
        {
            _startTimes[i] = _startTimes[i - 1] + _phases[i - 1].TimeLength;
            _startSteps[i] = _startSteps[i - 1] + _phases[i - 1].StepLength;
        }
        Breakpoints = Array.AsReadOnly(_startTimes[1..]);
        SettleTime = _phases[^1].Profile is ConstantProfile ? _startTimes[^1] : double.PositiveInfinity;
    }

    /// <inheritdoc/>
    public string Spec { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public double InitialLr { get; }

    /// <inheritdoc/>
    public double PlateauLr { get; }

    /// <inheritdoc/>
    public double FinalLr { get; }

    /// <inheritdoc/>
    public IReadOnlyList<double> Breakpoints { get; }

    /// <inheritdoc/>
    public double SettleTime { get; }

    /// <inheritdoc/>
    public double LearningRate(double t)
    {
        int segment = SegmentAt(t);
        return _phases[segment].Rate(t - _startTimes[segment]);
    }

    /// <inheritdoc/>
    public double LearningRate(double t, int segment)
    {
        if ((uint)segment >= (uint)_phases.Length)
            throw new ArgumentOutOfRangeException(nameof(segment), segment, $"segment must be in [0, {_phases.Length - 1}]: this schedule has {_phases.Length} segments.");
        double start = _startTimes[segment], end = start + _phases[segment].TimeLength;
        double slack = SegmentSlack * Math.Max(1, Math.Max(Math.Abs(start), double.IsInfinity(end) ? 0 : Math.Abs(end)));
        if (!(t >= start - slack && t <= end + slack))
            throw new ArgumentOutOfRangeException(nameof(t), t, $"t = {t} lies outside segment {segment}, [{start}, {end}]; use SegmentAt(t) to find its segment.");
        return _phases[segment].Rate(Math.Max(t - start, 0));
    }

    /// <inheritdoc/>
    public int SegmentAt(double t)
    {
        RequireTime(t, nameof(t));
        int index = Array.BinarySearch(_startTimes, t);
        return index >= 0 ? index : ~index - 1;
    }

    /// <inheritdoc/>
    public double Steps(double t)
    {
        if (double.IsPositiveInfinity(t)) return t;
        int segment = SegmentAt(t);
        return _startSteps[segment] + _phases[segment].StepsAt(t - _startTimes[segment]);
    }

    /// <inheritdoc/>
    public double TimeAtSteps(double steps)
    {
        RequireTime(steps, nameof(steps));
        if (double.IsPositiveInfinity(steps)) return steps;
        int index = Array.BinarySearch(_startSteps, steps);
        int segment = index >= 0 ? index : ~index - 1;
        return _startTimes[segment] + _phases[segment].TimeAtSteps(steps - _startSteps[segment]);
    }

    /// <inheritdoc/>
    public override string ToString() => Description;

    /// <summary>Times and step counts are ≥ 0 (NaN refused).</summary>
    private static void RequireTime(double value, string name)
    {
        if (!(value >= 0))
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be ≥ 0 (schedules start at t = 0), got {value}.");
    }
}
