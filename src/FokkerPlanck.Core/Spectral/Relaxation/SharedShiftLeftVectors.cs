using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Left eigenvectors of all wanted modes from one factorization: block inverse iteration with the
/// symmetric LDLᵀ of <c>A − σI</c> that the eigen solve already holds, applied to the backward
/// generator through the diagonal similarity, and an oblique (Petrov–Galerkin) projection against
/// the right eigenvectors after every sweep.
/// </summary>
/// <remarks>
/// <para><b>One factor for G.</b> With <c>S = diag(√π)</c> the backward generator is
/// <c>G = S⁻¹ A S</c> (detailed balance), so <c>(G − σI)⁻¹ b = S⁻¹ (A − σI)⁻¹ (S b)</c>. Gaussian
/// elimination and triangular solves have componentwise backward errors
/// (<c>|ΔA| ≤ γ_n |L||D||Lᵀ|</c>, Higham, <i>Accuracy and Stability of Numerical Algorithms</i>,
/// 2nd ed., Thms 9.3 and 8.5), and such bounds are invariant under the diagonal scaling: the
/// scaled solve is a componentwise backward-stable solve with <c>G − σI</c> itself, every row to the
/// accuracy of its own rates, as the LU of <c>G − σI</c> is (whose pivots are those of the LDLᵀ;
/// <see cref="LeftEigenvectorRefinement"/>). Only underflow of <c>√π</c> breaks the argument
/// (<see cref="MinHalfLogScale"/>); there the same iteration runs with one LU of <c>G − σI</c> itself
/// (<see cref="TryComputeWithBackwardFactor"/>): one factorization for all modes still, where the
/// per-mode refinement makes one per mode. On the default scenario's grids (two-basin, 16k–65k
/// cells, π down to 1e-560 of its peak and below) 4 of 5 columns per grid converge on it in 10–12
/// sweeps; the job's left-vector work fell from 4.9 to 4.3 s of CPU (a profile, 2026-12-03).</para>
/// <para><b>One shift for all modes.</b> The seeds <c>φ_k/√π</c> are kept where φ_k is significant
/// (<see cref="LeftEigenvectorRefinement.ReliableFraction"/>); their errors have components along
/// every left mode j of size <c>⟨u_j, e_k⟩</c>. After a sweep <c>Y ← (G − σI)⁻¹ Y</c>, the oblique
/// projection <c>V = Y (UᵀY)⁻¹</c> with the accurate right vectors U removes the components along
/// the wanted modes exactly (<c>UᵀV = I</c>, Saad, <i>Numerical Methods for Large Eigenvalue
/// Problems</i>, 2nd ed., §4.3 and §5.1, subspace iteration with a projection step), and those along
/// any other mode j shrink by <c>|λ_k − σ|/|λ_j − σ|</c> per sweep (the constant mode is removed by
/// its own projection, the π-weighted mean). A column is swept until its componentwise residual
/// (<see cref="LeftEigenvectorRefinement.ComponentwiseResiduals"/>, every row against its own terms:
/// the norm-wise residual is blind to the small rows of a graded vector) reaches
/// <see cref="ResidualTarget"/> or stalls (<see cref="StallFactor"/>). A mode of a metastable basin
/// with little mass can keep a large component along a neighbouring unwanted mode
/// (|λ_k − σ| ≈ |λ_j − σ|: in a cold double well the two wells' ladders interleave); such a column
/// is left for the per-mode refinement. Measured on the benchmark valley (interior σ ≈ 4.4, rates
/// 0.18 … 8.7): 8–9 sweeps, each lowering the residual 10–40-fold; 7 with the residual-minimizing
/// step over the last two differences of each column (<see cref="ResidualMinimizingStep"/>).</para>
/// <para><b>Cost.</b> Per sweep: one multi-column solve, one pass over G for the residual rows of all
/// swept columns (the step needs no other product with G), and vector passes chunk by chunk. On the
/// benchmark valley at 512² (7 sweeps) the solves take about half of the stage; the other half was
/// 70 % before the residual rows were shared with the step and the projection's m² products were
/// made chunk by chunk (a profile of <c>spectrum</c>, 2026-12-03).</para>
/// </remarks>
public static class SharedShiftLeftVectors
{
    /// <summary>Componentwise residual at which a column is done: a few tens of ulps, about where the per-mode refinement ends on the benchmark valley (5e-16 … 3e-13).</summary>
    public const double ResidualTarget = 1e-13;

