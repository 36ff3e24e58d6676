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
/// <c>T = Uᵀ</c> (LU). Workspace is allocated on first use and reused; instances are not
/// thread-safe.
/// </remarks>
internal sealed unsafe class SupernodalSolver
{
    private readonly SymbolicFactorization _s;
    private readonly PanelStore _lower;
    private readonly PanelStore? _upperT;
    private readonly double[]? _pivots;
    private double[] _y = [];
    private double[] _gather = [];
    private readonly object _gate = new();
    private readonly int _maxBelow;

    public SupernodalSolver(SymbolicFactorization s, PanelStore lower, PanelStore? upperTransposed, double[]? pivots)
    {
        _s = s;
        _lower = lower;
        _upperT = upperTransposed;
        _pivots = pivots;
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
            if (_y.Length < len) _y = new double[len];
            if (_gather.Length < (long)_maxBelow * count) _gather = new double[(long)_maxBelow * count];
            var perm = _s.Ordering.NewToOld;
            for (int q = 0; q < count; q++)
            {
                var bq = b.Slice(q * n, n);
                var yq = _y.AsSpan(q * n, n);
                for (int i = 0; i < n; i++) yq[i] = bq[perm[i]];
            }
            fixed (double* y = _y)
            fixed (double* g = _gather)
            {
                Forward(y, g, n, count);
                if (_pivots != null)
                {
                    for (int q = 0; q < count; q++)
                        for (int i = 0; i < n; i++) y[i + (long)q * n] /= _pivots[i];
                }
                Backward(y, g, n, count);
            }
            for (int q = 0; q < count; q++)
            {
                var xq = x.Slice(q * n, n);
                var yq = _y.AsSpan(q * n, n);
                for (int i = 0; i < n; i++) xq[perm[i]] = yq[i];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Forward(double* y, double* g, int n, int count)
    {
        var rows = _s.Rows;
        for (int sn = 0; sn < _s.SupernodeCount; sn++)
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
                if (below == 0) continue;
                new Span<double>(g, below * count).Clear();
                for (int p = 0; p < k; p++)
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
                    for (int i = 0; i < below; i++) yq[rows[rb + k + i]] -= gq[i];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Backward(double* y, double* g, int n, int count)
    {
        var rows = _s.Rows;
        bool unit = _upperT == null;
        var panels = _upperT ?? _lower;
        for (int sn = _s.SupernodeCount - 1; sn >= 0; sn--)
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
                    for (int p = 0; p < k; p++)
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
