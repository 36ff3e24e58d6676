using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Numeric multifrontal factorization driver shared by <see cref="SparseLdlt"/> and
/// <see cref="SparseLu"/>: assembles each front from the matrix and its children's contribution
/// blocks (extend-add), factorizes its pivots with the dense kernels and keeps the factor panels.
/// </summary>
/// <remarks>
/// Duff and Reid, ACM TOMS 9 (1983); Liu, SIAM Review 34 (1992), §4–5. Parallelism: the
/// supernodal elimination tree is cut into independent subtrees (largest first until each
/// is a small share of the work) that run as parallel tasks; the fronts above the cut run in
/// order with a parallel dense update (<see cref="TreeSchedule"/>). Each front's arithmetic and the order of its
/// children's extend-adds are fixed, so the factors are bit-identical for any scheduling.
/// </remarks>
internal sealed unsafe class MultifrontalFactorizer
{
    /// <summary>Progress is reported at most this many times per factorization.</summary>
    private const int ProgressSteps = 100;

    private readonly SymbolicFactorization _s;
    private readonly CsrMatrix _a;
    private readonly double _shift;
    private readonly bool _symmetric;
    private readonly PanelStore _lower;
    private readonly PanelStore? _upper;
    private readonly double[]? _pivots;
    private readonly double[]?[] _contribution;
    private readonly ArrayPool<double> _pool;
    private readonly IProgress<double>? _progress;
    private readonly double _totalFlops;
    private long _doneFlops;
    private int _reportedStep;
    private volatile bool _failed;
    private bool _pristine;

    /// <summary>Prepares a factorization; existing panel storage (same symbolic analysis) is reused when given.</summary>
    /// <param name="s">The symbolic analysis of <paramref name="a"/>'s pattern.</param>
    /// <param name="a">The matrix.</param>
    /// <param name="symmetric">LDLᵀ (lower triangles only) or LU.</param>
    /// <param name="progress">Receives the completed fraction of the flops.</param>
    /// <param name="lower">Factor storage to reuse.</param>
    /// <param name="upper">Upper factor storage to reuse (LU).</param>
    /// <param name="pivots">Pivot array to reuse (LDLᵀ).</param>
    /// <param name="pool">Front buffer pool to reuse.</param>
    /// <param name="shift">σ: the factorization is of <c>A − σI</c>, subtracted on each front's pivot diagonal
    /// as it is assembled (the same values as assembling a shifted copy of A, without making one).</param>
    public MultifrontalFactorizer(SymbolicFactorization s, CsrMatrix a, bool symmetric, IProgress<double>? progress,
        PanelStore? lower = null, PanelStore? upper = null, double[]? pivots = null, ArrayPool<double>? pool = null, double shift = 0.0)
    {
        _s = s;
        _a = a;
        _shift = shift;
        _symmetric = symmetric;
        int ns = s.SupernodeCount;
        _lower = lower ?? new PanelStore(s);
        _upper = symmetric ? null : upper ?? new PanelStore(s);
        _pivots = symmetric ? pivots ?? new double[s.Size] : null;
        _contribution = new double[ns][];
        _pool = pool ?? CreatePool(s);
        _progress = progress;
        _totalFlops = symmetric ? s.LdltFlops : s.LuFlops;
    }

    /// <summary>
    /// Arrays per size class kept by the front pool: one front, one packing buffer and one waiting
    /// contribution block per concurrently running task, with slack.
    /// </summary>
    private static readonly int PoolArraysPerBucket = 2 * Environment.ProcessorCount + 2;

    /// <summary>Front/contribution buffer pool sized for <paramref name="s"/>; keep it to reuse fronts across refactorizations.</summary>
    public static ArrayPool<double> CreatePool(SymbolicFactorization s)
    {
        long maxFront = (long)s.MaxFrontDimension * s.MaxFrontDimension;
        return ArrayPool<double>.Create((int)Math.Min(maxFront + 1, Array.MaxLength), PoolArraysPerBucket);
    }