    /// <summary>Componentwise residual above which a column is not accepted (the caller refines it per mode): it then certifies every row above the floor to about 1e-11 relative, two orders tighter than the 1e-9 norm-wise residual the tests ask of left vectors.</summary>
    public const double AcceptResidual = 1e-11;

    /// <summary>Sweeps at most: the benchmark valley and the default scenario's grids need 8–10; a column still short of the target after twelve is cheaper to hand to the per-mode refinement.</summary>
    public const int MaxSweeps = 12;

    /// <summary>A column whose residual a sweep lowers by less than this factor is no longer swept (round-off floor, or a contraction too slow to pay: the per-mode refinement takes it).</summary>
    public const double StallFactor = 0.5;

    /// <summary>
    /// Lowest <c>½ ln(π_i/π_max)</c> for which the scaled solve is used: √π relative to its peak stays
    /// at or above 1e-280, so the scaled right-hand sides, solutions and products in the triangular
    /// solves stay clear of the subnormal range (2.2e-308); below it the per-mode LU of G is used.
    /// </summary>
    public const double MinHalfLogScale = -644.0;

    /// <summary>Whether the equilibrium is wide enough in range to forbid the scaled solve (<see cref="MinHalfLogScale"/>).</summary>
    public static bool ScalingUnderflows(ReadOnlySpan<double> logPi)
    {
        double max = double.NegativeInfinity, min = double.PositiveInfinity;
        foreach (double l in logPi) { max = Math.Max(max, l); min = Math.Min(min, l); }
        return 0.5 * (min - max) < MinHalfLogScale;
    }

    /// <summary>
    /// Computes v₂…v_K into <paramref name="seeds"/> (overwritten; v₁ ≡ 1 is exact) and returns their
    /// componentwise residuals and the sweeps made, or null when the scaling would underflow or the
    /// projection is singular. Columns left above <see cref="AcceptResidual"/> (or all of them, after
    /// null) are for <see cref="LeftEigenvectorRefinement.Refine"/>.
    /// </summary>
    /// <param name="backward">The backward generator Lᵀ (rows sum to zero; G = −Lᵀ).</param>
    /// <param name="factor">A factorization of <c>A − σI</c>, A the symmetrized operator, any σ that is not an eigenvalue.</param>
    /// <param name="values">λ₂…λ_K.</param>
    /// <param name="symmetricModes">φ₂…φ_K (unit vectors of A).</param>
    /// <param name="logPi">ln π (cell masses).</param>
    /// <param name="seeds">Output v₂…v_K.</param>
    public static (double[] Residuals, int Sweeps)? TryCompute(CsrMatrix backward, ILinearSolver factor, double[] values,
        double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds)
    {
        return ScalingUnderflows(logPi) ? null : Iterate(backward, factor, scaled: true, values, symmetricModes, logPi, seeds);
    }

    /// <summary>
    /// As <see cref="TryCompute"/>, with a factorization of the backward generator itself,
    /// <c>G − σI</c> (<see cref="SparseLu"/>), for equilibria whose range forbids the scaled solve: one
    /// factorization for all modes instead of one per mode. Null when the projection is singular.
    /// </summary>
    /// <param name="backward">The backward generator Lᵀ (rows sum to zero; G = −Lᵀ).</param>
    /// <param name="backwardFactor">A factorization of <c>G − σI</c>, any σ that is not an eigenvalue.</param>
    /// <param name="values">λ₂…λ_K.</param>
    /// <param name="symmetricModes">φ₂…φ_K (unit vectors of A).</param>
    /// <param name="logPi">ln π (cell masses).</param>
    /// <param name="seeds">Output v₂…v_K.</param>
    public static (double[] Residuals, int Sweeps)? TryComputeWithBackwardFactor(CsrMatrix backward, ILinearSolver backwardFactor, double[] values,
        double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds)
        => Iterate(backward, backwardFactor, scaled: false, values, symmetricModes, logPi, seeds);

