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
/// <para><b>No copies.</b> A column's iterates and residuals live in three buffers each that rotate:
/// the sweep reads <see cref="Current"/> and writes <see cref="Next"/>, the residual pass writes
/// <see cref="NextResidual"/>, and the step makes them current; the oldest pair is then free.</para>
/// </remarks>
internal sealed class ResidualMinimizingStep
{
    /// <summary>A difference whose weighted image lies within this fraction (relative) of the span of the others is dropped (the least-squares problem would be ill-conditioned).</summary>
    private const double Independence = 1e-6;

    /// <summary>Rows per parallel work item (partial sums added in chunk order: the result does not depend on the schedule).</summary>
    private const int Chunk = 1 << 14;

    private readonly double[][] _y = new double[3][];
    private readonly double[][] _r = new double[3][];
    private int _newest;
    private int _kept;

    /// <summary>History of a column that starts at <paramref name="seed"/> (used as the first of its three iterate buffers).</summary>
    public ResidualMinimizingStep(double[] seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        int n = seed.Length;
        _y[0] = seed;
        _y[1] = new double[n];
        _y[2] = new double[n];
        for (int b = 0; b < 3; b++) _r[b] = new double[n];
    }

    /// <summary>The latest iterate: the seed, then each corrected sweep.</summary>
    public double[] Current => _y[_newest];

    /// <summary>Where the next sweep writes its iterate (the oldest buffer, free once two newer ones exist).</summary>
    public double[] Next => _y[Free];

    /// <summary>Where the residual <c>(G − λ)y</c> of <see cref="Next"/> goes.</summary>
    public double[] NextResidual => _r[Free];

    private int Free => (_newest + 1) % 3;

    private int Older => (_newest + 2) % 3;

    /// <summary>
    /// Corrects <see cref="Next"/> and <see cref="NextResidual"/> in place from the kept iterates and makes
    /// them current; returns the componentwise residual of the corrected iterate, estimated with the row
    /// terms <paramref name="terms"/> of the uncorrected one (the caller certifies the final vectors exactly).
    /// </summary>
    /// <param name="terms">Row terms <c>Σ_j |G_ij y_j| + λ|y_i|</c> of <see cref="Next"/>, from <paramref name="offset"/> on.</param>
    /// <param name="offset">Where this column's row terms start in <paramref name="terms"/>.</param>
    /// <param name="floor">The weights' floor (<see cref="LeftEigenvectorRefinement.ComponentwiseFloor"/> times the largest row terms).</param>
    public double Apply(double[] terms, int offset, double floor)
    {
        ArgumentNullException.ThrowIfNull(terms);
        int d = Math.Min(_kept, 2);
        var alpha = d > 0 ? Solve(Gram(terms, offset, floor, d), d) : [];
        double ratio = CorrectAndMeasure(alpha, terms, offset, floor);
        _newest = Free;
        _kept++;
        return ratio;
    }

    /// <summary>Gram entries (lower triangle) of the weighted <c>[r, r − r₋₁, r₋₁ − r₋₂]</c>, summed per chunk in chunk order.</summary>
    private double[] Gram(double[] terms, int offset, double floor, int d)
    {
        var r = _r[Free]; var r1 = _r[_newest]; var r2 = _r[Older];
        int n = r.Length, chunks = Math.Max(1, (n + Chunk - 1) / Chunk), size = (d + 1) * (d + 1);
        var partial = new double[chunks * size];
        ChunkLoop.For(chunks, true, c =>
        {
            var p = partial.AsSpan(c * size, size);
            Span<double> image = stackalloc double[3];
            for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
            {
                double w = 1.0 / Math.Max(terms[offset + i], floor);
                image[0] = w * r[i];
                image[1] = w * (r[i] - r1[i]);
                if (d > 1) image[2] = w * (r1[i] - r2[i]);
                for (int a = 0; a <= d; a++)
                    for (int b = 0; b <= a; b++) p[a * (d + 1) + b] += image[a] * image[b];
            }
        });
        var gram = new double[size];
        for (int c = 0; c < chunks; c++) for (int q = 0; q < size; q++) gram[q] += partial[c * size + q];
        return gram;
    }

    /// <summary>
    /// <c>y ← y + α₁(y − y₋₁) + α₂(y₋₁ − y₋₂)</c> and the same combination of the residuals, then
    /// <c>max_i |r_i| / max(t_i, floor)</c> (maxima per chunk: the result does not depend on the schedule).
    /// </summary>
    private double CorrectAndMeasure(double[] alpha, double[] terms, int offset, double floor)
    {
        var y = _y[Free]; var y1 = _y[_newest]; var y2 = _y[Older];
        var r = _r[Free]; var r1 = _r[_newest]; var r2 = _r[Older];
        int n = y.Length, chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
        double a1 = alpha.Length > 0 ? alpha[0] : 0.0, a2 = alpha.Length > 1 ? alpha[1] : 0.0;
        bool correct = a1 != 0 || a2 != 0;
        var worst = new double[chunks];
        ChunkLoop.For(chunks, true, c =>
        {
            double max = 0.0;
            for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
            {
                if (correct)
                {
                    double dy = a1 * (y[i] - y1[i]) + a2 * (y1[i] - y2[i]);
                    double dr = a1 * (r[i] - r1[i]) + a2 * (r1[i] - r2[i]);
                    y[i] += dy;
                    r[i] += dr;
                }
                max = Math.Max(max, Math.Abs(r[i]) / Math.Max(terms[offset + i], floor));
            }
            worst[c] = max;
        });
        return worst.Max();
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