    /// <summary>The pool the fronts are taken from.</summary>
    public ArrayPool<double> Pool => _pool;

    /// <summary>Lower panels (m × k column-major per supernode).</summary>
    public PanelStore Lower => _lower;

    /// <summary>Transposed upper panels (LU only).</summary>
    public PanelStore? Upper => _upper;

    /// <summary>LDLᵀ pivots in permuted order (LDLᵀ only).</summary>
    public double[]? Pivots => _pivots;

    /// <summary>Runs the factorization; throws <see cref="FactorizationException"/> on a bad pivot.</summary>
    public void Run()
    {
        var schedule = _s.Schedule;
        var subtrees = schedule.Subtrees;
        var top = schedule.Top;
        // a fresh store is all zeros: the LDLᵀ fronts need not clear their panels before assembly
        _pristine = _lower.IsPristine;
        _lower.MarkWritten();
        _upper?.MarkWritten();
        try
        {
            if (subtrees.Length > 0)
            {
                Parallel.ForEach(subtrees, Parallelism.Options, root =>
                {
                    for (int sn = _s.SubtreeFirst[root]; sn <= root && !_failed; sn++) Front(sn, allowParallel: false);
                });
            }
        }
        catch (AggregateException ex) when (ex.InnerException is FactorizationException fe)
        {
            throw new FactorizationException(fe.Message, fe.Column, fe.Pivot);
        }
        foreach (int sn in top) Front(sn, allowParallel: true);
        // the panels are native memory written through raw pointers: keep their owners alive until here
        GC.KeepAlive(_lower);
        GC.KeepAlive(_upper);
        _progress?.Report(1.0);
    }

    private void Front(int sn, bool allowParallel)
    {
        if (_symmetric)
        {
            SymmetricFront(sn, allowParallel);
            return;
        }
        int k = _s.Columns(sn), m = _s.FrontSize(sn), first = _s.SupernodeFirst[sn];
        int mm = m * m;
        var front = _pool.Rent(mm);
        var work = _pool.Rent(FrontalKernels.WorkspaceLength(m));
        try
        {
            Array.Clear(front, 0, mm);
            fixed (double* f = front)
            fixed (double* w = work)
            {
                Assemble(sn, f);
                ShiftDiagonal(f, m, k);
                ExtendAdd(sn, f, m, m, null, 0, lowerOnly: false, ExtendAddPart.All);
                int bad = FrontalKernels.Lu(f, m, k, w, allowParallel);
                if (bad >= 0)
                {
                    _failed = true;
                    int column = _s.Ordering.NewToOld[first + bad];
                    double pivot = front[bad + bad * m];
                    throw new FactorizationException(
                        $"Pivot {first + bad} (original column {column}) is {pivot}: the matrix is singular or unsuitable for factorization without pivoting.",
                        column, pivot);
                }
                long bytes = (long)m * k * sizeof(double);
                Buffer.MemoryCopy(f, _lower.Panel(sn), bytes, bytes);
                {
                    double* up = _upper!.Panel(sn);
                    for (int r = 0; r < k; r++)
                        for (int c = 0; c < m; c++) up[c + (long)r * m] = c < r ? 0.0 : f[r + (long)c * m];
                }
            }
        }
        finally
        {
            _pool.Return(work);
        }
        if (m > k) _contribution[sn] = Compact(front, m, k);
        _pool.Return(front);
        Report(sn);
    }