    private static (double[] Residuals, int Sweeps)? Iterate(CsrMatrix backward, ILinearSolver factor, bool scaled, double[] values,
        double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(values);
        int m = values.Length;
        if (m == 0) return ([], 0);
        var right = LeftEigenvectorRefinement.Seed(symmetricModes, logPi, seeds);
        int n = logPi.Length;
        var w = new Workspace(logPi, m, scaled);
        var residuals = new double[m];
        var previous = new double[m];
        Array.Fill(residuals, double.PositiveInfinity);
        var active = Enumerable.Range(0, m).ToArray();
        // each column's iterates and residuals rotate through its own buffers (the seed is the first)
        var steps = seeds.Select(seed => new ResidualMinimizingStep(seed)).ToArray();
        int sweep = 0;
        while (active.Length > 0 && sweep < MaxSweeps)
        {
            sweep++;
            Sweep(factor, steps, active, w);
            var iterates = Enumerable.Range(0, m).Select(k => active.Contains(k) ? steps[k].Next : steps[k].Current).ToArray();
            if (!Project(iterates, right, w)) return null;
            var largest = RowResiduals(backward, values, steps, active, w);
            residuals.CopyTo(previous, 0);
            for (int q = 0; q < active.Length; q++)
                residuals[active[q]] = steps[active[q]].Apply(w.Solved, q * n, LeftEigenvectorRefinement.ComponentwiseFloor * largest[q]);
            // a column at the target, or one that stalls (round-off floor or a slow contraction), is
            // kept as it is from now on (the projection mixes the kept ones slightly: all are
            // measured exactly at the end)
            active = active.Where(k => residuals[k] > ResidualTarget && residuals[k] <= StallFactor * previous[k]).ToArray();
        }
        for (int k = 0; k < m; k++)
            if (!ReferenceEquals(steps[k].Current, seeds[k])) steps[k].Current.CopyTo(seeds[k], 0);
        return (LeftEigenvectorRefinement.ComponentwiseResiduals(backward, values, seeds, matrixSign: -1.0), sweep);
    }

    /// <summary>
    /// One pass over the rows of G = −Lᵀ for all <paramref name="active"/> columns (each matrix row loaded
    /// once): the residual <c>(G − λ_k)y_k</c> of each new iterate into its column's
    /// <see cref="ResidualMinimizingStep.NextResidual"/> and the row terms <c>Σ_j |G_ij y_j| + λ_k|y_i|</c>
    /// into <see cref="Workspace.Solved"/> (column q at offset q·n); returns each column's largest row terms.
    /// </summary>
    private static double[] RowResiduals(CsrMatrix backward, double[] values, ResidualMinimizingStep[] steps, int[] active, Workspace w)
    {
        int n = w.Pi.Length, a = active.Length;
        var partial = new double[w.Chunks * a];
        var columns = active.Select(k => steps[k].Next).ToArray();
        var residuals = active.Select(k => steps[k].NextResidual).ToArray();
        var lambdas = active.Select(k => values[k]).ToArray();
        ChunkLoop.For(w.Chunks, true, c =>
        {
            var rp = backward.RowPointers; var ci = backward.ColumnIndices; var gv = backward.Values;
            var t = w.Solved;
            for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
            {
                int q0 = rp[i], q1 = rp[i + 1];
                for (int q = 0; q < a; q++)
                {
                    var v = columns[q];
                    double s = -lambdas[q] * v[i], terms = Math.Abs(s);
                    for (int e = q0; e < q1; e++) { double term = -gv[e] * v[ci[e]]; s += term; terms += Math.Abs(term); }
                    residuals[q][i] = s;
                    t[q * n + i] = terms;
                    partial[c * a + q] = Math.Max(partial[c * a + q], terms);
                }
            }
        });
        var largest = new double[a];
        for (int c = 0; c < w.Chunks; c++) for (int q = 0; q < a; q++) largest[q] = Math.Max(largest[q], partial[c * a + q]);
        return largest;
    }

