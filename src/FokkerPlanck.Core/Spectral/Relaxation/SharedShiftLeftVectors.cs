using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
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
/// (<see cref="MinHalfLogScale"/>); there the sweeps leave the deep cells alone and a small LU per mode
/// solves for them from the cells around them after every sweep (<see cref="DeepCellSolve"/>), so the
/// eigen solve's LDLᵀ still serves. On the default scenario's grids (two-basin, 16k–65k cells, π down
/// to 1e-940 of its peak, 4.7–5.2 % of the cells deep) this replaced one LU of the whole backward
/// generator per solve: the `mpemba` job's peak fell from 232–246 to 189–194 MiB and its computation
/// from 1.65–1.78 to 1.55–1.70 s (2026-12-04). Where the deep solve is not possible (a rate above the
/// deep cells' restricted spectrum) the same iteration runs with one LU of <c>G − σI</c> itself
/// (<see cref="TryComputeWithBackwardFactor"/>).</para>
/// <para><b>One shift for all modes.</b> The seeds <c>φ_k/√π</c> are kept where φ_k is significant
/// (<see cref="LeftEigenvectorRefinement.ReliableFraction"/>) and filled on the cold cells, where it is
/// not, by the backward equation restricted to them (<see cref="ColdRegionSeeds"/>); what error is left
/// has components along every left mode j of size <c>⟨u_j, e_k⟩</c>. After a sweep
/// <c>Y ← (G − σI)⁻¹ Y</c>, the oblique projection <c>V = Y (UᵀY)⁻¹</c> with the accurate right vectors U
/// removes the components along the wanted modes exactly (<c>UᵀV = I</c>, Saad, <i>Numerical Methods for
/// Large Eigenvalue Problems</i>, 2nd ed., §4.3 and §5.1, subspace iteration with a projection step), and
/// those along any other mode j shrink by <c>|λ_k − σ|/|λ_j − σ|</c> per sweep (the constant mode is
/// removed by its own projection, the π-weighted mean). A column is swept until its componentwise
/// residual (<see cref="LeftEigenvectorRefinement.ComponentwiseResiduals"/>, every row against its own
/// terms: the norm-wise residual is blind to the small rows of a graded vector) reaches
/// <see cref="ResidualTarget"/> or stalls (<see cref="StallFactor"/>). A mode of a metastable basin with
/// little mass can keep a large component along a neighbouring unwanted mode (|λ_k − σ| ≈ |λ_j − σ|: in
/// a cold double well the two wells' ladders interleave); such a column is left for the per-mode
/// refinement. Measured on the benchmark valley at 512² (interior σ ≈ 4.4, rates 0.18 … 8.7,
/// 2026-12-04): 2 sweeps from the filled seeds, 6 from the cut ones.</para>
/// <para><b>Cost.</b> Per sweep: one multi-column solve, two passes over G for the componentwise
/// residuals of the swept columns, and vector passes chunk by chunk; the iterates are the output arrays
/// themselves (two n × m blocks of workspace besides them).</para>
/// </remarks>
public static class SharedShiftLeftVectors
{
    /// <summary>What the shared-shift iteration reached.</summary>
    /// <param name="Residuals">Componentwise residuals of v₂…v_K (<see cref="LeftEigenvectorRefinement.ComponentwiseResiduals"/>).</param>
    /// <param name="Normwise">Norm-wise residuals of the same vectors (<see cref="LeftEigenvectorRefinement.Residuals(CsrMatrix, double[], double[][], double)"/>), from the same passes.</param>
    /// <param name="Sweeps">Sweeps made.</param>
    public readonly record struct SharedShiftResult(double[] Residuals, double[] Normwise, int Sweeps);

    /// <summary>Componentwise residual at which a column is done: every row to 1e-12 of its own terms, within an order of where the per-mode refinement ends on the benchmark valley (5e-16 … 3e-13) and three orders below the 1e-9 norm-wise residual the tests ask of left vectors.</summary>
    public const double ResidualTarget = 1e-12;

    /// <summary>Componentwise residual above which a column is not accepted (the caller refines it per mode): it then certifies every row above the floor to about 1e-11 relative, two orders tighter than the 1e-9 norm-wise residual the tests ask of left vectors.</summary>
    public const double AcceptResidual = 1e-11;

    /// <summary>Sweeps at most: the benchmark valley needs 2, the default scenario's grids up to 9; a column still short of the target after twelve is cheaper to hand to the per-mode refinement.</summary>
    public const int MaxSweeps = 12;

    /// <summary>A column whose residual a sweep lowers by less than this factor is no longer swept (round-off floor, or a contraction too slow to pay: the per-mode refinement takes it).</summary>
    public const double StallFactor = 0.5;