    /// <summary>
    /// LDLᵀ front split in two: the k pivot columns (m × k) are assembled and factorized in place in
    /// the factor storage, and the contribution block ((m−k)², lower triangle) lives in its own pooled
    /// buffer that is handed to the parent as is. Neither the factor columns nor the contribution block
    /// is ever copied, and no m × m front is allocated.
    /// </summary>
    private void SymmetricFront(int sn, bool allowParallel)
    {
        int k = _s.Columns(sn), m = _s.FrontSize(sn), first = _s.SupernodeFirst[sn];
        int mb = m - k;
        var cb = mb > 0 ? _pool.Rent(mb * mb) : null;
        // small fronts need no packing workspace (FrontalKernels.LdltSplitSmall)
        bool small = FrontalKernels.UseSmallFrontKernel && m <= FrontalKernels.SmallFrontRows;
        var work = small ? null : _pool.Rent(FrontalKernels.WorkspaceLength(m));
        try
        {
            double* panel = _lower.Panel(sn);
            // only lower triangles are ever read: assembly, extend-add and the kernels skip the rest;
            // the contribution block needs no clearing: the first Schur update overwrites it
            if (!_pristine) for (int j = 0; j < k; j++) new Span<double>(panel + (long)j * m + j, m - j).Clear();
            fixed (double* c = cb)
            fixed (double* w = work)
            fixed (double* d = _pivots)
            {
                Assemble(sn, panel);
                ShiftDiagonal(panel, m, k);
                ExtendAdd(sn, panel, m, k, c, mb, lowerOnly: true, ExtendAddPart.PivotColumns);
                int bad = small ? FrontalKernels.LdltSplitSmall(panel, m, k, d + first, c)
                    : FrontalKernels.LdltSplit(panel, m, k, d + first, c, w, allowParallel);
                if (bad < 0) ExtendAdd(sn, panel, m, k, c, mb, lowerOnly: true, ExtendAddPart.ContributionColumns);
                if (bad >= 0)
                {
                    _failed = true;
                    int column = _s.Ordering.NewToOld[first + bad];
                    double pivot = panel[bad + (long)bad * m];
                    throw new FactorizationException(
                        $"Pivot {first + bad} (original column {column}) is {pivot}: the matrix is singular or unsuitable for factorization without pivoting.",
                        column, pivot);
                }
            }
        }
        catch
        {
            if (cb != null) _pool.Return(cb);
            throw;
        }
        finally
        {
            if (work != null) _pool.Return(work);
        }
        if (cb != null) _contribution[sn] = cb;
        Report(sn);
    }

    /// <summary>
    /// Extend-add of the children's contribution blocks into a front: a child column that maps to one of
    /// the first <paramref name="k"/> front columns lands in <paramref name="panel"/> (leading dimension m),
    /// one that maps past them lands in the contribution block <paramref name="c"/> (leading dimension
    /// m − k); rows follow their column. A split LDLᵀ front passes its pivot count and adds lower
    /// triangles only; an LU front passes k = m (the whole front is the panel) and full blocks.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ExtendAdd(int sn, double* panel, int m, int k, double* c, int mbParent, bool lowerOnly, ExtendAddPart part)
    {
        var rel = _s.Relative;
        for (int ci = _s.ChildPointers[sn]; ci < _s.ChildPointers[sn + 1]; ci++)
        {
            int ch = _s.Children[ci];
            var cb = _contribution[ch]!;
            int mc = _s.FrontSize(ch), kc = _s.Columns(ch), rb = _s.RowPointers[ch];
            int mb = mc - kc;
            fixed (double* cp = cb)
            fixed (int* rp = &rel[rb + kc])
            {
                // the child's columns map to increasing front columns: those below k (pivot columns,
                // rows anywhere in the front) come first, then those of the contribution block
                int split = 0;
                while (split < mb && rp[split] < k) split++;
                int j0 = part == ExtendAddPart.ContributionColumns ? split : 0;
                int j1 = part == ExtendAddPart.PivotColumns ? split : mb;
                for (int jj = j0; jj < j1; jj++)
                {
                    int col = rp[jj];
                    // target column base, offset so that index rp[ii] (a front row) addresses it directly
                    double* fc = col < k ? panel + (long)col * m : c + (long)(col - k) * mbParent - k;
                    double* cc = cp + (long)jj * mb;
                    int ii = lowerOnly ? jj : 0;
                    // rows map to increasing front rows, often consecutive ones (a child's rows on its
                    // parent's separator line): a run of a whole vector is added as one vector, the same
                    // additions element by element as the scalar loop
                    if (Vector512.IsHardwareAccelerated)
                    {
                        while (ii + Vector512<double>.Count <= mb)
                        {
                            int r0 = rp[ii];
                            if (rp[ii + Vector512<double>.Count - 1] - r0 == Vector512<double>.Count - 1)
                            {
                                Vector512.Store(Vector512.Load(fc + r0) + Vector512.Load(cc + ii), fc + r0);
                                ii += Vector512<double>.Count;
                            }
                            else fc[r0] += cc[ii++];
                        }
                    }
                    for (; ii < mb; ii++) fc[rp[ii]] += cc[ii];
                }
            }
            if (part == ExtendAddPart.PivotColumns) continue; // the child's block is read again after the pivots
            _contribution[ch] = null;
            _pool.Return(cb);
        }
    }

