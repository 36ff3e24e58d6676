using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The post-processing stage of <see cref="RelaxationSpectrumSolver"/>: the stationary pair first,
/// the sign rule <c>Σ u_k U ≥ 0</c>, relative residuals, and the naive left vectors <c>φ/√π</c>
/// (the start of the left-vector stage).
/// </summary>
internal static class ModeOrdering
{
    /// <summary>Cells per parallel work item of the post-processing sweeps (partial sums are added in chunk order).</summary>
    private const int Chunk = 1 << 14;

    /// <summary>The ordered, signed modes and their naive left vectors.</summary>
    /// <param name="Values">λ₁ = 0, λ₂ … λ_K.</param>
    /// <param name="Modes">φ₁ = √π, φ₂ … φ_K (signs applied).</param>
    /// <param name="Left">v₁ ≡ 1 and the naive v_k = φ_k/√π.</param>
    /// <param name="Residuals">Relative residuals as the stopping rule measures them.</param>
    public sealed record Result(double[] Values, double[][] Modes, double[][] Left, double[] Residuals);

    /// <summary>Orders and signs the eigen solve's pairs (<paramref name="q1"/> is the exact stationary mode).</summary>
    public static Result Apply(EigenResult eig, double[] q1, ReadOnlySpan<double> logPi, ReadOnlySpan<double> observable, double gershgorin)
    {
        int m = eig.Values.Count, size = q1.Length;
        var lp = logPi.ToArray();
        var computed = eig.Vectors.ToArray();
        var (overlap, signSum) = Sums(computed, q1, lp, observable.ToArray());
        // The known stationary pair is included in the result, sorted by value; a slow rate that is
        // zero to round-off (deep barriers: λ₂ ~ 1e-29) may sort before it, so locate it by overlap.
        int stationary = 0;
        for (int k = 1; k < m; k++) if (Math.Abs(overlap[k]) > Math.Abs(overlap[stationary])) stationary = k;
        var order = new[] { stationary }.Concat(Enumerable.Range(0, m).Where(k => k != stationary)).ToArray();
        var values = order.Select(k => k == stationary ? 0.0 : Math.Max(eig.Values[k], 0.0)).ToArray();
        var modes = order.Select(k => k == stationary ? q1 : computed[k]).ToArray();
        // sign rule: Σ u_k U ≥ 0 with u_k = √π φ_k
        var flip = order.Select(k => k != stationary && signSum[k] < 0).ToArray();
        // relative residuals exactly as the stopping rule measures them: ‖Aφ − λφ‖ / max(|λ|, ‖A‖)
        double norm = eig.NormEstimate > 0 ? eig.NormEstimate : gershgorin;
        var residuals = order.Select(k => eig.Residuals[k] / Math.Max(Math.Abs(eig.Values[k]), norm)).ToArray();
        return new Result(values, modes, NaiveLeft(modes, flip, lp), residuals);
    }

    /// <summary>One sweep for the overlaps with √π (to find the stationary pair) and the sign-rule sums Σ φ_k √π U.</summary>
    private static (double[] Overlap, double[] SignSum) Sums(double[][] computed, double[] q1, double[] lp, double[] observable)
    {
        int m = computed.Length, size = q1.Length;
        if (observable.Length != size) throw new ArgumentException($"LossObservable has {observable.Length} values for {size} cells.", nameof(observable));
        int chunks = Math.Max(1, (size + Chunk - 1) / Chunk);
        var partial = new double[chunks * 2 * m];
        ChunkLoop.For(chunks, true, c =>
        {
            int i0 = c * Chunk, i1 = Math.Min(size, i0 + Chunk);
            var p = partial.AsSpan(c * 2 * m, 2 * m);
            for (int i = i0; i < i1; i++)
            {
                double weight = Math.Exp(0.5 * lp[i]) * observable[i];
                for (int k = 0; k < m; k++)
                {
                    double phi = computed[k][i];
                    p[2 * k] += q1[i] * phi;
                    p[2 * k + 1] += phi * weight;
                }
            }
        });
        var overlap = new double[m];
        var signSum = new double[m];
        for (int c = 0; c < chunks; c++)
            for (int k = 0; k < m; k++) { overlap[k] += partial[c * 2 * m + 2 * k]; signSum[k] += partial[c * 2 * m + 2 * k + 1]; }
        return (overlap, signSum);
    }

    /// <summary>Applies the signs to the modes (in place) and forms v₁ ≡ 1 and the naive v_k = φ_k/√π.</summary>
    private static double[][] NaiveLeft(double[][] modes, bool[] flip, double[] lp)
    {
        int m = modes.Length, size = lp.Length;
        int chunks = Math.Max(1, (size + Chunk - 1) / Chunk);
        var left = new double[m][];
        left[0] = new double[size];
        for (int k = 1; k < m; k++) left[k] = GC.AllocateUninitializedArray<double>(size);
        ChunkLoop.For(chunks, true, c =>
        {
            int i0 = c * Chunk, i1 = Math.Min(size, i0 + Chunk);
            left[0].AsSpan(i0, i1 - i0).Fill(1.0);
            for (int i = i0; i < i1; i++)
            {
                double inverseSqrtPi = Math.Exp(-0.5 * lp[i]);
                for (int k = 1; k < m; k++)
                {
                    var phi = modes[k];
                    if (flip[k]) phi[i] = -phi[i];
                    left[k][i] = phi[i] * inverseSqrtPi;
                }
            }
        });
        return left;
    }
}
