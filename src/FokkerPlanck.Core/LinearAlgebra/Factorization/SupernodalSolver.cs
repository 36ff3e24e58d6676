using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Forward and backward substitution with the supernodal factor panels, for any number of
/// right-hand sides at once: each panel is read from memory once per solve, whatever the count.
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

    private readonly SymbolicFactorization _s;
    private readonly PanelStore _lower;
    private readonly PanelStore? _upperT;
    private readonly double[]? _pivots;
    private double[] _y = [];
    private double[][] _gather = [];
    private double[][] _delta = [];
    private readonly TreeSchedule _schedule;
    private readonly int[] _topColumns;

    private readonly object _gate = new();
    private readonly int _maxBelow;
    private int _workspaceCount;

    public SupernodalSolver(SymbolicFactorization s, PanelStore lower, PanelStore? upperTransposed, double[]? pivots)
    {
        _s = s;
        _lower = lower;
        _upperT = upperTransposed;
        _pivots = pivots;
        _schedule = s.Schedule;
        _topColumns = new int[_schedule.TopColumnCount];
        for (int j = 0; j < s.Size; j++) if (_schedule.TopColumnIndex[j] >= 0) _topColumns[_schedule.TopColumnIndex[j]] = j;
        for (int sn = 0; sn < s.SupernodeCount; sn++) _maxBelow = Math.Max(_maxBelow, s.FrontSize(sn) - s.Columns(sn));
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
            var perm = _s.Ordering.NewToOld;
            for (int q = 0; q < count; q++)
            {
                var bq = b.Slice(q * n, n);
                var yq = _y.AsSpan(q * n, n);
                for (int i = 0; i < n; i++) yq[i] = bq[perm[i]];
            }
            SolvePermuted(count);
            for (int q = 0; q < count; q++)
            {
                var xq = x.Slice(q * n, n);
                var yq = _y.AsSpan(q * n, n);
                for (int i = 0; i < n; i++) xq[perm[i]] = yq[i];
            }
        }
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
            for (int t = 0; t < tasks; t++)
            {
                _gather[t] = new double[(long)_maxBelow * count];
                _delta[t] = new double[(long)_schedule.TopColumnCount * count];
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
        if (parallel) Parallel.For(0, tasks, t => ForwardSubtree(t, count));
        else for (int t = 0; t < tasks; t++) ForwardSubtree(t, count);
        fixed (double* y = _y)
        {
            int topCount = sched.TopColumnCount;
            for (int t = 0; t < tasks; t++)
            {
                var d = _delta[t];
                for (int q = 0; q < count; q++)
                {
                    double* yq = y + (long)q * n;
                    int dq = q * topCount;
                    for (int c = 0; c < topCount; c++) yq[_topColumns[c]] -= d[dq + c];
                }
            }
            fixed (double* g = _gather[tasks])
                foreach (int sn in sched.Top) Forward(y, g, n, count, sn, int.MaxValue, null);
            if (_pivots != null)
            {
                for (int q = 0; q < count; q++)
                    for (int i = 0; i < n; i++) y[i + (long)q * n] /= _pivots[i];
            }
            fixed (double* g = _gather[tasks])
                for (int i = sched.Top.Length - 1; i >= 0; i--) Backward(y, g, n, count, sched.Top[i]);
        }
        if (parallel) Parallel.For(0, tasks, t => BackwardSubtree(t, count));
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
            for (int sn = _s.SubtreeFirst[root]; sn <= root; sn++) Forward(y, g, _s.Size, count, sn, limit, d);
    }

    private void BackwardSubtree(int t, int count)
    {
        int root = _schedule.Subtrees[t];
        fixed (double* y = _y)
        fixed (double* g = _gather[t])
            for (int sn = root; sn >= _s.SubtreeFirst[root]; sn--) Backward(y, g, _s.Size, count, sn);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(double* y, double* g, int n, int count, int sn, int limit, double* delta)
    {
        var rows = _s.Rows;
        var topIndex = _schedule.TopColumnIndex;
        int topCount = _schedule.TopColumnCount;
        {
            int k = _s.Columns(sn), m = _s.FrontSize(sn), f = _s.SupernodeFirst[sn], rb = _s.RowPointers[sn];
            int below = m - k;
            fixed (double* la = _lower.Array(sn))
            {
                double* l = la + _lower.Offset(sn);
                for (int p = 0; p < k; p++)
                {
                    double* lc = l + (long)p * m;
                    for (int q = 0; q < count; q++)
                    {
                        double* yq = y + (long)q * n + f;
                        double v = yq[p];
                        if (v != 0.0) VectorKernels.SubtractScaled(yq + p + 1, lc + p + 1, v, k - p - 1);
                    }
                }
                if (below == 0) return;
                new Span<double>(g, below * count).Clear();
                int p4 = k - k % 4;
                for (int p = 0; p < p4; p += 4)
                {
                    double* l0 = l + (long)p * m + k;
                    for (int q = 0; q < count; q++)
                    {
                        double* yp = y + (long)q * n + f + p;
                        VectorKernels.AddScaled4(g + (long)q * below, l0, l0 + m, l0 + 2 * m, l0 + 3 * m,
                            yp[0], yp[1], yp[2], yp[3], below);
                    }
                }
                for (int p = p4; p < k; p++)
                {
                    double* lc = l + (long)p * m + k;
                    for (int q = 0; q < count; q++)
                    {
                        double v = y[(long)q * n + f + p];
                        if (v != 0.0) VectorKernels.SubtractScaled(g + (long)q * below, lc, -v, below);
                    }
                }
                for (int q = 0; q < count; q++)
                {
                    double* yq = y + (long)q * n;
                    double* gq = g + (long)q * below;
                    double* dq = delta + (long)q * topCount;
                    for (int i = 0; i < below; i++)
                    {
                        int r = rows[rb + k + i];
                        if (r < limit) yq[r] -= gq[i];
                        else dq[topIndex[r]] += gq[i];
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(double* y, double* g, int n, int count, int sn)
    {
        var rows = _s.Rows;
        bool unit = _upperT == null;
        var panels = _upperT ?? _lower;
        {
            int k = _s.Columns(sn), m = _s.FrontSize(sn), f = _s.SupernodeFirst[sn], rb = _s.RowPointers[sn];
            int below = m - k;
            fixed (double* ta = panels.Array(sn))
            {
                double* t = ta + panels.Offset(sn);
                if (below > 0)
                {
                    for (int q = 0; q < count; q++)
                    {
                        double* yq = y + (long)q * n;
                        double* gq = g + (long)q * below;
                        for (int i = 0; i < below; i++) gq[i] = yq[rows[rb + k + i]];
                    }
                    int p4 = k - k % 4;
                    for (int p = 0; p < p4; p += 4)
                    {
                        double* t0 = t + (long)p * m + k;
                        for (int q = 0; q < count; q++)
                        {
                            VectorKernels.Dot4(t0, t0 + m, t0 + 2 * m, t0 + 3 * m, g + (long)q * below, below,
                                out double d0, out double d1, out double d2, out double d3);
                            double* yp = y + (long)q * n + f + p;
                            yp[0] -= d0; yp[1] -= d1; yp[2] -= d2; yp[3] -= d3;
                        }
                    }
                    for (int p = p4; p < k; p++)
                    {
                        double* tc = t + (long)p * m + k;
                        for (int q = 0; q < count; q++)
                            y[(long)q * n + f + p] -= VectorKernels.Dot(tc, g + (long)q * below, below);
                    }
                }
                for (int p = k - 1; p >= 0; p--)
                {
                    double* tc = t + (long)p * m;
                    for (int q = 0; q < count; q++)
                    {
                        double* yq = y + (long)q * n + f;
                        double v = yq[p] - VectorKernels.Dot(tc + p + 1, yq + p + 1, k - p - 1);
                        yq[p] = unit ? v : v / tc[p];
                    }
                }
            }
        }
    }
}