    /// <summary>π, the scale (√(π/π_max), or 1 with G's own factor) and the solve blocks, allocated once for all sweeps.</summary>
    private sealed class Workspace
    {
        /// <param name="logPi">ln π.</param>
        /// <param name="m">Columns.</param>
        /// <param name="scaled">Whether the factor is the symmetrized one (scale √(π/π_max)), or G's own (scale 1).</param>
        public Workspace(ReadOnlySpan<double> logPi, int m, bool scaled)
        {
            int n = logPi.Length;
            Pi = new double[n];
            Scale = new double[n];
            double maxLog = double.NegativeInfinity;
            foreach (double l in logPi) maxLog = Math.Max(maxLog, l);
            for (int i = 0; i < n; i++) { Pi[i] = Math.Exp(logPi[i]); Scale[i] = scaled ? Math.Exp(0.5 * (logPi[i] - maxLog)) : 1.0; }
            Block = new double[n * m];
            Solved = new double[n * m];
            Chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
        }

        public double[] Pi { get; }
        public double[] Scale { get; }
        public double[] Block { get; }
        public double[] Solved { get; }
        public int Chunks { get; }
    }

    /// <summary>Cells per parallel work item of the sweeps (partial sums are added in chunk order: the result does not depend on the schedule).</summary>
    private const int Chunk = 1 << 14;

    /// <summary>
    /// One inverse-iteration sweep of the <paramref name="active"/> columns at once, from each column's
    /// current iterate into its next buffer: <c>Y ← S⁻¹ (A − σI)⁻¹ S Y</c>, the π-weighted mean removed
    /// before and after, each column scaled to max-norm 1.
    /// </summary>
    private static void Sweep(ILinearSolver factor, ResidualMinimizingStep[] steps, int[] active, Workspace w)
    {
        int n = w.Pi.Length, a = active.Length;
        var source = active.Select(k => steps[k].Current).ToArray();
        var target = active.Select(k => steps[k].Next).ToArray();
        var mean = WeightedMeans(source, w);
        ChunkLoop.For(w.Chunks, true, c =>
        {
            int i0 = c * Chunk, i1 = Math.Min(n, i0 + Chunk);
            for (int q = 0; q < a; q++)
            {
                var v = source[q];
                var b = w.Block.AsSpan(q * n, n);
                for (int i = i0; i < i1; i++) b[i] = (v[i] - mean[q]) * w.Scale[i];
            }
        });
        factor.Solve(w.Block.AsSpan(0, a * n), w.Solved.AsSpan(0, a * n), a);
        ChunkLoop.For(w.Chunks, true, c =>
        {
            int i0 = c * Chunk, i1 = Math.Min(n, i0 + Chunk);
            for (int q = 0; q < a; q++)
            {
                var v = target[q];
                var x = w.Solved.AsSpan(q * n, n);
                for (int i = i0; i < i1; i++) v[i] = x[i] / w.Scale[i];
            }
        });
        mean = WeightedMeans(target, w);
        var largest = new double[w.Chunks * a];
        ChunkLoop.For(w.Chunks, true, c =>
        {
            int i0 = c * Chunk, i1 = Math.Min(n, i0 + Chunk);
            for (int q = 0; q < a; q++)
            {
                var v = target[q];
                double shift = mean[q], max = 0.0;
                for (int i = i0; i < i1; i++) { v[i] -= shift; max = Math.Max(max, Math.Abs(v[i])); }
                largest[c * a + q] = max;
            }
        });
        for (int q = 0; q < a; q++)
        {
            double norm = 0.0;
            for (int c = 0; c < w.Chunks; c++) norm = Math.Max(norm, largest[c * a + q]);
            if (!(norm > 0) || !double.IsFinite(norm)) throw new InvalidOperationException($"Left-eigenvector block inverse iteration broke down (mode {active[q] + 2}, norm {norm}).");
            var v = target[q];
            ChunkLoop.For(w.Chunks, true, c => VectorOps.Scale(v.AsSpan(c * Chunk, Math.Min(n, (c + 1) * Chunk) - c * Chunk), 1.0 / norm));
        }
    }

