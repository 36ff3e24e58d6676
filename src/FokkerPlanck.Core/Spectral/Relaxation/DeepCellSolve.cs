using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The left vectors on the deep cells, where √(π/π_max) leaves the normal range and the scaled solve
/// of the shared-shift sweeps cannot reach (<see cref="SharedShiftLeftVectors.MinHalfLogScale"/>): per
/// mode, the backward eigen-equation restricted to them with the other cells as boundary values,
/// <c>(G_DD − λ_k I) v_D = −G_DR v_R</c>, solved exactly with one small LU per mode.
/// </summary>
/// <remarks>
/// <para>The sweeps leave the deep cells' values as they are (the scaled right-hand side is zero there
/// and the solution cannot be unscaled), and these solves set them after every sweep from the cells
/// around them. Nothing else depends on them to working precision: the backward generator's Green's
/// function from a shallower cell to a deeper one carries the factor √(π_deep/π_shallow), and the
/// right vectors and π vanish there. So the sweeps run with the eigen solve's own LDLᵀ also where the
/// equilibrium's range exceeds the scaling, instead of an LU of the whole backward generator. The
/// deep cells are a few per cent of the grid (4.7–5.2 % on the default scenario's three grids), so
/// their LUs cost little.</para>
/// <para>Each <c>G_DD − λ_k I</c> is diagonally similar to <c>A_DD − λ_k I</c>, the symmetrized operator
/// with absorbing boundary on D's border, whose lowest eigenvalue is the rate of leaving the deep cells;
/// λ_k lies below it exactly when the LU has no negative pivot (<see cref="SparseLu.NegativePivotCount"/>),
/// and then the solve is well posed and its unpivoted LU stable. Otherwise no deep solve is made (the
/// caller falls back to the backward generator's LU).</para>
/// </remarks>
internal sealed class DeepCellSolve : IDisposable
{
    private readonly RestrictedRegion _region;
    private readonly SparseLu[] _factors;
    private readonly double[] _rhs;
    private readonly double[] _x;

    private DeepCellSolve(bool[] deep, RestrictedRegion region, SparseLu[] factors)
    {
        Deep = deep;
        _region = region;
        _factors = factors;
        _rhs = new double[region.Cells.Length];
        _x = new double[region.Cells.Length];
    }

    /// <summary>The deep cells (frozen in the sweeps).</summary>
    public bool[] Deep { get; }

    /// <summary>Number of deep cells.</summary>
    public int Count => _region.Cells.Length;

    /// <summary>
    /// The deep cells of <paramref name="logPi"/> and one LU of <c>G_DD − λ_k I</c> per mode; null when
    /// λ_k is not below the restricted spectrum for some mode (or a pivot is zero).
    /// </summary>
    /// <param name="backward">The backward generator Lᵀ (rows sum to zero; G = −Lᵀ).</param>
    /// <param name="logPi">ln π.</param>
    /// <param name="values">λ₂…λ_K.</param>
    /// <param name="ordering">A fill-reducing ordering of all cells, restricted to the deep ones; null: a nested dissection of their graph.</param>
    public static DeepCellSolve? Create(CsrMatrix backward, ReadOnlySpan<double> logPi, double[] values, Permutation? ordering)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(values);
        int n = logPi.Length;
        double max = double.NegativeInfinity;
        foreach (double l in logPi) max = Math.Max(max, l);
        var deep = new bool[n];
        for (int i = 0; i < n; i++) deep[i] = 0.5 * (logPi[i] - max) < SharedShiftLeftVectors.MinHalfLogScale;
        var region = RestrictedRegion.Create(backward, deep, ordering);
        if (region is null) return null;
        var factors = new List<SparseLu>(values.Length);
        foreach (double lambda in values)
        {
            SparseLu? lu = null;
            try { lu = SparseLu.Create(region.Matrix, region.Symbolic, lambda); }
            catch (FactorizationException) { /* a zero pivot: no deep solve */ }
            if (lu is not null && lu.NegativePivotCount == 0) { factors.Add(lu); continue; }
            lu?.Dispose();
            foreach (var f in factors) f.Dispose();
            return null;
        }
        return new DeepCellSolve(deep, region, [.. factors]);
    }

    /// <summary>Sets the deep cells of column <paramref name="k"/> (mode λ_{k+2}) from the other cells.</summary>
    public void Apply(int k, double[] column)
    {
        _region.BoundaryTerms(column, _rhs);
        _factors[k].Solve(_rhs, _x);
        var cells = _region.Cells;
        for (int r = 0; r < cells.Length; r++) column[cells[r]] = _x[r];
    }

    public void Dispose()
    {
        foreach (var f in _factors) f.Dispose();
    }
}
