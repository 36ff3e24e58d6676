using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Accelerates the shared-shift inverse iteration of one left vector (<see cref="SharedShiftLeftVectors"/>):
/// the new iterate y is corrected along its last differences <c>d₁ = y − y₋₁</c>, <c>d₂ = y₋₁ − y₋₂</c>
/// by the coefficients that minimize the row-scaled residual <c>‖W (G − λ)(y + α₁d₁ + α₂d₂)‖₂</c>,
/// <c>W = diag(1/max(Σ_j |G_ij y_j| + λ|y_i|, f))</c>.
/// </summary>
/// <remarks>
/// <para>The iterates span a Krylov space of <c>(G − σI)⁻¹</c>, so the step picks, among the polynomials of
/// degree two in the resolvent, the one that best damps the error modes actually present — the
/// residual-minimizing (refined) extraction of Jia, "Refined iterative algorithms based on Arnoldi's
/// process for large unsymmetric eigenproblems", Linear Algebra Appl. 259 (1997), and the extrapolation
/// step of LOBPCG (Knyazev, SIAM J. Sci. Comput. 23, 2001), here with the weights of the componentwise
/// residual so that the small rows of a graded vector count as much as its large ones. The corrections
/// are differences of row-accurate vectors: they carry no error a row does not already have.</para>
/// <para><b>No product with G.</b> The residual is linear in the iterate, so the images of the
/// differences are the differences of the residuals, <c>(G − λ)d₁ = r − r₋₁</c>: each column keeps its
/// last two iterates and their residuals, and the step, given the new iterate's residual r and row terms
/// (one pass over G, made for all columns at once by the caller), costs a few vector passes. The kept
/// residuals are updated with the step (<c>r ← r + α₁(r − r₋₁) + α₂(r₋₁ − r₋₂)</c>), exact up to
/// round-off of the size the residual itself carries.</para>
/// </remarks>
internal sealed class ResidualMinimizingStep
{
    /// <summary>A difference whose weighted image lies within this fraction (relative) of the span of the others is dropped (the least-squares problem would be ill-conditioned).</summary>
    private const double Independence = 1e-6;

    /// <summary>Rows per parallel work item (partial sums added in chunk order: the result does not depend on the schedule).</summary>
    private const int Chunk = 1 << 14;

    private double[] _y1, _y2, _r1, _r2;
    private int _kept;

    /// <summary>State for columns of length <paramref name="n"/> (four vectors: two iterates, two residuals).</summary>
    public ResidualMinimizingStep(int n)
    {
        _y1 = new double[n]; _y2 = new double[n];
        _r1 = new double[n]; _r2 = new double[n];
    }

    /// <summary>
    /// Corrects <paramref name="y"/> and its residual <paramref name="r"/> (<c>(G − λ)y</c>) in place from
    /// the kept iterates, then keeps them; returns the componentwise residual of the corrected iterate
    /// estimated with the row terms <paramref name="terms"/> of the uncorrected one (the caller certifies
    /// the final vectors exactly).
    /// </summary>
    /// <param name="y">The new iterate.</param>
    /// <param name="r">Its residual <c>(G − λ)y</c>.</param>
    /// <param name="terms">Its row terms <c>Σ_j |G_ij y_j| + λ|y_i|</c>.</param>
    /// <param name="floor">The weights' floor (<see cref="LeftEigenvectorRefinement.ComponentwiseFloor"/> times the largest row terms).</param>
    public double Apply(double[] y, Span<double> r, ReadOnlySpan<double> terms, double floor)
    {
        int n = y.Length;
        int d = Math.Min(_kept, 2);
        if (d > 0)
        {
            var alpha = Solve(Gram(r, terms, floor, d), d);
            Correct(y, r, alpha);
        }
        double ratio = WeightedMax(r, terms, floor);
        // keep y and r as the newest history: the oldest arrays are reused
        (_y1, _y2) = (_y2, _y1);
        (_r1, _r2) = (_r2, _r1);
        y.CopyTo(_y1, 0);
        r.CopyTo(_r1);
        _kept++;
        return ratio;
    }

