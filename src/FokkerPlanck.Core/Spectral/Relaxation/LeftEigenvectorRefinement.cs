using System.Runtime.CompilerServices;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Left eigenvectors (observables) accurate where the equilibrium is tiny, from the backward
/// operator <c>G = −Lᵀ</c>, whose entries are rates at any temperature.
/// </summary>
/// <remarks>
/// <para>The naive <c>v_k = φ_k/√π</c> multiplies the round-off of φ_k (≈1e-16 of its maximum) by
/// <c>√(π_max/π_i)</c>, which is astronomically large exactly where a hot initial state puts its
/// mass (docs/physics.md §3). Here the naive values are kept only where φ_k itself is significant
/// (<see cref="ReliableFraction"/>) and seed an inverse iteration with the backward operator and a
/// shift just below each eigenvalue, <c>y = (G − σ_k I)⁻¹ v</c>, <c>σ_k = λ_k − η_k</c>: the error
/// components along the other modes shrink by <c>η_k/|λ_j − σ_k|</c> per sweep, whatever the gaps
/// (Saad, Numerical Methods for Large Eigenvalue Problems, 2nd ed., §4.2). A final oblique
/// normalization <c>V ← Y (Uᵀ Y)⁻¹</c> against the right eigenvectors U (cell masses, accurate in
/// absolute terms) enforces <c>⟨u_j, v_k⟩ = δ_jk</c> and untangles (near-)degenerate pairs.</para>
/// <para>The LU of <c>G − σ I</c> uses no pivoting. Its pivots equal those of the LDLᵀ of the
/// symmetrized <c>A − σ I</c> (diagonal similarity keeps the leading minors), which the spectrum
/// solver already factors for the same shifts; for σ &lt; 0 the matrix is a strictly row-diagonally
/// dominant M-matrix and the LU is unconditionally stable (Golub &amp; Van Loan, 4th ed., Thm 3.4.3).
/// Every row is solved to the accuracy of its own rates.</para>
/// </remarks>
public static class LeftEigenvectorRefinement
{
    /// <summary>
    /// Seed values are kept where |φ_{k,i}| ≥ ReliableFraction · max|φ_k|: there the round-off of φ
    /// (≈1e-16 · max) is at most 1e-6 relative, which the sweeps remove with the rest of the seed's
    /// error. Measured on the benchmark valley at 512²: the shared-shift iteration needs 6 sweeps from
    /// these seeds, 7 with a cut at 1e-6 (zero on more of the cold cells, where v_k is largest).
    /// </summary>
    public const double ReliableFraction = 1e-10;

    /// <summary>Inverse-iteration sweeps per mode (each gains a factor η_k/gap, ≲1e-6).</summary>
    public const int Sweeps = 3;

    /// <summary>η_k = max(ShiftOffset·λ_k, ShiftFloor·max G_ii): close enough to λ_k for fast convergence, far enough for a well-defined solve.</summary>
    public const double ShiftOffset = 1e-7;

    /// <summary>
    /// Floor of η_k relative to the largest rate: G − σI is singular along the constant vector as
    /// σ → 0 (λ₂ can be 1e-29 at low temperature), and rounding then re-creates a constant component
    /// of relative size ε‖G‖/η ≈ 1e-8, removed by projection without cancellation trouble.
    /// </summary>
    public const double ShiftFloor = 1e-8;

    /// <summary>Rates closer than this (relative) form a cluster whose left vectors are normalized together; inverse iteration cannot separate them within its sweeps.</summary>
    public const double DegenerateGap = 1e-4;

