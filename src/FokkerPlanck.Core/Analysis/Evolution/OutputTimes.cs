namespace FokkerPlanck.Core.Analysis.Evolution;

/// <summary>The output time grids of evolution runs.</summary>
public static class OutputTimes
{
    /// <summary>
    /// t = 0, <paramref name="points"/> log-spaced times from <c>firstFraction·end</c> to
    /// <paramref name="end"/>, and the schedule's breakpoints within the run, sorted and distinct.
    /// </summary>
    public static double[] Build(double end, int points, double firstFraction, IReadOnlyList<double> breakpoints)
    {
        ArgumentNullException.ThrowIfNull(breakpoints);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);
        var set = new SortedSet<double> { 0, end };
        double first = firstFraction * end;
        for (int k = 0; k < points; k++) set.Add(k == points - 1 ? end : first * Math.Pow(end / first, (double)k / (points - 1)));
        foreach (double b in breakpoints) if (b > 0 && b < end) set.Add(b);
        return [.. set];
    }

    /// <summary>
    /// <paramref name="count"/> snapshot times among <paramref name="times"/>: t = 0 and the times closest
    /// to log-spaced fractions of the end (10⁻³ … 1).
    /// </summary>
    public static double[] Snapshots(IReadOnlyList<double> times, int count)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (count <= 0 || times.Count == 0) return [];
        double end = times[^1];
        var picked = new SortedSet<double> { times[0] };
        for (int k = 0; k < count - 1; k++)
        {
            double target = end * Math.Pow(10, -3.0 * (count - 2 - k) / Math.Max(count - 2, 1));
            picked.Add(times.MinBy(t => Math.Abs(Math.Log(Math.Max(t, 1e-300) / target))));
        }
        return [.. picked];
    }
}