    /// <summary>Gram entries (lower triangle) of the weighted <c>[r, r − r₋₁, r₋₁ − r₋₂]</c>, summed per chunk in chunk order.</summary>
    private double[] Gram(ReadOnlySpan<double> r, ReadOnlySpan<double> terms, double floor, int d)
    {
        int n = r.Length, chunks = Math.Max(1, (n + Chunk - 1) / Chunk), size = (d + 1) * (d + 1);
        var partial = new double[chunks * size];
        unsafe
        {
            fixed (double* rp = r, tp = terms)
            {
                nint rAddr = (nint)rp, tAddr = (nint)tp;
                var r1 = _r1; var r2 = _r2;
                ChunkLoop.For(chunks, true, c =>
                {
                    double* rr = (double*)rAddr, tt = (double*)tAddr;
                    var p = partial.AsSpan(c * size, size);
                    Span<double> image = stackalloc double[3];
                    for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
                    {
                        double w = 1.0 / Math.Max(tt[i], floor);
                        image[0] = w * rr[i];
                        image[1] = w * (rr[i] - r1[i]);
                        if (d > 1) image[2] = w * (r1[i] - r2[i]);
                        for (int a = 0; a <= d; a++)
                            for (int b = 0; b <= a; b++) p[a * (d + 1) + b] += image[a] * image[b];
                    }
                });
            }
        }
        var gram = new double[size];
        for (int c = 0; c < chunks; c++) for (int q = 0; q < size; q++) gram[q] += partial[c * size + q];
        return gram;
    }

    /// <summary><c>y ← y + α₁(y − y₋₁) + α₂(y₋₁ − y₋₂)</c>, and the same combination of the residuals.</summary>
    private void Correct(double[] y, Span<double> r, double[] alpha)
    {
        int n = y.Length, chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
        double a1 = alpha[0], a2 = alpha.Length > 1 ? alpha[1] : 0.0;
        if (a1 == 0 && a2 == 0) return;
        var y1 = _y1; var y2 = _y2; var r1 = _r1; var r2 = _r2;
        unsafe
        {
            fixed (double* rp = r)
            {
                nint rAddr = (nint)rp;
                ChunkLoop.For(chunks, true, c =>
                {
                    double* rr = (double*)rAddr;
                    for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
                    {
                        double dy = a1 * (y[i] - y1[i]) + a2 * (y1[i] - y2[i]);
                        double dr = a1 * (rr[i] - r1[i]) + a2 * (r1[i] - r2[i]);
                        y[i] += dy;
                        rr[i] += dr;
                    }
                });
            }
        }
    }

    /// <summary>max_i |r_i| / max(t_i, floor).</summary>
    private static double WeightedMax(ReadOnlySpan<double> r, ReadOnlySpan<double> terms, double floor)
    {
        double worst = 0.0;
        for (int i = 0; i < r.Length; i++) worst = Math.Max(worst, Math.Abs(r[i]) / Math.Max(terms[i], floor));
        return worst;
    }

    /// <summary>Minimizes ‖r + Σ α_j w_j‖ from the Gram matrix (lower triangle) of [r, w₁, …]: Cholesky of the w-block, dropping a dependent direction.</summary>
    private static double[] Solve(double[] gram, int d)
    {
        double G(int a, int b) => a >= b ? gram[a * (d + 1) + b] : gram[b * (d + 1) + a];
        var alpha = new double[d];
        if (d == 1 || !(G(1, 1) * G(2, 2) - G(2, 1) * G(2, 1) > Independence * G(1, 1) * G(2, 2)))
        {
            if (G(1, 1) > 0) alpha[0] = -G(1, 0) / G(1, 1);
            return alpha;
        }
        double det = G(1, 1) * G(2, 2) - G(2, 1) * G(2, 1);
        alpha[0] = -(G(2, 2) * G(1, 0) - G(2, 1) * G(2, 0)) / det;
        alpha[1] = -(G(1, 1) * G(2, 0) - G(2, 1) * G(1, 0)) / det;
        return alpha;
    }
}
