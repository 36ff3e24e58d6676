using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Accelerates the shared-shift inverse iteration of one left vector (<see cref="SharedShiftLeftVectors"/>):
/// the new iterate y is corrected along its last differences <c>d₁ = y − y₋₁</c>, <c>d₂ = y₋₁ − y₋₂</c>
/// by the coefficients that minimize the row-scaled residual <c>‖W (G − λ)(y + α₁d₁ + α₂d₂)‖₂</c>,
/// <c>W = diag(1/max(Σ_j |G_ij y_j| + λ|y_i|, f))</c>.
/// </summary>
/// <remarks>
/// The iterates span a Krylov space of <c>(G − σI)⁻¹</c>, so the step picks, among the polynomials of
/// degree two in the resolvent, the one that best damps the error modes actually present — the
/// residual-minimizing (refined) extraction of Jia, "Refined iterative algorithms based on Arnoldi's
/// process for large unsymmetric eigenproblems", Linear Algebra Appl. 259 (1997), and the extrapolation
/// step of LOBPCG (Knyazev, SIAM J. Sci. Comput. 23, 2001), here with the weights of the componentwise
/// residual so that the small rows of a graded vector count as much as its large ones. The corrections
/// are differences of row-accurate vectors: they carry no error a row does not already have.
/// </remarks>
internal static class ResidualMinimizingStep
{
    /// <summary>A difference whose weighted image lies within this fraction (relative) of the span of the others is dropped (the least-squares problem would be ill-conditioned).</summary>
    private const double Independence = 1e-6;

    /// <summary>Rows per parallel work item (partial sums added in chunk order: the result does not depend on the schedule).</summary>
    private const int Chunk = 1 << 14;

    /// <summary>Corrects <paramref name="y"/> in place from its <paramref name="previous"/> iterates (newest first, at most two used).</summary>
    public static void Apply(CsrMatrix backward, double lambda, double[] y, IReadOnlyList<double[]> previous)
    {
        if (previous.Count == 0) return;
        int n = y.Length;
        var directions = new List<double[]> { Difference(y, previous[0]) };
        if (previous.Count > 1) directions.Add(Difference(previous[0], previous[1]));
        double floor = LeftEigenvectorRefinement.ComponentwiseFloor * LargestRowTerms(backward, lambda, y);
        int d = directions.Count, chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
        // Gram entries of the weighted images [r, W(G − λ)d₁, W(G − λ)d₂]: (d + 1)(d + 2)/2 sums per chunk
        var partial = new double[chunks * (d + 1) * (d + 1)];
        ChunkLoop.For(chunks, true, c =>
        {
            var rp = backward.RowPointers; var ci = backward.ColumnIndices; var gv = backward.Values;
            int r0 = c * Chunk, r1 = Math.Min(n, r0 + Chunk);
            var p = partial.AsSpan(c * (d + 1) * (d + 1), (d + 1) * (d + 1));
            Span<double> image = stackalloc double[3];
            for (int i = r0; i < r1; i++)
            {
                double s = -lambda * y[i], t = Math.Abs(lambda * y[i]);
                for (int q = rp[i]; q < rp[i + 1]; q++) { double e = -gv[q] * y[ci[q]]; s += e; t += Math.Abs(e); }
                double weight = 1.0 / Math.Max(t, floor);
                image[0] = weight * s;
                for (int j = 0; j < d; j++)
                {
                    var v = directions[j];
                    double u = -lambda * v[i];
                    for (int q = rp[i]; q < rp[i + 1]; q++) u -= gv[q] * v[ci[q]];
                    image[j + 1] = weight * u;
                }
                for (int a = 0; a <= d; a++)
                    for (int b = 0; b <= a; b++) p[a * (d + 1) + b] += image[a] * image[b];
            }
        });
        var gram = new double[(d + 1) * (d + 1)];
        for (int c = 0; c < chunks; c++) for (int q = 0; q < gram.Length; q++) gram[q] += partial[c * gram.Length + q];
        var alpha = Solve(gram, d);
        for (int j = 0; j < d; j++) if (alpha[j] != 0) VectorOps.AddScaled(y, alpha[j], directions[j]);
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

    private static double[] Difference(double[] a, double[] b)
    {
        var d = new double[a.Length];
        for (int i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        return d;
    }

    /// <summary>max_i Σ_j |G_ij y_j| + λ|y_i| (the floor's reference, as in the componentwise residual), over row chunks in parallel.</summary>
    private static double LargestRowTerms(CsrMatrix backward, double lambda, double[] y)
    {
        int n = y.Length, chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
        var max = new double[chunks];
        ChunkLoop.For(chunks, true, c =>
        {
            var rp = backward.RowPointers; var ci = backward.ColumnIndices; var gv = backward.Values;
            for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
            {
                double t = Math.Abs(lambda * y[i]);
                for (int q = rp[i]; q < rp[i + 1]; q++) t += Math.Abs(gv[q] * y[ci[q]]);
                max[c] = Math.Max(max[c], t);
            }
        });
        return max.Max();
    }
}