    /// <summary>⟨π, y_k⟩ of the columns (π sums to one: the component along the constant mode).</summary>
    private static double[] WeightedMeans(double[][] y, Workspace w)
        => ChunkedDots([.. y.Select(v => (w.Pi, v))], w);

    /// <summary>
    /// <c>V = Y C⁻¹</c> with <c>C = UᵀY</c>, so that <c>⟨u_j, v_k⟩ = δ_jk</c>. C is inverted with its
    /// rows scaled to a unit diagonal (the columns of Y are max-norm 1, the right vectors are not),
    /// so that the pivoting sees the mixing coefficients, not the modes' magnitudes. False when C is singular.
    /// </summary>
    private static bool Project(double[][] y, double[][] right, Workspace w)
    {
        int m = y.Length, n = y[0].Length;
        var cm = CrossProducts(right, y, w);
        var diagonal = new double[m];
        for (int j = 0; j < m; j++)
        {
            diagonal[j] = cm[j, j];
            if (!(Math.Abs(diagonal[j]) > 0) || !double.IsFinite(diagonal[j])) return false;
            for (int k = 0; k < m; k++) cm[j, k] /= diagonal[j];
        }
        var inverse = LeftEigenvectorRefinement.Invert(cm);
        if (inverse is null) return false;
        // V = Y C⁻¹ chunk by chunk into the (free) solve block, then back into Y
        ChunkLoop.For(w.Chunks, true, c =>
        {
            int i0 = c * Chunk, len = Math.Min(n, i0 + Chunk) - i0;
            for (int k = 0; k < m; k++)
            {
                var v = w.Block.AsSpan(k * n + i0, len);
                v.Clear();
                for (int q = 0; q < m; q++) VectorOps.AddScaled(v, inverse[q, k] / diagonal[k], y[q].AsSpan(i0, len));
            }
            for (int k = 0; k < m; k++) w.Block.AsSpan(k * n + i0, len).CopyTo(y[k].AsSpan(i0, len));
        });
        return true;
    }

    /// <summary>
    /// <c>C = UᵀY</c> chunk by chunk (each chunk of U and Y stays in cache for its m² products), over row
    /// chunks in parallel, the chunks' sums added in chunk order (deterministic).
    /// </summary>
    private static double[,] CrossProducts(double[][] u, double[][] y, Workspace w)
    {
        int m = y.Length, n = w.Pi.Length, size = m * m;
        var partial = new double[w.Chunks * size];
        ChunkLoop.For(w.Chunks, true, c =>
        {
            int i0 = c * Chunk, len = Math.Min(n, i0 + Chunk) - i0;
            for (int j = 0; j < m; j++)
                for (int k = 0; k < m; k++) partial[c * size + j * m + k] = VectorOps.Dot(u[j].AsSpan(i0, len), y[k].AsSpan(i0, len));
        });
        var cm = new double[m, m];
        for (int c = 0; c < w.Chunks; c++) for (int j = 0; j < m; j++) for (int k = 0; k < m; k++) cm[j, k] += partial[c * size + j * m + k];
        return cm;
    }

    /// <summary>Dot products of the pairs, over row chunks in parallel, added in chunk order (deterministic).</summary>
    private static double[] ChunkedDots((double[] X, double[] Y)[] pairs, Workspace w)
    {
        int n = w.Pi.Length, p = pairs.Length;
        var partial = new double[w.Chunks * p];
        ChunkLoop.For(w.Chunks, true, c =>
        {
            int i0 = c * Chunk, len = Math.Min(n, i0 + Chunk) - i0;
            for (int j = 0; j < p; j++) partial[c * p + j] = VectorOps.Dot(pairs[j].X.AsSpan(i0, len), pairs[j].Y.AsSpan(i0, len));
        });
        var sum = new double[p];
        for (int c = 0; c < w.Chunks; c++) for (int j = 0; j < p; j++) sum[j] += partial[c * p + j];
        return sum;
    }
}
