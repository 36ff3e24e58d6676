using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Left-vector seeds on the cold cells, where the naive <c>φ_k/√π</c> is round-off and was cut
/// (<see cref="LeftEigenvectorRefinement.ReliableFraction"/>): the backward eigen-equation restricted to
/// those cells, with the reliable seeds around them as boundary values, solved for all modes with one LU.
/// </summary>
/// <remarks>
/// <para><b>The restricted problem.</b> With C the cold cells and W the rest, held at their seeds, the
/// rows of C of <c>G v = λ_k v</c> (<c>G = −Lᵀ</c>) read <c>(G_CC − λ_k I) v_C = −G_CW v_W</c>. G_CC is
/// diagonally similar to A_CC, the symmetrized operator with absorbing (Dirichlet) boundary on C's
/// border: its lowest eigenvalue μ₁ is the rate at which the process leaves the cold cells, large where
/// the drift is steep (the symmetrized operator is the Schrödinger operator
/// <c>−T∇² + |∇L|²/4T − ΔL/2</c>: its potential is large exactly where π is tiny; Risken, <i>The
/// Fokker–Planck Equation</i>, 2nd ed., §5.4).</para>
/// <para><b>One LU for all modes.</b> With <c>s</c> the midpoint of the wanted rates,
/// <c>(G_CC − sI) v⁺ = −G_CW v_W + (λ_k − s) v</c> contracts by <c>|λ_k − s| / (μ_j − s)</c> per step
/// whenever <c>s &lt; μ₁</c>, which the LU's pivots certify (<see cref="SparseLu.NegativePivotCount"/>,
/// zero exactly then); otherwise <c>s = 0</c>, and a column that does not contract keeps its cut seed.
/// Measured contraction per step: 0.02–0.08 on the benchmark valley (C = 15 % of the cells; rates up to
/// 8.7), 0.05–0.14 on the default scenario's fine grid (C = 51 %).</para>
/// <para><b>Why it pays.</b> The zeros left on C are the error the shared-shift sweeps
/// (<see cref="SharedShiftLeftVectors"/>) otherwise remove slowest: on the benchmark valley at 512²
/// they needed 6 sweeps from the cut seeds and need 2 from these (2026-12-04, the solve on C taking a
/// fifth of the cells' single factorization). The seeds of W keep their own error (up to 1e-6 relative
/// where φ is 1e-10 of its peak), which the sweeps then remove.</para>
/// </remarks>
internal static class ColdRegionSeeds
{
    /// <summary>Relative change (max-norm, per column) below which a column's iteration stops: the sweeps that follow remove the rest (on the benchmark valley, 1e-4 here gave the same two sweeps as an exact solve).</summary>
    public const double Tolerance = 1e-6;

    /// <summary>Steps at most (at the measured contraction of 0.02–0.14 per step, 5–7 reach <see cref="Tolerance"/>).</summary>
    public const int MaxSteps = 12;

    /// <summary>A column whose change shrinks by less than this factor in a step does not contract (λ_k above μ₁): it keeps its cut seed.</summary>
    public const double StallFactor = 0.5;

    /// <summary>What the fill did: cold cells, steps made, and the columns filled.</summary>
    public readonly record struct Outcome(int ColdCells, int Steps, int FilledColumns);

