namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>A decay rate measured from a distance series.</summary>
/// <param name="Rate">−d ln D/dt from the least-squares fit (NaN when the series does not reach the window).</param>
/// <param name="From">Start of the fitted window.</param>
/// <param name="To">End of the fitted window.</param>
/// <param name="Points">Samples in the window.</param>
/// <param name="Spread">Largest relative deviation of the local (sample-to-sample) rates in the window from the fit: small when one mode dominates.</param>
public sealed record MeasuredRate(double Rate, double From, double To, int Points, double Spread);

/// <summary>
/// The late-time decay rate of a run: the slope of <c>ln D(t)</c> over the window where the
/// distance D has fallen from <see cref="WindowStart"/> to <see cref="WindowEnd"/> of its value when
/// the schedule settled, i.e. once the fast modes are gone and before the run reaches its accuracy
/// floor. A quench from an ordinary plateau decays there at λ₂; one from a strong Mpemba point at
/// λ₃ (the λ₂ amplitude vanishes), until the residual of the root's finite precision takes over much later.
/// </summary>
public static class LateTimeRate
{
    /// <summary>The window starts where D has fallen to this fraction of its value at settling (two decades: the fast modes, 10–100× faster, are gone).</summary>
    public const double WindowStart = 1e-2;

    /// <summary>The window ends where D has fallen to this fraction (two more decades).</summary>
    public const double WindowEnd = 1e-4;

    /// <summary>Distances below this are at the integration's accuracy floor and are not fitted.</summary>
    public const double Floor = 1e-11;

    /// <summary>Measures the rate from samples <paramref name="times"/>, <paramref name="distance"/> after <paramref name="settleTime"/>.</summary>
    public static MeasuredRate Measure(IReadOnlyList<double> times, IReadOnlyList<double> distance, double settleTime)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(distance);
        int first = 0;
        while (first < times.Count && times[first] < settleTime) first++;
        if (first >= times.Count) return new MeasuredRate(double.NaN, double.NaN, double.NaN, 0, double.NaN);
        double reference = distance[first];
        double hi = WindowStart * reference, lo = Math.Max(WindowEnd * reference, Floor);
        var idx = new List<int>();
        for (int i = first; i < times.Count; i++)
            if (distance[i] <= hi && distance[i] >= lo && distance[i] > 0) idx.Add(i);
        if (idx.Count < 3) return new MeasuredRate(double.NaN, double.NaN, double.NaN, idx.Count, double.NaN);
        double mt = idx.Average(i => times[i]), my = idx.Average(i => Math.Log(distance[i]));
        double sxy = 0, sxx = 0;
        foreach (int i in idx) { double dx = times[i] - mt; sxy += dx * (Math.Log(distance[i]) - my); sxx += dx * dx; }
        double rate = -sxy / sxx;
        double spread = 0;
        for (int q = 1; q < idx.Count; q++)
        {
            int a = idx[q - 1], b = idx[q];
            double local = -(Math.Log(distance[b]) - Math.Log(distance[a])) / (times[b] - times[a]);
            spread = Math.Max(spread, Math.Abs(local / rate - 1));
        }
        return new MeasuredRate(rate, times[idx[0]], times[idx[^1]], idx.Count, spread);
    }
}
