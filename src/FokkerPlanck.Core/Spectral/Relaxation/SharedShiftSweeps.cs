using System.Runtime.CompilerServices;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The block passes of the shared-shift left-vector iteration (<see cref="SharedShiftLeftVectors"/>):
/// the sweep through the factor and the oblique projection, each over row chunks in parallel, partial
/// sums added in chunk order (the result does not depend on the schedule). The chunk bodies are marked
/// <c>AggressiveOptimization</c>: JIT-compiled for the machine, not precompiled (docs/startup.md, "Core precompiled").
/// </summary>
internal static class SharedShiftSweeps
{
    /// <summary>π, √π and the scale (√(π/π_max), or 1 with G's own factor), and the two solve blocks, allocated once for all sweeps.</summary>
    public sealed class Workspace
    {
        /// <param name="logPi">ln π.</param>
        /// <param name="m">Columns.</param>
        /// <param name="scaled">Whether the factor is the symmetrized one (scale √(π/π_max)), or G's own (scale 1).</param>
        public Workspace(ReadOnlySpan<double> logPi, int m, bool scaled)
        {
            int n = logPi.Length;
            SqrtPi = LeftEigenvectorRefinement.SquareRootOfMasses(logPi);
            Pi = new double[n];
            Scale = new double[n];
            Chunks = Math.Max(1, (n + Chunk - 1) / Chunk);
            // √(π/π_max) from √π: π sums to one, so √π_max ≥ n^(−1/2) and √π stays in the normal range
            // wherever the ratio does (down to e^−644, MinHalfLogScale); beyond, the cells are frozen
            double peak = SqrtPi.Max();
            ChunkLoop.For(Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
            {
                for (int i = c * Chunk, i1 = Math.Min(n, i + Chunk); i < i1; i++)
                {
                    Pi[i] = SqrtPi[i] * SqrtPi[i];
                    Scale[i] = scaled ? SqrtPi[i] / peak : 1.0;
                }
            });
            Block = new double[n * m];
            Solved = new double[n * m];
        }

        public double[] Pi { get; }
        public double[] SqrtPi { get; }
        public double[] Scale { get; }
        public double[] Block { get; }
        public double[] Solved { get; }
        public int Chunks { get; }
    }

    /// <summary>Cells per parallel work item of the sweeps (partial sums are added in chunk order: the result does not depend on the schedule).</summary>
    public const int Chunk = 1 << 14;