    /// <summary>
    /// Lowest <c>½ ln(π_i/π_max)</c> for which the scaled solve is used: √π relative to its peak stays
    /// at or above 1e-280, so the scaled right-hand sides, solutions and products in the triangular
    /// solves stay clear of the subnormal range (2.2e-308); cells below it are solved apart (<see cref="DeepCellSolve"/>).
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
    /// componentwise and norm-wise residuals and the sweeps made, or null when the scaling underflows and the deep
    /// cells cannot be solved apart, or the projection is singular. Columns left above <see cref="AcceptResidual"/> (or all of them, after
    /// null) are for <see cref="LeftEigenvectorRefinement.Refine"/>.
    /// </summary>
    /// <param name="backward">The backward generator Lᵀ (rows sum to zero; G = −Lᵀ).</param>
    /// <param name="factor">A factorization of <c>A − σI</c>, A the symmetrized operator, any σ that is not an eigenvalue.</param>
    /// <param name="values">λ₂…λ_K.</param>
    /// <param name="symmetricModes">φ₂…φ_K (unit vectors of A).</param>
    /// <param name="logPi">ln π (cell masses).</param>
    /// <param name="seeds">Output v₂…v_K.</param>
    /// <param name="ordering">The eigen solve's fill-reducing ordering of the cells (restricted to the cold ones for <see cref="ColdRegionSeeds"/>), or null.</param>
    /// <param name="symmetric">The symmetrized operator A, for the cold cells' solve (<see cref="ColdRegionSeeds.Fill"/>), or null.</param>
    public static SharedShiftResult? TryCompute(CsrMatrix backward, ILinearSolver factor, double[] values,
        double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds, Permutation? ordering = null, CsrMatrix? symmetric = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!ScalingUnderflows(logPi)) return Iterate(backward, factor, scaled: true, values, symmetricModes, logPi, seeds, ordering, symmetric, deep: null);
        using var deep = DeepCellSolve.Create(backward, logPi, values, ordering);
        return deep is null ? null : Iterate(backward, factor, scaled: true, values, symmetricModes, logPi, seeds, ordering, symmetric, deep);
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
    public static SharedShiftResult? TryComputeWithBackwardFactor(CsrMatrix backward, ILinearSolver backwardFactor, double[] values,
        double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds)
        => Iterate(backward, backwardFactor, scaled: false, values, symmetricModes, logPi, seeds, ordering: null, symmetric: null, deep: null);

    private static SharedShiftResult? Iterate(CsrMatrix backward, ILinearSolver factor, bool scaled, double[] values,
        double[][] symmetricModes, ReadOnlySpan<double> logPi, double[][] seeds, Permutation? ordering, CsrMatrix? symmetric, DeepCellSolve? deep)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentNullException.ThrowIfNull(values);
        int m = values.Length;
        if (m == 0) return new SharedShiftResult([], [], 0);
        var w = new SharedShiftSweeps.Workspace(logPi, m, scaled);
        var cold = LeftEigenvectorRefinement.Seed(symmetricModes, w.SqrtPi, seeds);
        // the cold cells' solve pays where the scaled sweeps do the rest; with G's own LU, or deep cells
        // beyond the scaling, the cold set is most of the grid (half on the default scenario) and its LU
        // costs more than the sweeps it saves
        if (scaled && deep is null) ColdRegionSeeds.Fill(backward, values, cold, seeds, ordering, symmetric, logPi);
        var residuals = Enumerable.Repeat(double.PositiveInfinity, m).ToArray();
        var normwise = new double[m];
        var active = Enumerable.Range(0, m).ToArray();
        int sweep = 0;
        bool allMeasured = false; // the last sweep measured every column after its projection
        while (active.Length > 0 && sweep < MaxSweeps)
        {
            sweep++;
            allMeasured = active.Length == m;
            SharedShiftSweeps.Sweep(factor, seeds, active, w, deep?.Deep);
            if (!SharedShiftSweeps.Project(seeds, symmetricModes, w)) return null;
            if (deep is not null) for (int k = 0; k < m; k++) deep.Apply(k, seeds[k]);
            var (nowNormwise, now) = LeftEigenvectorRefinement.BothResiduals(backward, [.. active.Select(k => values[k])], [.. active.Select(k => seeds[k])], matrixSign: -1.0);
            // a column at the target, or one that stalls (round-off floor or a slow contraction), is
            // kept as it is from now on (the projection mixes the kept ones slightly: all are
            // measured exactly at the end)
            var still = new List<int>(active.Length);
            for (int q = 0; q < active.Length; q++)
            {
                int k = active[q];
                if (now[q] > ResidualTarget && now[q] <= StallFactor * residuals[k]) still.Add(k);
                residuals[k] = now[q];
                normwise[k] = nowNormwise[q];
            }
            active = [.. still];
        }
        // the residuals of the last sweep are those of the final vectors when it measured them all (two
        // passes over G saved); otherwise the projection has moved the columns kept since
        if (allMeasured) return new SharedShiftResult(residuals, normwise, sweep);
        var (finalNormwise, final) = LeftEigenvectorRefinement.BothResiduals(backward, values, seeds, matrixSign: -1.0);
        return new SharedShiftResult(final, finalNormwise, sweep);
    }
}
