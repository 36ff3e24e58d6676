using FokkerPlanck.Core.Schedules;
using FokkerPlanck.Core.TimeStepping;

namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>One time-stepper run from a plateau under a schedule, with its observables and prediction.</summary>
/// <param name="PlateauLr">η_h (the schedule's plateau LR).</param>
/// <param name="Schedule">The schedule.</param>
/// <param name="Times">Output times t (t = steps × η).</param>
/// <param name="Steps">SGD steps taken by each output time.</param>
/// <param name="LearningRates">η(t) at the output times.</param>
/// <param name="Temperatures">T = κη(t).</param>
/// <param name="Observed">The recorded observables.</param>
/// <param name="Predicted">The spectral prediction on the same times (null when not computed).</param>
/// <param name="LateTimeRate">Measured late-time rate of the L1 distance.</param>
/// <param name="Statistics">Integrator counters.</param>
public sealed record EvolutionRun(
    double PlateauLr, ILearningRateSchedule Schedule, double[] Times, double[] Steps, double[] LearningRates, double[] Temperatures,
    RelaxationObserver Observed, PredictedSeries? Predicted, MeasuredRate LateTimeRate, IntegrationStatistics Statistics)
{
    /// <summary>The first time after which a distance stays below <paramref name="tolerance"/> (interpolated in ln D); +∞ when it never does.</summary>
    public double TimeToReach(IReadOnlyList<double> distance, double tolerance) => FirstPassage.Time(Times, distance, tolerance);
}

/// <summary>First-passage times of a decaying distance below a tolerance.</summary>
public static class FirstPassage
{
    /// <summary>
    /// The first time after which <c>|D|</c> stays below <paramref name="tolerance"/>: the last sample at
    /// or above it and the next one bracket the crossing, interpolated linearly in <c>ln |D|</c> (exact for
    /// an exponential decay). 0 when every sample is below; +∞ when the last one is not.
    /// </summary>
    public static double Time(IReadOnlyList<double> times, IReadOnlyList<double> distance, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(distance);
        int last = -1;
        for (int i = 0; i < distance.Count; i++) if (!(Math.Abs(distance[i]) < tolerance)) last = i;
        if (last < 0) return 0;
        if (last == distance.Count - 1) return double.PositiveInfinity;
        double d0 = Math.Abs(distance[last]), d1 = Math.Abs(distance[last + 1]);
        double t0 = times[last], t1 = times[last + 1];
        if (!(d1 > 0) || !(d0 > d1)) return t1;
        double f = Math.Log(d0 / tolerance) / Math.Log(d0 / d1);
        return t0 + Math.Clamp(f, 0, 1) * (t1 - t0);
    }
}