    /// <summary>Which columns of the children's contribution blocks an extend-add moves.</summary>
    private enum ExtendAddPart
    {
        /// <summary>All of them (LU fronts: the whole front is assembled before elimination).</summary>
        All,
        /// <summary>Those landing in the front's pivot columns (before the partial factorization).</summary>
        PivotColumns,
        /// <summary>Those landing in the contribution block (after the Schur update has overwritten it); the children's blocks are released.</summary>
        ContributionColumns,
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Assemble(int sn, double* f)
    {
        var src = _s.AssemblySource;
        var dst = _s.AssemblyTarget;
        var v = _a.Values;
        for (int e = _s.AssemblyPointers[sn]; e < _s.AssemblyPointers[sn + 1]; e++)
        {
            int t = dst[e];
            if (t >= 0) f[t] += v[src[e]];
            else if (!_symmetric) f[~t] += v[src[e]];
        }
    }

    /// <summary>
    /// <c>F(j, j) −= σ</c> for the k pivot columns, right after A's entries are assembled and before
    /// any child's contribution: F(j, j) is then <c>0 + a_jj − σ</c>, exactly the value a copy of A with
    /// <c>a_jj + (−σ)</c> on its diagonal would have assembled.
    /// </summary>
    private void ShiftDiagonal(double* f, int m, int k)
    {
        if (_shift == 0.0) return;
        for (int j = 0; j < k; j++) f[j + (long)j * m] -= _shift;
    }

    /// <summary>
    /// Copies the contribution block <c>F[k..m, k..m]</c> of an LU front into its own
    /// <c>(m−k)²</c> buffer, so the waiting blocks hold only what the parent needs, not whole fronts.
    /// </summary>
    private double[] Compact(double[] front, int m, int k)
    {
        int mb = m - k;
        var cb = _pool.Rent(mb * mb);
        fixed (double* f = front)
        fixed (double* c = cb)
        {
            for (int j = 0; j < mb; j++)
            {
                long bytes = (long)mb * sizeof(double);
                Buffer.MemoryCopy(f + (long)(k + j) * m + k, c + (long)j * mb, bytes, bytes);
            }
        }
        return cb;
    }

    private void Report(int sn)
    {
        if (_progress == null || _totalFlops <= 0) return;
        var flops = _symmetric ? _s.SubtreeLdltFlops : _s.SubtreeLuFlops;
        double own = flops[sn];
        for (int c = _s.ChildPointers[sn]; c < _s.ChildPointers[sn + 1]; c++) own -= flops[_s.Children[c]];
        long done = Interlocked.Add(ref _doneFlops, (long)own);
        int step = (int)(ProgressSteps * (done / _totalFlops));
        int prev = Volatile.Read(ref _reportedStep);
        if (step > prev && Interlocked.CompareExchange(ref _reportedStep, step, prev) == prev)
            _progress.Report(Math.Min(1.0, (double)step / ProgressSteps));
    }
}
