using System.Diagnostics;

namespace FokkerPlanck.Core.Langevin.Propagation;

/// <summary>
/// Collects particle-steps from the workers and reports completed steps (particle-steps ÷ particles,
/// the ensemble's average progress through the plan) at most every <see cref="Interval"/>.
/// </summary>
internal sealed class ProgressMeter
{
    /// <summary>Least time between two reports: often enough for a progress bar, rare enough to cost nothing.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly IProgress<long>? _sink;
    private readonly long _particles;
    private readonly long _intervalTicks = (long)(Interval.TotalSeconds * Stopwatch.Frequency);
    private readonly Lock _gate = new();
    private long _particleSteps;
    private long _lastReport = Stopwatch.GetTimestamp();
    private long _lastValue = -1;

    /// <summary>A meter for <paramref name="particles"/> particles reporting to <paramref name="sink"/> (null: count only).</summary>
    public ProgressMeter(IProgress<long>? sink, long particles)
    {
        _sink = sink;
        _particles = Math.Max(1, particles);
    }

    /// <summary>Adds finished particle-steps; reports when the interval has passed.</summary>
    public void Add(long particleSteps)
    {
        long total = Interlocked.Add(ref _particleSteps, particleSteps);
        if (_sink is null || Stopwatch.GetTimestamp() - Interlocked.Read(ref _lastReport) < _intervalTicks) return;
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            if (now - _lastReport < _intervalTicks) return;
            _lastReport = now;
            Publish(total / _particles);
        }
    }

    /// <summary>Reports the final count (every step of the plan).</summary>
    public void Complete(long steps)
    {
        lock (_gate) Publish(steps);
    }

    private void Publish(long steps)
    {
        if (steps <= _lastValue) return;
        _lastValue = steps;
        _sink?.Report(steps);
    }
}
