namespace FokkerPlanck.Core.Numerics;

/// <summary>
/// Logarithmic helpers that keep Boltzmann weights <c>exp(−U/T)</c> finite when <c>U/T</c> reaches
/// 10⁴ and beyond (docs/physics.md §3: equilibria span hundreds of orders of magnitude).
/// </summary>
public static class LogMath
{
    /// <summary>Below this |z| the series of <see cref="LogExpm1OverZ"/> is used: its next term, z⁴/2880, is below 4e-20 there, under double round-off.</summary>
    private const double SeriesCutoff = 1e-4;

    /// <summary><c>ln(e^a + e^b)</c> without overflow; −∞ operands are allowed.</summary>
    public static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double m = Math.Max(a, b);
        return m + double.LogP1(Math.Exp(-Math.Abs(a - b)));
    }

    /// <summary><c>ln Σ exp(v_i)</c> over a span (−∞ if empty).</summary>
    public static double LogSumExp(ReadOnlySpan<double> values)
    {
        double m = double.NegativeInfinity;
        foreach (double v in values) if (v > m) m = v;
        if (double.IsNegativeInfinity(m)) return m;
        double s = 0.0;
        foreach (double v in values) s += Math.Exp(v - m);
        return m + Math.Log(s);
    }

    /// <summary>Entries per work item of <see cref="LogSumExpParallel"/>.</summary>
    private const int ParallelChunk = 1 << 15;

    /// <summary>
    /// <see cref="LogSumExp"/> over chunks in parallel (a million-cell equilibrium is a million
    /// exponentials); the chunk maxima and partial sums are combined in chunk order, so the result does
    /// not depend on the scheduling (it may differ from the serial sum in the last bits).
    /// </summary>
    public static double LogSumExpParallel(double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int chunks = (values.Length + ParallelChunk - 1) / ParallelChunk;
        if (chunks <= 1) return LogSumExp(values);
        var max = new double[chunks];
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            double m = double.NegativeInfinity;
            for (int i = c * ParallelChunk, end = Math.Min(values.Length, i + ParallelChunk); i < end; i++) if (values[i] > m) m = values[i];
            max[c] = m;
        });
        double top = double.NegativeInfinity;
        foreach (double m in max) if (m > top) top = m;
        if (double.IsNegativeInfinity(top)) return top;
        var sum = new double[chunks];
        Parallel.For(0, chunks, Parallelism.Options, c =>
        {
            double s = 0.0;
            for (int i = c * ParallelChunk, end = Math.Min(values.Length, i + ParallelChunk); i < end; i++) s += Math.Exp(values[i] - top);
            sum[c] = s;
        });
        double total = 0.0;
        foreach (double s in sum) total += s;
        return top + Math.Log(total);
    }

    /// <summary>
    /// <c>ln((e^z − 1)/z)</c>, the log of the mean of <c>e^{z s}</c> over <c>s ∈ [0, 1]</c>;
    /// finite for all finite z (≈ z − ln z for large z, ≈ −ln|z| for large negative z).
    /// </summary>
    public static double LogExpm1OverZ(double z)
    {
        double az = Math.Abs(z);
        if (az < SeriesCutoff) return z / 2 + z * z / 24;
        // ln((e^z − 1)/z) = max(z,0) + ln((1 − e^{−|z|})/|z|)
        return Math.Max(z, 0.0) + Math.Log(-double.ExpM1(-az)) - Math.Log(az);
    }

    /// <summary>The Bernoulli function <c>B(z) = z/(e^z − 1)</c> (Scharfetter–Gummel weight), B(0) = 1.</summary>
    public static double Bernoulli(double z) => Math.Exp(-LogExpm1OverZ(z));
}
