using System.Numerics;
using System.Runtime.CompilerServices;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Forward and backward substitution with the supernodal factor panels, for any number of
/// right-hand sides at once: each panel is read from memory once per solve, whatever the count,
/// and each vector loaded from it updates two right-hand sides (<see cref="MultiRhsKernels"/>).
/// Every column of a multi-right-hand-side solve is bit-identical to a single solve.
/// </summary>
/// <remarks>
/// Davis, <i>Direct Methods for Sparse Linear Systems</i>, SIAM 2006, §4.8 (supernodal
/// triangular solves). Forward: for each front in postorder, <c>x_s ← L₁₁⁻¹ x_s</c>, then
/// <c>x_R −= L₂₁ x_s</c> on the front's rows R below the pivots. Backward in reverse order:
/// <c>x_s ← T₁₁⁻ᵀ (x_s − T₂₁ᵀ x_R)</c> with <c>T = L</c> (LDLᵀ, after dividing by D) or
/// <c>T = Uᵀ</c> (LU). Independent subtrees of the <see cref="TreeSchedule"/> are solved in
/// parallel. Workspace is allocated on first use (or when more right-hand sides are asked for)
/// and reused; concurrent calls are serialized.
/// </remarks>
internal sealed unsafe class SupernodalSolver
{
    /// <summary>Factor entries × right-hand sides below which the solve runs on one thread (task overhead ≈ tens of µs).</summary>
    private const double ParallelMinimumWork = 1e6;

    /// <summary>
    /// Panel rows handled at a time by a group of four pivot columns when several right-hand sides
    /// are solved: four columns of this many rows (16 KiB) stay in a 32–48 KiB L1 data cache while
    /// every right-hand side is updated with them. A multiple of every <see cref="Vector{T}"/> width,
    /// so the chunked dot products keep the lane structure (and the sums) of the unchunked ones.
    /// </summary>
    private const int ChunkRows = 512;

    private readonly SymbolicFactorization _s;
    private readonly PanelStore _lower;
    private readonly PanelStore? _upperT;
    private readonly double[]? _pivots;
    private double[] _y = [];
    private double[][] _gather = [];
    private double[][] _delta = [];
    private double[][] _acc = [];
    private readonly TreeSchedule _schedule;
    private readonly int[] _permutation;
    private readonly int[] _inverse;
    private readonly int[] _topColumns;

    private readonly object _gate = new();
    private readonly int _maxFront;
    private int _workspaceCount;