    /// <summary>
    /// One inverse-iteration sweep of the <paramref name="active"/> columns at once, in place:
    /// <c>Y ← S⁻¹ (A − σI)⁻¹ S Y</c>, the π-weighted mean removed before and after, each column scaled to
    /// max-norm 1 over the cells that are not frozen.
    /// Cells marked <paramref name="frozen"/> (beyond the scaling's range, <see cref="DeepCellSolve"/>) keep their values.
    /// </summary>
    public static void Sweep(ILinearSolver factor, double[][] columns, int[] active, Workspace w, bool[]? frozen = null)
    {
        int n = w.Pi.Length, a = active.Length;
        var v = active.Select(k => columns[k]).ToArray();
        var mean = WeightedMeans(v, w);
        ChunkLoop.For(w.Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            int i0 = c * Chunk, i1 = Math.Min(n, i0 + Chunk);
            for (int q = 0; q < a; q++)
            {
                var b = w.Block.AsSpan(q * n, n);
                for (int i = i0; i < i1; i++) b[i] = (v[q][i] - mean[q]) * w.Scale[i];
            }
        });
        factor.Solve(w.Block.AsSpan(0, a * n), w.Solved.AsSpan(0, a * n), a);
        ChunkLoop.For(w.Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            int i0 = c * Chunk, i1 = Math.Min(n, i0 + Chunk);
            for (int q = 0; q < a; q++)
            {
                var x = w.Solved.AsSpan(q * n, n);
                if (frozen is null) for (int i = i0; i < i1; i++) v[q][i] = x[i] / w.Scale[i];
                else for (int i = i0; i < i1; i++) if (!frozen[i]) v[q][i] = x[i] / w.Scale[i];
            }
        });
        mean = WeightedMeans(v, w);
        var largest = new double[w.Chunks * a];
        ChunkLoop.For(w.Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            int i0 = c * Chunk, i1 = Math.Min(n, i0 + Chunk);
            for (int q = 0; q < a; q++)
            {
                double shift = mean[q], max = 0.0;
                // the norm over the cells the sweep reaches: a frozen cell's value may be far larger (a
                // left vector grows into the cold walls) and would push the others toward underflow
                for (int i = i0; i < i1; i++)
                {
                    v[q][i] -= shift;
                    if (frozen is null || !frozen[i]) max = Math.Max(max, Math.Abs(v[q][i]));
                }
                largest[c * a + q] = max;
            }
        });
        for (int q = 0; q < a; q++)
        {
            double norm = 0.0;
            for (int c = 0; c < w.Chunks; c++) norm = Math.Max(norm, largest[c * a + q]);
            if (!(norm > 0) || !double.IsFinite(norm)) throw new InvalidOperationException($"Left-eigenvector block inverse iteration broke down (mode {active[q] + 2}, norm {norm}).");
            var column = v[q];
            ChunkLoop.For(w.Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) => VectorOps.Scale(column.AsSpan(c * Chunk, Math.Min(n, (c + 1) * Chunk) - c * Chunk), 1.0 / norm));
        }
    }

    /// <summary>⟨π, y_k⟩ of the columns (π sums to one: the component along the constant mode).</summary>
    private static double[] WeightedMeans(double[][] y, Workspace w)
        => ChunkedDots([.. y.Select(v => (w.Pi, v, (double[]?)null))], w);

    /// <summary>
    /// <c>V = Y C⁻¹</c> with <c>C = UᵀY</c>, <c>u_j = √π φ_j</c> the right vectors, so that
    /// <c>⟨u_j, v_k⟩ = δ_jk</c>. C is inverted with its rows scaled to a unit diagonal (the columns of Y
    /// are max-norm 1, the right vectors are not), so that the pivoting sees the mixing coefficients, not
    /// the modes' magnitudes. False when C is singular.
    /// </summary>
    public static bool Project(double[][] y, double[][] symmetricModes, Workspace w)
    {
        int m = y.Length, n = y[0].Length;
        // C = UᵀY: the m² products chunk by chunk (each chunk of φ, √π and Y stays in cache for all of them)
        var dots = ChunkedDots([.. Enumerable.Range(0, m * m).Select(p => (symmetricModes[p / m], y[p % m], (double[]?)w.SqrtPi))], w);
        var cm = new double[m, m];
        for (int j = 0; j < m; j++) for (int k = 0; k < m; k++) cm[j, k] = dots[j * m + k];
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
        ChunkLoop.For(w.Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
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

    /// <summary>Σ_i x_i y_i (z_i) of the pairs (triples where z is given), over row chunks in parallel, added in chunk order (deterministic).</summary>
    private static double[] ChunkedDots((double[] X, double[] Y, double[]? Z)[] terms, Workspace w)
    {
        int n = w.Pi.Length, p = terms.Length;
        var partial = new double[w.Chunks * p];
        ChunkLoop.For(w.Chunks, true, [MethodImpl(MethodImplOptions.AggressiveOptimization)] (c) =>
        {
            int i0 = c * Chunk, len = Math.Min(n, i0 + Chunk) - i0;
            for (int j = 0; j < p; j++)
            {
                var (x, y, z) = terms[j];
                if (z is null) { partial[c * p + j] = VectorOps.Dot(x.AsSpan(i0, len), y.AsSpan(i0, len)); continue; }
                double s = 0.0;
                for (int i = i0; i < i0 + len; i++) s += x[i] * z[i] * y[i];
                partial[c * p + j] = s;
            }
        });
        var sum = new double[p];
        for (int c = 0; c < w.Chunks; c++) for (int j = 0; j < p; j++) sum[j] += partial[c * p + j];
        return sum;
    }
}
