using System.Runtime.CompilerServices;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// Left-vector seeds on the cold cells, where the naive <c>φ_k/√π</c> is round-off and was cut
/// (<see cref="LeftEigenvectorRefinement.ReliableFraction"/>): the backward eigen-equation restricted to
/// those cells, with the reliable seeds around them as boundary values, solved for all modes with one factorization.
/// </summary>
/// <remarks>
/// <para><b>The restricted problem.</b> With C the cold cells and W the rest, held at their seeds, the
/// rows of C of <c>G v = λ_k v</c> (<c>G = −Lᵀ</c>) read <c>(G_CC − λ_k I) v_C = −G_CW v_W</c>. G_CC is
/// diagonally similar to A_CC, the symmetrized operator with absorbing (Dirichlet) boundary on C's
/// border: its lowest eigenvalue μ₁ is the rate at which the process leaves the cold cells, large where
/// the drift is steep (the symmetrized operator is the Schrödinger operator
/// <c>−T∇² + |∇L|²/4T − ΔL/2</c>: its potential is large exactly where π is tiny; Risken, <i>The
/// Fokker–Planck Equation</i>, 2nd ed., §5.4).</para>
/// <para><b>One factorization for all modes.</b> With <c>s</c> the midpoint of the wanted rates,
/// <c>(G_CC − sI) v⁺ = −G_CW v_W + (λ_k − s) v</c> contracts by <c>|λ_k − s| / (μ_j − s)</c> per step
/// whenever <c>s &lt; μ₁</c>, which the factor's pivots certify (<see cref="SparseLdlt.NegativePivotCount"/>,
/// <see cref="SparseLu.NegativePivotCount"/>: zero exactly then); otherwise <c>s = 0</c>, and a column that does not contract keeps its cut seed.
/// Measured contraction per step: 0.02–0.08 on the benchmark valley (C = 15 % of the cells; rates up to
/// 8.7), 0.05–0.14 on the default scenario's fine grid (C = 51 %; there the fill is not used, its
/// equilibrium's range takes the deep-cell path of <see cref="SharedShiftLeftVectors"/>).</para>
/// <para><b>Why it pays.</b> The zeros left on C are the error the shared-shift sweeps
/// (<see cref="SharedShiftLeftVectors"/>) otherwise remove slowest: on the benchmark valley at 512²
/// they needed 6 sweeps from the cut seeds and need 2 from these (2026-12-04; the factorization on C
/// takes a seventh to a fifth of the whole grid's at 512²–1024²). The seeds of W keep their own error (up to 1e-6 relative
/// where φ is 1e-10 of its peak), which the sweeps then remove.</para>
/// </remarks>
internal static class ColdRegionSeeds
{
    /// <summary>Relative change (max-norm, per column) below which a column's iteration stops: the sweeps that follow remove the rest (on the benchmark valley at 512², 1e-6 here gives the exact solve's two sweeps, 1e-4 three).</summary>
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
    /// <param name="symmetric">
    /// The symmetrized operator A (<c>G = S⁻¹AS</c>, <c>S = diag(√π)</c>), or null. Given, and when √π
    /// over the cold cells stays within <see cref="SharedShiftLeftVectors.MinHalfLogScale"/> of its largest
    /// value there, the restricted problem is solved with the LDLᵀ of <c>A_CC − sI</c> through the
    /// scaling (half the work and storage of the LU; componentwise as accurate, <see cref="SharedShiftLeftVectors"/>);
    /// otherwise with the LU of <c>G_CC − sI</c>.
    /// </param>
    /// <param name="logPi">ln π, for the scaling (needed with <paramref name="symmetric"/>).</param>
    public static Outcome Fill(CsrMatrix backward, double[] values, bool[] cold, double[][] seeds, Permutation? ordering,
        CsrMatrix? symmetric = null, ReadOnlySpan<double> logPi = default)
    {
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(cold);
        ArgumentNullException.ThrowIfNull(seeds);
        if (cold.Length != backward.RowCount) throw new ArgumentException($"The cold mask has {cold.Length} cells, the operator {backward.RowCount}.", nameof(cold));
        if (symmetric is not null && logPi.Length != backward.RowCount)
            throw new ArgumentException($"ln π has {logPi.Length} cells, the operator {backward.RowCount}.", nameof(logPi));
        int m = values.Length;
        var scale = symmetric is null ? null : RestrictedRegion.ScaleWithin(cold, logPi);
        var region = m == 0 ? null : RestrictedRegion.Create(backward, cold, ordering, scale is null ? null : symmetric);
        if (region is null) return new Outcome(cold.Count(c => c), 0, 0);
        using var factor = ShiftedFactor.BelowTheDirichletSpectrum(region, scale, values);
        if (factor is null) return new Outcome(region.Cells.Length, 0, 0);
        var (solution, converged, steps) = Iterate(region, factor, values, seeds);
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
    /// The factor of the restricted problem at shift s: the LDLᵀ of <c>A_CC − sI</c> solved through the
    /// scaling T (<c>(G_CC − sI)⁻¹ = T⁻¹ (A_CC − sI)⁻¹ T</c>), or the LU of <c>G_CC − sI</c>.
    /// </summary>
    private sealed class ShiftedFactor : IDisposable
    {
        private readonly SparseLdlt? _ldlt;
        private readonly SparseLu? _lu;
        private readonly double[]? _scale;
        private double[] _scaled = [];

        private ShiftedFactor(SparseLdlt? ldlt, SparseLu? lu, double[]? scale, double shift)
        {
            _ldlt = ldlt;
            _lu = lu;
            _scale = scale;
            Shift = shift;
        }

        public double Shift { get; }

        public int Size => _ldlt?.Size ?? _lu!.Size;

        /// <summary>
        /// At the midpoint s of the rates when that lies below the Dirichlet spectrum (no negative
        /// pivot), else at s = 0; null when neither factorizes.
        /// </summary>
        public static ShiftedFactor? BelowTheDirichletSpectrum(RestrictedRegion region, double[]? scale, double[] values)
        {
            double mid = 0.5 * (values.Min() + values.Max());
            foreach (double shift in mid > 0 ? new[] { mid, 0.0 } : [0.0])
            {
                try
                {
                    if (scale is not null)
                    {
                        var ldlt = SparseLdlt.Create(region.Matrix, region.Symbolic, shift);
                        if (ldlt.NegativePivotCount == 0) return new ShiftedFactor(ldlt, null, scale, shift);
                        ldlt.Dispose();
                    }
                    else
                    {
                        var lu = SparseLu.Create(region.Matrix, region.Symbolic, shift);
                        if (lu.NegativePivotCount == 0) return new ShiftedFactor(null, lu, null, shift);
                        lu.Dispose();
                    }
                }
                catch (FactorizationException)
                {
                    // a zero pivot at this shift: try the next one
                }
            }
            return null;
        }

        /// <summary>Solves the first <paramref name="count"/> columns of <paramref name="b"/> (each of the region's length) into <paramref name="x"/>.</summary>
        public void Solve(double[] b, double[] x, int count)
        {
            int c = Size, total = count * c;
            if (_scale is null) { _lu!.Solve(b.AsSpan(0, total), x.AsSpan(0, total), count); return; }
            if (_scaled.Length < total) _scaled = new double[total];
            var scale = _scale;
            var scaled = _scaled;
            ChunkLoop.For(ChunkLoop.Count(c, RegionChunkCells), true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
            {
                var (r0, r1) = ChunkLoop.Range(chunk, c, RegionChunkCells);
                for (int q = 0; q < count; q++)
                    for (int r = r0; r < r1; r++) scaled[q * c + r] = b[q * c + r] * scale[r];
            });
            _ldlt!.Solve(scaled.AsSpan(0, total), x.AsSpan(0, total), count);
            ChunkLoop.For(ChunkLoop.Count(c, RegionChunkCells), true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
            {
                var (r0, r1) = ChunkLoop.Range(chunk, c, RegionChunkCells);
                for (int q = 0; q < count; q++)
                    for (int r = r0; r < r1; r++) x[q * c + r] /= scale[r];
            });
        }

        public void Dispose()
        {
            _ldlt?.Dispose();
            _lu?.Dispose();
        }
    }

    /// <summary>
    /// <c>(G_CC − sI) v⁺ = −G_CW v_W + (λ_k − s) v</c> for all columns at once (one multi-column solve per
    /// step), from <c>v = 0</c>; a column leaves the block when its change is below <see cref="Tolerance"/>
    /// (converged) or stops shrinking (not). The vector passes run over chunks of the region in parallel;
    /// each value is computed on its own and the changes are maxima, so nothing depends on the schedule.
    /// </summary>
    private static (double[] Solution, bool[] Converged, int Steps) Iterate(RestrictedRegion region, ShiftedFactor factor, double[] values, double[][] seeds)
    {
        int c = region.Cells.Length, m = values.Length;
        var boundary = region.BoundaryTerms(seeds);
        var solution = new double[c * m];
        var converged = new bool[m];
        var previousChange = Enumerable.Repeat(double.PositiveInfinity, m).ToArray();
        var active = Enumerable.Range(0, m).ToArray();
        var rhs = new double[c * m];
        var next = new double[c * m];
        int steps = 0;
        while (active.Length > 0 && steps < MaxSteps)
        {
            steps++;
            RightHandSides(active, values, factor.Shift, boundary, solution, rhs, c);
            factor.Solve(rhs, next, active.Length);
            var change = Advance(active, next, solution, c);
            var still = new List<int>(active.Length);
            for (int q = 0; q < active.Length; q++)
            {
                int k = active[q];
                if (change[q] <= Tolerance) converged[k] = true;
                else if (double.IsFinite(change[q]) && change[q] < StallFactor * previousChange[k]) still.Add(k);
                previousChange[k] = change[q];
            }
            active = [.. still];
        }
        return (solution, converged, steps);
    }

    /// <summary>Column q of <paramref name="rhs"/>: <c>−G_CW v_W + (λ_k − s) v_k</c> for k = <paramref name="active"/>[q].</summary>
    private static void RightHandSides(int[] active, double[] values, double shift, double[] boundary, double[] solution, double[] rhs, int c)
    {
        ChunkLoop.For(ChunkLoop.Count(c, RegionChunkCells), true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
        {
            var (r0, r1) = ChunkLoop.Range(chunk, c, RegionChunkCells);
            for (int q = 0; q < active.Length; q++)
            {
                int k = active[q];
                double coupling = values[k] - shift;
                for (int r = r0; r < r1; r++) rhs[q * c + r] = boundary[k * c + r] + coupling * solution[k * c + r];
            }
        });
    }

    /// <summary>
    /// Copies column q of <paramref name="next"/> into the solution of mode <paramref name="active"/>[q] and
    /// returns each column's change max|x − v| / max|x| (infinite when x is zero or not finite).
    /// </summary>
    private static double[] Advance(int[] active, double[] next, double[] solution, int c)
    {
        int a = active.Length, chunks = ChunkLoop.Count(c, RegionChunkCells);
        var largest = new double[chunks * a * 2]; // per chunk and column: max |x − v|, max |x|
        ChunkLoop.For(chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (chunk) =>
        {
            var (r0, r1) = ChunkLoop.Range(chunk, c, RegionChunkCells);
            for (int q = 0; q < a; q++)
            {
                int k = active[q];
                double diff = 0.0, size = 0.0;
                for (int r = r0; r < r1; r++)
                {
                    double x = next[q * c + r];
                    diff = Math.Max(diff, Math.Abs(x - solution[k * c + r]));
                    size = Math.Max(size, Math.Abs(x));
                    solution[k * c + r] = x;
                }
                largest[2 * (chunk * a + q)] = diff;
                largest[2 * (chunk * a + q) + 1] = size;
            }
        });
        var change = new double[a];
        for (int q = 0; q < a; q++)
        {
            double diff = 0.0, size = 0.0;
            for (int chunk = 0; chunk < chunks; chunk++)
            {
                diff = Math.Max(diff, largest[2 * (chunk * a + q)]);
                size = Math.Max(size, largest[2 * (chunk * a + q) + 1]);
            }
            change[q] = size > 0 && double.IsFinite(size) && double.IsFinite(diff) ? diff / size : double.PositiveInfinity;
        }
        return change;
    }

    /// <summary>Cells of the region per parallel work item of the vector passes.</summary>
    private const int RegionChunkCells = 1 << 14;
}