    /// <summary>
    /// Overwrites <paramref name="seeds"/> on the <paramref name="cold"/> cells with the solution of the
    /// restricted backward eigen-equation (boundary values: the seeds elsewhere); a column that does
    /// not converge is left as it was.
    /// </summary>
    /// <param name="backward">The backward generator Lᵀ (rows sum to zero; G = −Lᵀ).</param>
    /// <param name="values">λ₂…λ_K.</param>
    /// <param name="cold">The cells whose seeds were cut.</param>
    /// <param name="seeds">v₂…v_K, reliable off <paramref name="cold"/>.</param>
    /// <param name="ordering">A fill-reducing ordering of all cells (the eigen solve's), restricted to the cold ones; null: a nested dissection of their graph.</param>
    public static Outcome Fill(CsrMatrix backward, double[] values, bool[] cold, double[][] seeds, Permutation? ordering)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(cold);
        ArgumentNullException.ThrowIfNull(seeds);
        var region = Region.Create(backward, cold, ordering);
        int m = values.Length;
        if (region is null || m == 0) return new Outcome(region?.Cells.Length ?? 0, 0, 0);
        using var lu = FactorBelowTheDirichletSpectrum(region, values);
        if (lu is null) return new Outcome(region.Cells.Length, 0, 0);
        var (solution, converged, steps) = Iterate(region, lu.Value.Factor, lu.Value.Shift, values, seeds);
        int c = region.Cells.Length, filled = 0;
        for (int k = 0; k < m; k++)
        {
            if (!converged[k]) continue;
            filled++;
            for (int r = 0; r < c; r++) seeds[k][region.Cells[r]] = solution[k * c + r];
        }
        return new Outcome(c, steps, filled);
    }

    /// <summary>
    /// The LU of <c>G_CC − sI</c> at the midpoint s of the rates when that lies below the Dirichlet
    /// spectrum (no negative pivot), else at s = 0; null when neither factorizes.
    /// </summary>
    private static DisposableFactor? FactorBelowTheDirichletSpectrum(Region region, double[] values)
    {
        double mid = 0.5 * (values.Min() + values.Max());
        foreach (double shift in mid > 0 ? new[] { mid, 0.0 } : [0.0])
        {
            try
            {
                var lu = SparseLu.Create(region.Generator, region.Symbolic, shift);
                if (lu.NegativePivotCount == 0) return new DisposableFactor(lu, shift);
                lu.Dispose();
            }
            catch (FactorizationException)
            {
                // a zero pivot at this shift: try the next one
            }
        }
        return null;
    }

    /// <summary>The factor and its shift; disposing releases the factor.</summary>
    private readonly record struct DisposableFactor(SparseLu Factor, double Shift) : IDisposable
    {
        public void Dispose() => Factor.Dispose();
    }

    /// <summary>
    /// <c>(G_CC − sI) v⁺ = −G_CW v_W + (λ_k − s) v</c> for all columns at once (one multi-column solve per
    /// step), from <c>v = 0</c>; a column leaves the block when its change is below <see cref="Tolerance"/>
    /// (converged) or stops shrinking (not).
    /// </summary>
    private static (double[] Solution, bool[] Converged, int Steps) Iterate(Region region, SparseLu lu, double shift, double[] values, double[][] seeds)
    {
        int c = region.Cells.Length, m = values.Length;
        var boundary = region.BoundaryTerms(seeds);
        var solution = new double[c * m];
        var converged = new bool[m];
        var previousChange = Enumerable.Repeat(double.PositiveInfinity, m).ToArray();
        var active = Enumerable.Range(0, m).ToList();
        var rhs = new double[c * m];
        var next = new double[c * m];
        int steps = 0;
        while (active.Count > 0 && steps < MaxSteps)
        {
            steps++;
            int a = active.Count;
            for (int q = 0; q < a; q++)
            {
                int k = active[q];
                double coupling = values[k] - shift;
                var b = rhs.AsSpan(q * c, c);
                var v = solution.AsSpan(k * c, c);
                var g = boundary.AsSpan(k * c, c);
                for (int r = 0; r < c; r++) b[r] = g[r] + coupling * v[r];
            }
            lu.Solve(rhs.AsSpan(0, a * c), next.AsSpan(0, a * c), a);
            var still = new List<int>(a);
            for (int q = 0; q < a; q++)
            {
                int k = active[q];
                var x = next.AsSpan(q * c, c);
                var v = solution.AsSpan(k * c, c);
                double change = RelativeChange(x, v);
                x.CopyTo(v);
                if (change <= Tolerance) converged[k] = true;
                else if (double.IsFinite(change) && change < StallFactor * previousChange[k]) still.Add(k);
                previousChange[k] = change;
            }
            active = still;
        }
        return (solution, converged, steps);
    }

    /// <summary>max|x − v| / max|x| (infinite when x is zero or not finite).</summary>
    private static double RelativeChange(ReadOnlySpan<double> x, ReadOnlySpan<double> v)
    {
        double diff = 0.0, size = 0.0;
        for (int r = 0; r < x.Length; r++)
        {
            diff = Math.Max(diff, Math.Abs(x[r] - v[r]));
            size = Math.Max(size, Math.Abs(x[r]));
        }
        return size > 0 && double.IsFinite(size) && double.IsFinite(diff) ? diff / size : double.PositiveInfinity;
    }

    /// <summary>The cold cells, their block G_CC of the backward generator and its symbolic analysis.</summary>
    private sealed class Region
    {
        private readonly CsrMatrix _backward;
        private readonly bool[] _cold;

        private Region(CsrMatrix backward, bool[] cold, int[] cells, CsrMatrix generator, SymbolicFactorization symbolic)
        {
            _backward = backward;
            _cold = cold;
            Cells = cells;
            Generator = generator;
            Symbolic = symbolic;
        }

        /// <summary>Global index of each cold cell, in grid order.</summary>
        public int[] Cells { get; }

        /// <summary>G_CC = −(Lᵀ)_CC.</summary>
        public CsrMatrix Generator { get; }

        public SymbolicFactorization Symbolic { get; }

        /// <summary>The region, or null when no cell is cold.</summary>
        public static Region? Create(CsrMatrix backward, bool[] cold, Permutation? ordering)
        {
            int n = backward.RowCount;
            if (cold.Length != n) throw new ArgumentException($"The cold mask has {cold.Length} cells, the operator {n}.", nameof(cold));
            var local = new int[n];
            int c = 0;
            for (int i = 0; i < n; i++) local[i] = cold[i] ? c++ : -1;
            if (c == 0) return null;
            var cells = new int[c];
            for (int i = 0; i < n; i++) if (cold[i]) cells[local[i]] = i;
            var generator = Restrict(backward, cold, local, cells);
            Permutation? restricted = null;
            if (ordering is not null && ordering.Size == n)
            {
                var order = new int[c];
                int next = 0;
                foreach (int old in ordering.NewToOld) if (cold[old]) order[next++] = local[old];
                restricted = Permutation.FromNewToOld(order);
            }
            return new Region(backward, cold, cells, generator, SymbolicFactorization.Analyze(generator, restricted));
        }

        /// <summary>−(Lᵀ)_CC (G = −Lᵀ), columns renumbered to the cold cells (their order is kept, so columns stay sorted).</summary>
        private static CsrMatrix Restrict(CsrMatrix backward, bool[] cold, int[] local, int[] cells)
        {
            var rp = backward.RowPointers; var ci = backward.ColumnIndices; var bv = backward.Values;
            int c = cells.Length;
            var rowPointers = new int[c + 1];
            for (int r = 0; r < c; r++)
            {
                int i = cells[r], count = 0;
                for (int e = rp[i]; e < rp[i + 1]; e++) if (cold[ci[e]]) count++;
                rowPointers[r + 1] = rowPointers[r] + count;
            }
            var columns = new int[rowPointers[c]];
            var entries = new double[rowPointers[c]];
            for (int r = 0; r < c; r++)
            {
                int i = cells[r], p = rowPointers[r];
                for (int e = rp[i]; e < rp[i + 1]; e++)
                {
                    if (!cold[ci[e]]) continue;
                    columns[p] = local[ci[e]];
                    entries[p++] = -bv[e];
                }
            }
            return new CsrMatrix(c, c, rowPointers, columns, entries);
        }

        /// <summary><c>−G_CW v_W = (Lᵀ)_CW v_W</c> of every column (column k at offset k·|C|).</summary>
        public double[] BoundaryTerms(double[][] seeds)
        {
            var rp = _backward.RowPointers; var ci = _backward.ColumnIndices; var bv = _backward.Values;
            int c = Cells.Length;
            var terms = new double[c * seeds.Length];
            for (int k = 0; k < seeds.Length; k++)
            {
                var v = seeds[k];
                for (int r = 0; r < c; r++)
                {
                    int i = Cells[r];
                    double s = 0.0;
                    for (int e = rp[i]; e < rp[i + 1]; e++) if (!_cold[ci[e]]) s += bv[e] * v[ci[e]];
                    terms[k * c + r] = s;
                }
            }
            return terms;
        }
    }
}