    public SupernodalSolver(SymbolicFactorization s, PanelStore lower, PanelStore? upperTransposed, double[]? pivots)
    {
        _s = s;
        _lower = lower;
        _upperT = upperTransposed;
        _pivots = pivots;
        _schedule = s.Schedule;
        _permutation = s.Ordering.NewToOld.ToArray();
        _inverse = s.Ordering.OldToNew.ToArray();
        _topColumns = new int[_schedule.TopColumnCount];
        for (int j = 0; j < s.Size; j++) if (_schedule.TopColumnIndex[j] >= 0) _topColumns[_schedule.TopColumnIndex[j]] = j;
        for (int sn = 0; sn < s.SupernodeCount; sn++) _maxFront = Math.Max(_maxFront, s.FrontSize(sn));
    }

    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        int n = _s.Size;
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"count must be non-negative, got {count}.");
        long len = (long)n * count;
        if (b.Length != len) throw new ArgumentException($"b has length {b.Length}, expected Size·count = {len}.", nameof(b));
        if (x.Length != len) throw new ArgumentException($"x has length {x.Length}, expected Size·count = {len}.", nameof(x));
        if (count == 0 || n == 0) return;
        lock (_gate)
        {
            EnsureWorkspace(count);
            fixed (double* y = _y)
            fixed (double* bp = b)
            fixed (double* xp = x)
            {
                Permute(bp, y, n, count, gather: true);
                SolvePermuted(count);
                Permute(y, xp, n, count, gather: false);
            }
            // the panels are native memory read through raw pointers: keep their owner alive until here
            GC.KeepAlive(_lower);
            GC.KeepAlive(_upperT);
        }
    }

    /// <summary>Entries per parallel work item of the (random-access) permutation into and out of the factor ordering.</summary>
    private const int PermuteChunk = 1 << 16;

    /// <summary>
    /// <c>dst[i] = src[p[i]]</c> (gather into the factor ordering) or <c>dst[p[i]] = src[i]</c> (back),
    /// per right-hand side. Both directions are written as gathers, the way back through the inverse
    /// permutation (<c>dst[j] = src[p⁻¹[j]]</c>): sequential writes and scattered reads are cheaper
    /// than scattered writes (measured at 1024²: 9–12 ms for the scatter against 3–6 ms for the
    /// gather of two vectors). Chunks run in parallel once there is enough work (each entry is
    /// written once, so the result does not depend on the schedule).
    /// </summary>
    private void Permute(double* src, double* dst, int n, int count, bool gather)
    {
        var perm = gather ? _permutation : _inverse;
        int chunks = (n + PermuteChunk - 1) / PermuteChunk;
        nint s = (nint)src, d = (nint)dst;
        void Chunk(int c)
        {
            int q = c / chunks, i0 = c % chunks * PermuteChunk, i1 = Math.Min(n, i0 + PermuteChunk);
            double* sq = (double*)s + (long)q * n;
            double* dq = (double*)d + (long)q * n;
            for (int i = i0; i < i1; i++) dq[i] = sq[perm[i]];
        }
        if (chunks * count > 1) Parallel.For(0, chunks * count, Parallelism.Options, Chunk);
        else Chunk(0);
    }

    private void EnsureWorkspace(int count)
    {
        long len = (long)_s.Size * count;
        if (_y.Length < len) _y = new double[len];
        int tasks = _schedule.Subtrees.Length + 1;
        if (count > _workspaceCount)
        {
            _workspaceCount = count;
            _gather = new double[tasks][];
            _delta = new double[tasks][];
            _acc = new double[tasks][];
            for (int t = 0; t < tasks; t++)
            {
                _gather[t] = new double[(long)_maxFront * count];
                _delta[t] = new double[(long)_schedule.TopColumnCount * count];
                _acc[t] = new double[4 * count * Vector<double>.Count];
            }
        }
    }

    /// <summary>
    /// Forward solve of the subtrees (in parallel, each accumulating its updates of the top columns
    /// in a private buffer, summed afterwards in a fixed order), then of the top supernodes; the
    /// backward solve runs the other way. Results do not depend on the scheduling.
    /// </summary>
    private void SolvePermuted(int count)
    {
        int n = _s.Size;
        var sched = _schedule;
        int tasks = sched.Subtrees.Length;
        bool parallel = tasks > 1 && (double)_s.NonZerosInFactor * count >= ParallelMinimumWork;
        if (parallel) Parallel.For(0, tasks, Parallelism.Options, t => ForwardSubtree(t, count));
        else for (int t = 0; t < tasks; t++) ForwardSubtree(t, count);
        fixed (double* y = _y)
        {
            int topCount = sched.TopColumnCount;
            for (int t = 0; t < tasks; t++)
                fixed (double* d = _delta[t])
                    for (int q = 0; q < count; q++)
                    {
                        double* yq = y + (long)q * n;
                        double* dq = d + (long)q * topCount;
                        for (int c = 0; c < topCount; c++) yq[_topColumns[c]] -= dq[c];
                    }
            fixed (double* g = _gather[tasks])
            fixed (double* acc = _acc[tasks])
            {
                foreach (int sn in sched.Top) Forward(y, g, acc, count, sn, int.MaxValue, null);
                for (int i = sched.Top.Length - 1; i >= 0; i--) Backward(y, g, (Vector<double>*)acc, count, sched.Top[i]);
            }
        }
        if (parallel) Parallel.For(0, tasks, Parallelism.Options, t => BackwardSubtree(t, count));
        else for (int t = 0; t < tasks; t++) BackwardSubtree(t, count);
    }

    private void ForwardSubtree(int t, int count)
    {
        int root = _schedule.Subtrees[t];
        int limit = _s.SupernodeFirst[root + 1];
        Array.Clear(_delta[t], 0, _schedule.TopColumnCount * count);
        fixed (double* y = _y)
        fixed (double* g = _gather[t])
        fixed (double* d = _delta[t])
        fixed (double* acc = _acc[t])
            for (int sn = _s.SubtreeFirst[root]; sn <= root; sn++) Forward(y, g, acc, count, sn, limit, d);
    }

    private void BackwardSubtree(int t, int count)
    {
        int root = _schedule.Subtrees[t];
        fixed (double* y = _y)
        fixed (double* g = _gather[t])
        fixed (double* acc = _acc[t])
            for (int sn = root; sn >= _s.SubtreeFirst[root]; sn--) Backward(y, g, (Vector<double>*)acc, count, sn);
    }

    /// <summary>
    /// Forward step of supernode <paramref name="sn"/>: copies its columns of every right-hand side
    /// into the front vector <c>w</c> (length m per right-hand side, rows below the pivots zero),
    /// eliminates the pivot columns four at a time (a 4×4 triangle, then one pass of the four
    /// columns over all rows below it, diagonal block and below-diagonal rows alike), and puts the
    /// result back: pivot rows into <paramref name="y"/> (divided by D for LDLᵀ), the negated
    /// updates of the rows below added to <paramref name="y"/> or, for top columns outside this
    /// subtree, subtracted into <paramref name="delta"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(double* y, double* w, double* coef, int count, int sn, int limit, double* delta)
    {
        var rows = _s.Rows;
        var topIndex = _schedule.TopColumnIndex;
        int topCount = _schedule.TopColumnCount;
        int n = _s.Size;
        int k = _s.Columns(sn), m = _s.FrontSize(sn), f = _s.SupernodeFirst[sn], rb = _s.RowPointers[sn];
        int pairs = count & ~1;
        int chunk = count == 1 ? m : ChunkRows;
        for (int q = 0; q < count; q++)
        {
            double* wq = w + (long)q * m;
            double* yq = y + (long)q * n + f;
            for (int i = 0; i < k; i++) wq[i] = yq[i];
            new Span<double>(wq + k, m - k).Clear();
        }
        {
            double* l = _lower.Panel(sn);
            int p4 = k - k % 4;
            for (int p = 0; p < p4; p += 4)
            {
                double* c0 = l + (long)p * m;
                double* c1 = c0 + m, c2 = c1 + m, c3 = c2 + m;
                double l10 = c0[p + 1], l20 = c0[p + 2], l30 = c0[p + 3], l21 = c1[p + 2], l31 = c1[p + 3], l32 = c2[p + 3];
                for (int q = 0; q < count; q++)
                {
                    double* x = w + (long)q * m + p;
                    double x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3];
                    x1 -= l10 * x0;
                    x2 -= l20 * x0;
                    x3 -= l30 * x0;
                    x2 -= l21 * x1;
                    x3 -= l31 * x1;
                    x3 -= l32 * x2;
                    x[1] = x1; x[2] = x2; x[3] = x3;
                    double* a = coef + 4 * q;
                    a[0] = -x0; a[1] = -x1; a[2] = -x2; a[3] = -x3;
                }
                for (int r0 = p + 4; r0 < m; r0 += chunk)
                {
                    int len = Math.Min(chunk, m - r0);
                    for (int q = 0; q < pairs; q += 2)
                    {
                        double* a = coef + 4 * q;
                        if (a[0] == 0.0 && a[1] == 0.0 && a[2] == 0.0 && a[3] == 0.0
                            && a[4] == 0.0 && a[5] == 0.0 && a[6] == 0.0 && a[7] == 0.0) continue;
                        double* w0 = w + (long)q * m + r0;
                        MultiRhsKernels.AddScaled4x2(w0, w0 + m, c0 + r0, c1 + r0, c2 + r0, c3 + r0, a, a + 4, len);
                    }
                    if (pairs < count)
                    {
                        double* a = coef + 4 * pairs;
                        if (a[0] == 0.0 && a[1] == 0.0 && a[2] == 0.0 && a[3] == 0.0) continue;
                        VectorOps.AddScaled4(w + (long)pairs * m + r0, c0 + r0, c1 + r0, c2 + r0, c3 + r0,
                            a[0], a[1], a[2], a[3], len);
                    }
                }
            }
            for (int p = p4; p < k; p++)
            {
                double* lc = l + (long)p * m + p + 1;
                int len = m - p - 1;
                for (int q = 0; q < pairs; q += 2)
                {
                    double* w0 = w + (long)q * m + p;
                    double* w1 = w0 + m;
                    double v0 = w0[0], v1 = w1[0];
                    if (v0 != 0.0 || v1 != 0.0) MultiRhsKernels.SubtractScaled2(w0 + 1, w1 + 1, lc, v0, v1, len);
                }
                if (pairs < count)
                {
                    double* wq = w + (long)pairs * m + p;
                    double v = wq[0];
                    if (v != 0.0) VectorOps.SubtractScaled(wq + 1, lc, v, len);
                }
            }
        }
        for (int q = 0; q < count; q++)
        {
            double* yq = y + (long)q * n;
            double* wq = w + (long)q * m;
            if (_pivots == null) for (int i = 0; i < k; i++) yq[f + i] = wq[i];
            else for (int i = 0; i < k; i++) yq[f + i] = wq[i] / _pivots[f + i];
            double* dq = delta + (long)q * topCount;
            for (int i = k; i < m; i++)
            {
                int r = rows[rb + i];
                if (r < limit) yq[r] += wq[i];
                else dq[topIndex[r]] -= wq[i];
            }
        }
    }

    /// <summary>
    /// Backward step of supernode <paramref name="sn"/>: gathers its pivot rows and the rows below
    /// them of every right-hand side into the front vector <c>w</c>, solves the pivot rows from the
    /// last column to the first (the k mod 4 trailing columns one by one, then four at a time: four
    /// dot products over all rows below the group, read in <see cref="ChunkRows"/> chunks shared by
    /// all right-hand sides, then a 4×4 triangle), and writes the pivot rows back.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(double* y, double* w, Vector<double>* acc, int count, int sn)
    {
        var rows = _s.Rows;
        bool unit = _upperT == null;
        var panels = _upperT ?? _lower;
        int n = _s.Size;
        int k = _s.Columns(sn), m = _s.FrontSize(sn), f = _s.SupernodeFirst[sn], rb = _s.RowPointers[sn];
        int pairs = count & ~1;
        int chunk = count == 1 ? m : ChunkRows;
        int width = Vector<double>.Count;
        for (int q = 0; q < count; q++)
        {
            double* yq = y + (long)q * n;
            double* wq = w + (long)q * m;
            for (int i = 0; i < k; i++) wq[i] = yq[f + i];
            for (int i = k; i < m; i++) wq[i] = yq[rows[rb + i]];
        }
        {
            double* t = panels.Panel(sn);
            int p4 = k - k % 4;
            for (int p = k - 1; p >= p4; p--)
            {
                double* tc = t + (long)p * m;
                int len = m - p - 1;
                for (int q = 0; q < pairs; q += 2)
                {
                    double* w0 = w + (long)q * m + p;
                    double* w1 = w0 + m;
                    MultiRhsKernels.Dot2(tc + p + 1, w0 + 1, w1 + 1, len, out double d0, out double d1);
                    double v0 = w0[0] - d0, v1 = w1[0] - d1;
                    w0[0] = unit ? v0 : v0 / tc[p];
                    w1[0] = unit ? v1 : v1 / tc[p];
                }
                if (pairs < count)
                {
                    double* wq = w + (long)pairs * m + p;
                    double v = wq[0] - VectorOps.Dot(tc + p + 1, wq + 1, len);
                    wq[0] = unit ? v : v / tc[p];
                }
            }
            for (int p = p4 - 4; p >= 0; p -= 4)
            {
                double* c0 = t + (long)p * m;
                double* c1 = c0 + m, c2 = c1 + m, c3 = c2 + m;
                int start = p + 4;
                int vectorEnd = m - (m - start) % width;
                double t10 = c0[p + 1], t20 = c0[p + 2], t30 = c0[p + 3], t21 = c1[p + 2], t31 = c1[p + 3], t32 = c2[p + 3];
                double t00 = c0[p], t11 = c1[p + 1], t22 = c2[p + 2], t33 = c3[p + 3];
                new Span<Vector<double>>(acc, 4 * count).Clear();
                for (int r0 = start; r0 < vectorEnd; r0 += chunk)
                {
                    int len = Math.Min(chunk, vectorEnd - r0);
                    for (int q = 0; q < pairs; q += 2)
                    {
                        double* w0 = w + (long)q * m + r0;
                        MultiRhsKernels.AccumulateDot4x2(c0 + r0, c1 + r0, c2 + r0, c3 + r0, w0, w0 + m, len,
                            acc + 4 * q, acc + 4 * q + 4);
                    }
                    if (pairs < count)
                        MultiRhsKernels.AccumulateDot4(c0 + r0, c1 + r0, c2 + r0, c3 + r0, w + (long)pairs * m + r0, len,
                            acc + 4 * pairs);
                }
                for (int q = 0; q < count; q++)
                {
                    double* wq = w + (long)q * m;
                    MultiRhsKernels.FinishDot4(c0, c1, c2, c3, wq, vectorEnd, m, acc + 4 * q,
                        out double d0, out double d1, out double d2, out double d3);
                    double* x = wq + p;
                    double v3 = x[3] - d3;
                    v3 = unit ? v3 : v3 / t33;
                    double v2 = x[2] - d2 - t32 * v3;
                    v2 = unit ? v2 : v2 / t22;
                    double v1 = x[1] - d1 - t21 * v2 - t31 * v3;
                    v1 = unit ? v1 : v1 / t11;
                    double v0 = x[0] - d0 - t10 * v1 - t20 * v2 - t30 * v3;
                    x[0] = unit ? v0 : v0 / t00;
                    x[1] = v1; x[2] = v2; x[3] = v3;
                }
            }
        }
        for (int q = 0; q < count; q++)
        {
            double* yq = y + (long)q * n + f;
            double* wq = w + (long)q * m;
            for (int i = 0; i < k; i++) yq[i] = wq[i];
        }
    }
}
