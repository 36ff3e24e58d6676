using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Spectral.Relaxation;

/// <summary>
/// The block passes of the shared-shift left-vector iteration (<see cref="SharedShiftLeftVectors"/>):
/// the sweep through the factor, the oblique projection, the residual rows; each over row chunks in
/// parallel, partial sums added in chunk order (the result does not depend on the schedule).
/// </summary>
internal static class SharedShiftSweeps
{
    /// <summary>
    /// One pass over the rows of G = −Lᵀ for all <paramref name="active"/> columns (each matrix row loaded
    /// once): the residual <c>(G − λ_k)y_k</c> of each new iterate into its column's
    /// <see cref="ResidualMinimizingStep.NextResidual"/> and the row terms <c>Σ_j |G_ij y_j| + λ_k|y_i|</c>
    /// into <see cref="Workspace.Solved"/> (column q at offset q·n); returns each column's largest row terms.
    /// </summary>
    public static double[] RowResiduals(CsrMatrix backward, double[] values, ResidualMinimizingStep[] steps, int[] active, Workspace w)
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
    public sealed class Workspace
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
    public const int Chunk = 1 << 14;

    /// <summary>
    /// One inverse-iteration sweep of the <paramref name="active"/> columns at once, from each column's
    /// current iterate into its next buffer: <c>Y ← S⁻¹ (A − σI)⁻¹ S Y</c>, the π-weighted mean removed
    /// before and after, each column scaled to max-norm 1.
    /// </summary>
    public static void Sweep(ILinearSolver factor, ResidualMinimizingStep[] steps, int[] active, Workspace w)
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
    public static bool Project(double[][] y, double[][] right, Workspace w)
    {
        int m = y.Length, n = y[0].Length;
        // C = UᵀY: the m² products chunk by chunk (each chunk of U and Y stays in cache for all of them)
        var dots = ChunkedDots([.. Enumerable.Range(0, m * m).Select(p => (right[p / m], y[p % m]))], w);
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