    /// <summary>Refines <paramref name="seeds"/> (v₂…v_K; v₁ ≡ 1 is exact) in place and returns the relative residuals.</summary>
    /// <param name="backward">The backward generator Lᵀ (rows sum to zero).</param>
    /// <param name="symbolic">Symbolic analysis of the 5-point pattern (shared with the spectrum solve), or null.</param>
    /// <param name="values">λ₂…λ_K.</param>
    /// <param name="symmetricModes">φ₂…φ_K (unit vectors of the symmetrized operator).</param>
    /// <param name="logPi">ln π (cell masses).</param>
    /// <param name="seeds">Output v₂…v_K (overwritten).</param>
    /// <param name="generator">G = −Lᵀ when the caller already holds it (else it is formed).</param>
    /// <param name="factor">An LU of this pattern the caller holds (refactored per shift here, not disposed), or null for a new one.</param>
    public static double[] Refine(CsrMatrix backward, SymbolicFactorization? symbolic, double[] values, double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds,
        CsrMatrix? generator = null, SparseLu? factor = null)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(symmetricModes);
        ArgumentNullException.ThrowIfNull(seeds);
        int n = backward.RowCount, m = values.Length;
        if (m == 0) return [];
        var pi = new double[n];
        for (int i = 0; i < n; i++) pi[i] = Math.Exp(logPi[i]);
        var sq = SquareRootOfMasses(logPi);
        var right = RightVectors(symmetricModes, sq);
        Seed(symmetricModes, sq, seeds);
        var g = generator ?? backward.Scale(-1.0); // G = −Lᵀ
        double floor = ShiftFloor * g.Diagonal().Max();
        var y = new double[n * m];
        var x = new double[n];
        SparseLu? lu = factor;
        bool owned = factor is null;
        for (int k = 0; k < m; k++)
        {
            double sigma = values[k] - Math.Max(ShiftOffset * values[k], floor);
            // one factor object, refactored per shift (G − σI is never formed): storage and workspaces are reused
            if (lu is null) lu = SparseLu.Create(g, symbolic, sigma);
            else lu.Refactor(g, sigma);
            var v = seeds[k];
            for (int sweep = 0; sweep < Sweeps; sweep++)
            {
                RemoveMean(v, pi);
                lu.Solve(v, x);
                RemoveMean(x, pi);
                double norm = x.Max(Math.Abs);
                if (!(norm > 0) || !double.IsFinite(norm)) throw new InvalidOperationException($"Left-eigenvector inverse iteration for λ = {values[k]:G6} broke down (norm {norm}).");
                for (int i = 0; i < n; i++) v[i] = x[i] / norm;
            }
            v.CopyTo(y, k * n);
        }
        if (owned) lu?.Dispose();
        NormalizeByClusters(values, floor, right, y, seeds);
        return Residuals(g, values, seeds);
    }

    /// <summary>
    /// Normalization <c>⟨u_k, v_k⟩ = 1</c> of the iterates <paramref name="y"/> (column k at offset k·n)
    /// into <paramref name="seeds"/>. Modes whose rates agree to <see cref="DegenerateGap"/> are normalized
    /// as a block (<c>V = Y C⁻¹</c> with <c>C = UᵀY</c> over the cluster) to untangle their mixing; a
    /// full-block C⁻¹ would mix vectors of wildly different magnitudes (a barrier mode ~1e15 next to a
    /// well mode ~1) and spoil the small ones with the round-off of the large ones.
    /// </summary>
    private static void NormalizeByClusters(double[] values, double floor, double[][] right, double[] y, double[][] seeds)
    {
        int m = values.Length, n = right[0].Length;
        int start = 0;
        while (start < m)
        {
            int end = start + 1;
            while (end < m && Math.Abs(values[end] - values[end - 1]) <= DegenerateGap * Math.Max(Math.Abs(values[end]), floor)) end++;
            int b = end - start;
            var c = new double[b, b];
            for (int j = 0; j < b; j++)
                for (int k = 0; k < b; k++)
                {
                    double s = 0.0;
                    for (int i = 0; i < n; i++) s += right[start + j][i] * y[(start + k) * n + i];
                    c[j, k] = s;
                }
            var cinv = Invert(c) ?? throw new InvalidOperationException("Left-eigenvector normalization is singular: the right and left bases are not biorthogonalizable (degenerate modes not resolved).");
            for (int k = 0; k < b; k++)
            {
                var v = seeds[start + k];
                Array.Clear(v);
                for (int q = 0; q < b; q++)
                {
                    double w = cinv[q, k];
                    for (int i = 0; i < n; i++) v[i] += y[(start + q) * n + i] * w;
                }
            }
            start = end;
        }
    }

    /// <summary>
    /// The seeds <c>φ_k/√π</c> written into <paramref name="seeds"/> where φ_k is significant
    /// (<see cref="ReliableFraction"/>), zero elsewhere; returns the cells cut for any mode (the cold
    /// cells, <see cref="ColdRegionSeeds"/>).
    /// </summary>
    /// <param name="symmetricModes">φ₂…φ_K.</param>
    /// <param name="sq">√π (<see cref="SquareRootOfMasses"/>).</param>
    /// <param name="seeds">Output v₂…v_K.</param>
    internal static bool[] Seed(double[][] symmetricModes, double[] sq, double[][] seeds)
    {
        int m = symmetricModes.Length, n = sq.Length;
        var cut = new bool[n];
        var peaks = symmetricModes.Select(phi => phi.Max(Math.Abs)).ToArray();
        ChunkLoop.For((n + SeedChunk - 1) / SeedChunk, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            for (int k = 0; k < m; k++)
            {
                var phi = symmetricModes[k];
                var seed = seeds[k];
                double threshold = ReliableFraction * peaks[k];
                for (int i = c * SeedChunk, i1 = Math.Min(n, i + SeedChunk); i < i1; i++)
                {
                    bool reliable = Math.Abs(phi[i]) >= threshold;
                    seed[i] = reliable ? phi[i] / sq[i] : 0.0;
                    cut[i] |= !reliable;
                }
            }
        });
        return cut;
    }

    /// <summary>Cells per parallel work item of <see cref="Seed"/> (each writes its own cells: the result does not depend on the schedule).</summary>
    private const int SeedChunk = 1 << 14;

    /// <summary>√π_i = exp(½ ln π_i), over row chunks in parallel.</summary>
    internal static double[] SquareRootOfMasses(ReadOnlySpan<double> logPi)
    {
        int n = logPi.Length;
        var sq = new double[n];
        var source = logPi.ToArray();
        ChunkLoop.For((n + SeedChunk - 1) / SeedChunk, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            for (int i = c * SeedChunk, i1 = Math.Min(n, i + SeedChunk); i < i1; i++) sq[i] = Math.Exp(0.5 * source[i]);
        });
        return sq;
    }

    /// <summary>The right eigenvectors <c>u_k = √π φ_k</c> (cell masses, accurate in absolute terms).</summary>
    private static double[][] RightVectors(double[][] symmetricModes, double[] sq)
    {
        return [.. symmetricModes.Select(phi => phi.Select((p, i) => p * sq[i]).ToArray())];
    }

    /// <summary>Removes the component along the constant mode: <c>v ← v − ⟨π, v⟩</c> (π sums to one).</summary>
    internal static void RemoveMean(double[] v, double[] pi)
    {
        double mean = 0.0;
        for (int i = 0; i < v.Length; i++) mean += pi[i] * v[i];
        for (int i = 0; i < v.Length; i++) v[i] -= mean;
    }

    /// <summary>
    /// Relative residuals <c>max_i |(G v − λ v)_i| / max_i (Σ_j |G_ij v_j| + λ|v_i|)</c> with
    /// <c>G = matrixSign · <paramref name="g"/></c> (−1 for the backward generator, whose eigenvalues are −λ),
    /// over row chunks in parallel for all vectors at once (maxima, so the result does not depend on the schedule).
    /// </summary>
    public static double[] Residuals(CsrMatrix g, double[] values, double[][] vectors, double matrixSign = 1.0)
    {
        var (worst, scale, _) = ResidualSweep(g, values, vectors, matrixSign, floors: null);
        return NormwiseRatios(worst, scale);
    }

    /// <summary>
    /// Rows whose own terms Σ_j |G_ij v_j| + λ|v_i| are below this fraction of the vector's largest are
    /// measured against that floor in <see cref="ComponentwiseResiduals"/>: their values are round-off
    /// for any double-precision method (the convention of the tests: entries 1e-12 below the peak).
    /// </summary>
    public const double ComponentwiseFloor = 1e-12;

    /// <summary>
    /// Componentwise relative residuals <c>max_i |(G v − λ v)_i| / max(Σ_j |G_ij v_j| + λ|v_i|, f)</c>, f
    /// being <see cref="ComponentwiseFloor"/> times the largest row's terms: every row measured against
    /// its own terms (Oettli and Prager, Numer. Math. 6, 1964), so that a graded vector (1e100 at a
    /// wall, 1 in the wells) is certified in its small rows too, not only where its largest entries
    /// are as <see cref="Residuals(CsrMatrix, double[], double[][], double)"/> does. Two sweeps over the rows.
    /// </summary>
    public static double[] ComponentwiseResiduals(CsrMatrix g, double[] values, double[][] vectors, double matrixSign = 1.0)
        => BothResiduals(g, values, vectors, matrixSign).Componentwise;

    /// <summary>
    /// The norm-wise residuals of <see cref="Residuals(CsrMatrix, double[], double[][], double)"/> and the componentwise ones of
    /// <see cref="ComponentwiseResiduals"/> from the same two sweeps (the first sweep's maxima are the norm-wise measure).
    /// </summary>
    public static (double[] Normwise, double[] Componentwise) BothResiduals(CsrMatrix g, double[] values, double[][] vectors, double matrixSign = 1.0)
    {
        var (worst, scale, _) = ResidualSweep(g, values, vectors, matrixSign, floors: null);
        var componentwise = ResidualSweep(g, values, vectors, matrixSign, [.. scale.Select(a => ComponentwiseFloor * a)]).Ratio;
        return (NormwiseRatios(worst, scale), componentwise);
    }

    private static double[] NormwiseRatios(double[] worst, double[] scale) => [.. worst.Select((w, k) => scale[k] > 0 ? w / scale[k] : w)];

    /// <summary>
    /// One parallel sweep over the rows for all vectors (each matrix row loaded once): per vector the
    /// largest |residual|, the largest row terms, and, with <paramref name="floors"/>, the largest
    /// ratio of the two per row (maxima, so the result does not depend on the schedule).
    /// </summary>
    private static (double[] Worst, double[] Scale, double[] Ratio) ResidualSweep(CsrMatrix g, double[] values, double[][] vectors, double matrixSign, double[]? floors)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(vectors);
        int m = values.Length, n = g.RowCount;
        int chunks = Math.Max(1, (n + ResidualRowChunk - 1) / ResidualRowChunk);
        var partial = new double[3 * chunks * m];
        foreach (var v in vectors) if (v.Length != n) throw new ArgumentException($"A vector has length {v.Length}, expected {n}.", nameof(vectors));
        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // JIT-compiled for the machine, not precompiled (docs/startup.md, "Core precompiled")
        void Chunk(int c)
        {
            var rp = g.RowPointers; var ci = g.ColumnIndices; var gv = g.Values;
            int r0 = c * ResidualRowChunk, r1 = Math.Min(n, r0 + ResidualRowChunk);
            var p = partial.AsSpan(3 * c * m, 3 * m);
            for (int i = r0; i < r1; i++)
            {
                int q0 = rp[i], q1 = rp[i + 1];
                for (int k = 0; k < m; k++)
                {
                    var v = vectors[k];
                    double lambda = values[k];
                    double s = -lambda * v[i], t = Math.Abs(lambda * v[i]);
                    for (int q = q0; q < q1; q++) { double e = matrixSign * gv[q] * v[ci[q]]; s += e; t += Math.Abs(e); }
                    p[3 * k] = Math.Max(p[3 * k], Math.Abs(s));
                    p[3 * k + 1] = Math.Max(p[3 * k + 1], t);
                    if (floors is not null) p[3 * k + 2] = Math.Max(p[3 * k + 2], Math.Abs(s) / Math.Max(t, floors[k]));
                }
            }
        }
        ChunkLoop.For(chunks, true, Chunk);
        var worst = new double[m]; var scale = new double[m]; var ratio = new double[m];
        for (int c = 0; c < chunks; c++)
            for (int k = 0; k < m; k++)
            {
                worst[k] = Math.Max(worst[k], partial[3 * (c * m + k)]);
                scale[k] = Math.Max(scale[k], partial[3 * (c * m + k) + 1]);
                ratio[k] = Math.Max(ratio[k], partial[3 * (c * m + k) + 2]);
            }
        return (worst, scale, ratio);
    }

    /// <summary>Rows per parallel work item of the residual sweeps.</summary>
    private const int ResidualRowChunk = 1 << 14;

    /// <summary>Inverse of a small dense matrix by Gauss–Jordan elimination with partial pivoting, or null when it is singular.</summary>
    internal static double[,]? Invert(double[,] a)
    {
        int m = a.GetLength(0);
        var w = (double[,])a.Clone();
        var inv = new double[m, m];
        for (int i = 0; i < m; i++) inv[i, i] = 1.0;
        for (int col = 0; col < m; col++)
        {
            int p = col;
            for (int r = col + 1; r < m; r++) if (Math.Abs(w[r, col]) > Math.Abs(w[p, col])) p = r;
            if (w[p, col] == 0) return null;
            for (int q = 0; q < m; q++) { (w[col, q], w[p, q]) = (w[p, q], w[col, q]); (inv[col, q], inv[p, q]) = (inv[p, q], inv[col, q]); }
            double d = w[col, col];
            for (int q = 0; q < m; q++) { w[col, q] /= d; inv[col, q] /= d; }
            for (int r = 0; r < m; r++)
            {
                if (r == col) continue;
                double f = w[r, col];
                if (f == 0) continue;
                for (int q = 0; q < m; q++) { w[r, q] -= f * w[col, q]; inv[r, q] -= f * inv[col, q]; }
            }
        }
        return inv;
    }
}
