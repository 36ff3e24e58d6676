using FokkerPlanck.Core.Numerics;
using FokkerPlanck.Core.Memory;
using FokkerPlanck.Core.LinearAlgebra.Factorization;

namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>
/// Storage of an orthonormal Krylov basis V (n × capacity, column-major) with full
/// reorthogonalization of new blocks and the in-place thick-restart rotation V ← V Y.
/// </summary>
/// <remarks>
/// Each new column is orthogonalized against all previous columns by classical Gram–Schmidt,
/// repeated while the norm drops by more than 1/√2 (the DGKS criterion: Daniel, Gragg, Kaufman
/// &amp; Stewart, Math. Comp. 30 (1976) 772; "twice is enough", Giraud, Langou &amp; Rozložník,
/// Comput. Math. Appl. 50 (2005) 1069). Full reorthogonalization keeps the basis orthogonal to
/// working precision, so no ghost Ritz values appear (Golub &amp; Van Loan, 4th ed., §10.3.1).
/// </remarks>
internal sealed class BlockKrylovBasis
{
    /// <summary>DGKS threshold 1/√2: another Gram–Schmidt pass is needed when the norm fell below this fraction.</summary>
    private const double ReorthogonalizationRatio = 0.7071067811865476;

    /// <summary>Gram–Schmidt passes allowed per column (two suffice unless the vector nearly lies in the span).</summary>
    private const int MaxGramSchmidtPasses = 3;

    /// <summary>
    /// A column whose norm after orthogonalization is below this fraction of its norm before is
    /// treated as zero (invariant subspace found): what remains is dominated by the rounding error
    /// of the projections, about √k·ε·‖w‖, and carries no direction information.
    /// </summary>
    private const double BreakdownRatio = 1e-13;

    /// <summary>Rows processed together by the restart rotation (a cache-sized panel).</summary>
    private const int RotationPanelRows = 256;

    private readonly int _n;
    private readonly double[] _v;
    private readonly double[] _coefficients;
    private readonly double[] _pass;
    private double[] _partial = [];
    private double[] _blockPass = [];
    private readonly Action<Span<double>>? _project;
    private readonly StartVectorGenerator _random;

    /// <summary>Allocates an n × <paramref name="capacity"/> basis.</summary>
    public BlockKrylovBasis(int n, int capacity, Action<Span<double>>? project, StartVectorGenerator random)
    {
        _n = n;
        Capacity = capacity;
        // every column is written before it is read (start block, operator outputs, rotations), so the
        // basis needs no clearing; huge pages spare a page fault per 4 KiB of each new block
        _v = HugePages.AllocateUninitialized((long)n * capacity);
        _coefficients = new double[capacity];
        _pass = new double[capacity];
        _project = project;
        _random = random;
    }

    /// <summary>Maximum number of columns.</summary>
    public int Capacity { get; }

    /// <summary>Number of breakdowns (invariant subspaces) replaced by random directions.</summary>
    public int Breakdowns { get; private set; }

    /// <summary>Columns [start, start + count) as one contiguous span.</summary>
    public Span<double> Columns(int start, int count) => _v.AsSpan(start * _n, count * _n);

    /// <summary>Column j.</summary>
    public Span<double> Column(int j) => _v.AsSpan(j * _n, _n);

    /// <summary>Fills columns [start, start + count) with deterministic random vectors (deflated).</summary>
    /// <summary>
    /// Fills the first block: start vector i goes into column i mod <paramref name="count"/> (several
    /// summed into one column when there are more vectors than columns, so a single-vector start
    /// still holds every wanted direction); columns without a start vector are random.
    /// </summary>
    public void FillStart(int count, IReadOnlyList<double[]>? start)
    {
        int given = start is null ? 0 : Math.Min(start.Count, count);
        for (int j = 0; j < given; j++) Column(j).Clear();
        for (int i = 0; start is not null && i < start.Count; i++)
        {
            if (start[i].Length != _n) throw new ArgumentException($"Start vector {i} has length {start[i].Length}, expected {_n}.", nameof(start));
            VectorOps.AddScaled(Column(i % count), 1.0, start[i]);
        }
        for (int j = 0; j < given; j++) _project?.Invoke(Column(j));
        FillRandom(given, count - given);
    }

    public void FillRandom(int start, int count)
    {
        for (int j = start; j < start + count; j++)
        {
            _random.Fill(Column(j));
            _project?.Invoke(Column(j));
        }
    }

    /// <summary>
    /// Orthonormalizes columns [start, start + b) against columns [0, start) and each other:
    /// W = V₀ C + Q R with C (start × b, column-major, into <paramref name="c"/>) and R (b × b upper
    /// triangular, column-major, into <paramref name="r"/>). Rank deficiency gives a zero diagonal in R
    /// and a fresh random direction in Q.
    /// </summary>
    /// <returns>False when the block contains non-finite values.</returns>
    public bool OrthonormalizeBlock(int start, int b, Span<double> c, Span<double> r)
    {
        if (b > 1 && start > 0) return OrthonormalizeBlockwise(start, b, c, r);
        r[..(b * b)].Clear();
        for (int i = 0; i < b; i++)
        {
            int col = start + i;
            var w = Column(col);
            double original = PanelNorm(w);
            if (!double.IsFinite(original)) return false;
            var h = _coefficients.AsSpan(0, col);
            double norm = OrthogonalizeAgainst(w, col, h, original, accumulate: true);
            if (norm <= BreakdownRatio * original || original == 0.0)
            {
                Breakdowns++;
                ReplaceWithRandom(w, col);
                norm = 0.0;
            }
            else
            {
                PanelScale(w, 1.0 / norm);
            }
            for (int row = 0; row < start; row++) c[row + i * start] = h[row];
            for (int row = 0; row < i; row++) r[row + i * b] = h[start + row];
            r[i + i * b] = norm;
        }
        return true;
    }

    /// <summary>
    /// <see cref="OrthonormalizeBlock"/> for b &gt; 1 against a non-empty basis: block classical
    /// Gram–Schmidt twice (BCGS2) against columns [0, start), each pass streaming V once for the
    /// whole block, then Gram–Schmidt of each column against the block columns before it.
    /// </summary>
    /// <remarks>
    /// Barlow &amp; Smoktunowicz, Numer. Math. 123 (2013) 395 ("reorthogonalized block classical
    /// Gram–Schmidt"): two block passes give orthogonality to working precision unless a column
    /// nearly lies in the span. The second pass is skipped when every column kept 1/√2 of its norm
    /// (DGKS, as for single columns). A column that loses more than that in the second pass, or in
    /// the intra-block step (where cancellation would magnify its rounding-level components along
    /// V), gets one more column-wise pass against everything before it. Per column the result is
    /// the same relation as the column-wise path: W = V C + Q R.
    /// </remarks>
    private bool OrthonormalizeBlockwise(int start, int b, Span<double> c, Span<double> r)
    {
        r[..(b * b)].Clear();
        c[..(start * b)].Clear();
        var original = new double[b];
        var before = new double[b];
        var norms = new double[b];
        for (int i = 0; i < b; i++)
        {
            original[i] = PanelNorm(Column(start + i));
            if (!double.IsFinite(original[i])) return false;
            before[i] = original[i];
        }
        if (_blockPass.Length < start * b) _blockPass = new double[start * b];
        var pass = _blockPass.AsSpan(0, start * b);
        int first = start - LocalWindowBlocks * b;
        if (first > 0)
        {
            // local step against the last blocks, which hold the large three-term components
            int count = start - first;
            var local = pass[..(count * b)];
            BlockCoefficients(first, start, b, local);
            BlockSubtractAndProject(first, start, b, local, false, norms);
            for (int i = 0; i < b; i++)
            {
                for (int row = 0; row < count; row++) c[first + row + i * start] += local[row + i * count];
                before[i] = Math.Sqrt(norms[i]);
            }
        }
        BlockCoefficients(0, start, b, pass);
        bool dropped = false;
        for (int p = 0; p < 2; p++)
        {
            for (int q = 0; q < start * b; q++) c[q] += pass[q];
            // the next pass's coefficients are computed on the panels while they are in cache, unless
            // the local step makes a second pass unlikely (then they are streamed when needed)
            bool fuse = p == 0 && first <= 0;
            BlockSubtractAndProject(0, start, b, pass, fuse, norms);
            bool enough = true;
            for (int i = 0; i < b; i++)
            {
                norms[i] = Math.Sqrt(norms[i]);
                enough &= norms[i] >= ReorthogonalizationRatio * before[i];
            }
            if (enough) break;
            if (p == 0)
            {
                norms.CopyTo(before, 0); // the second pass is judged against the norms after the first
                if (!fuse) BlockCoefficients(0, start, b, pass);
            }
            else dropped = true;
        }
        var h = _coefficients.AsSpan();
        for (int i = 0; i < b; i++)
        {
            int col = start + i;
            var w = Column(col);
            double norm = norms[i];
            if (dropped && norm < ReorthogonalizationRatio * before[i])
            {
                // nearly in span(V): one more column-wise pass
                norm = OrthogonalizeAgainst(w, 0, start, h, norm, accumulate: true);
                for (int row = 0; row < start; row++) c[row + i * start] += h[row];
            }
            double inter = norm;
            norm = OrthogonalizeAgainst(w, start, i, h, norm, accumulate: true);
            for (int row = 0; row < i; row++) r[row + i * b] = h[row];
            if (norm < ReorthogonalizationRatio * inter && norm > BreakdownRatio * original[i])
            {
                // cancellation inside the block: restore orthogonality to all earlier columns
                norm = OrthogonalizeAgainst(w, 0, col, h, norm, accumulate: true);
                for (int row = 0; row < start; row++) c[row + i * start] += h[row];
                for (int row = 0; row < i; row++) r[row + i * b] += h[start + row];
            }
            if (norm <= BreakdownRatio * original[i] || original[i] == 0.0)
            {
                Breakdowns++;
                ReplaceWithRandom(w, col);
                norm = 0.0;
            }
            else
            {
                PanelScale(w, 1.0 / norm);
            }
            r[i + i * b] = norm;
        }
        return true;
    }

    /// <summary>
    /// Blocks of the local step that precedes the full Gram–Schmidt pass of a new block. In exact
    /// arithmetic a new Lanczos block has components only along the last two blocks (the block
    /// tridiagonal recurrence); removing them first, by streaming just those 2b columns, leaves the
    /// full pass against all of V with rounding-sized coefficients, so the DGKS test skips the second
    /// full pass: V is streamed twice per block instead of three times. Where the block also couples
    /// to older vectors (the first block after a thick restart), the full pass cancels heavily and the
    /// DGKS test runs the second pass as before.
    /// </summary>
    private const int LocalWindowBlocks = 2;

    /// <summary>
    /// Rows per panel of the block kernels: the b block columns and four basis columns of a panel
    /// (b + 4 ≤ 12 columns × 4 KiB) stay in L1 while every pair is processed.
    /// </summary>
    private const int BlockPanelRows = 512;

    /// <summary>
    /// C = V[:, first:start)ᵀ W for the block W = V[:, start:start+b), C column-major
    /// ((start − first) × b); those columns of V streamed once.
    /// </summary>
    private unsafe void BlockCoefficients(int first, int start, int b, Span<double> result)
    {
        int panels = (_n + BlockPanelRows - 1) / BlockPanelRows;
        int count = start - first;
        int stride = count * b + b;
        if (_partial.Length < panels * stride) _partial = new double[panels * stride];
        var partial = _partial; var v = _v; int n = _n;
        ForPanels(panels, c =>
        {
            int r0 = c * BlockPanelRows, rows = Math.Min(BlockPanelRows, n - r0);
            fixed (double* pv = v)
            fixed (double* pp = partial)
                PanelDots(pv + (long)first * n + r0, n, count, b, rows, pp + (long)c * stride);
        });
        SumPartials(panels, stride, count * b, result);
    }

    /// <summary>
    /// W ← W − V[:, first:start) C over row panels in parallel (those columns streamed once); on each updated panel also the
    /// partial ‖w_i‖² and, when <paramref name="next"/>, the partial Vᵀw_i, which then replace
    /// <paramref name="coefficients"/>. Partial sums are added in panel order (deterministic).
    /// </summary>
    private unsafe void BlockSubtractAndProject(int first, int start, int b, Span<double> coefficients, bool next, double[] norms2)
    {
        int panels = (_n + BlockPanelRows - 1) / BlockPanelRows;
        int count = start - first;
        int cb = count * b;
        int stride = cb + b;
        if (_partial.Length < panels * stride) _partial = new double[panels * stride];
        var coef = coefficients[..cb].ToArray();
        for (int q = 0; q < cb; q++) coef[q] = -coef[q];
        var partial = _partial; var v = _v; int n = _n;
        ForPanels(panels, c =>
        {
            int r0 = c * BlockPanelRows, rows = Math.Min(BlockPanelRows, n - r0);
            fixed (double* pv = v)
            fixed (double* pp = partial)
            fixed (double* pc = coef)
            {
                double* v0 = pv + (long)first * n + r0;
                double* w = v0 + (long)count * n;
                int j4 = count - count % 4;
                for (int j = 0; j < j4; j += 4)
                {
                    double* x = v0 + (long)j * n;
                    for (int i = 0; i < b; i++)
                    {
                        double* a = pc + j + i * count;
                        VectorOps.AddScaled4(w + (long)i * n, x, x + n, x + 2L * n, x + 3L * n, a[0], a[1], a[2], a[3], rows);
                    }
                }
                for (int j = j4; j < count; j++)
                    for (int i = 0; i < b; i++)
                        VectorOps.SubtractScaled(w + (long)i * n, v0 + (long)j * n, -pc[j + i * count], rows);
                double* part = pp + (long)c * stride;
                for (int i = 0; i < b; i++) part[cb + i] = VectorOps.Dot(w + (long)i * n, w + (long)i * n, rows);
                if (next) PanelDots(v0, n, count, b, rows, part);
            }
        });
        var sums = new double[stride];
        SumPartials(panels, stride, stride, sums);
        for (int i = 0; i < b; i++) norms2[i] = sums[cb + i];
        if (next) sums.AsSpan(0, cb).CopyTo(coefficients);
    }

    /// <summary>The dot products of basis columns [0, start) with block columns [start, start + b) over one panel (rows from <paramref name="v0"/>, column stride n), into out[j + i·start].</summary>
    private static unsafe void PanelDots(double* v0, int n, int start, int b, int rows, double* output)
    {
        double* w = v0 + (long)start * n;
        int j4 = start - start % 4;
        for (int j = 0; j < j4; j += 4)
        {
            double* x = v0 + (long)j * n;
            for (int i = 0; i < b; i++)
            {
                VectorOps.Dot4(x, x + n, x + 2L * n, x + 3L * n, w + (long)i * n, rows, out double d0, out double d1, out double d2, out double d3);
                double* o = output + j + i * start;
                o[0] = d0; o[1] = d1; o[2] = d2; o[3] = d3;
            }
        }
        for (int j = j4; j < start; j++)
            for (int i = 0; i < b; i++)
                output[j + i * start] = VectorOps.Dot(v0 + (long)j * n, w + (long)i * n, rows);
    }

    /// <summary>
    /// Vector length below which the panel loops run on the calling thread: a coarse-level basis
    /// (16K unknowns) has a few panels per pass, and waking pool threads costs more than the work,
    /// more so while other work shares the cores.
    /// </summary>
    private const int ParallelMinimumLength = 1 << 16;

    private void ForPanels(int panels, Action<int> body) => ChunkLoop.For(panels, _n >= ParallelMinimumLength, body);

    /// <summary>‖w‖₂ over row panels (in parallel for long vectors; partial sums added in panel order).</summary>
    private unsafe double PanelNorm(Span<double> w)
    {
        int n = w.Length, panels = (n + PanelRows - 1) / PanelRows;
        var partial = new double[panels];
        fixed (double* p0 = w)
        {
            nint pw = (nint)p0;
            ForPanels(panels, c =>
            {
                int r0 = c * PanelRows, rows = Math.Min(PanelRows, n - r0);
                var x = new ReadOnlySpan<double>((double*)pw + r0, rows);
                partial[c] = VectorOps.Dot(x, x);
            });
        }
        double s = 0.0;
        foreach (double v in partial) s += v;
        return Math.Sqrt(s);
    }

    /// <summary>w ← a·w over row panels (in parallel for long vectors).</summary>
    private unsafe void PanelScale(Span<double> w, double a)
    {
        int n = w.Length, panels = (n + PanelRows - 1) / PanelRows;
        fixed (double* p0 = w)
        {
            nint pw = (nint)p0;
            ForPanels(panels, c =>
            {
                int r0 = c * PanelRows, rows = Math.Min(PanelRows, n - r0);
                VectorOps.Scale(new Span<double>((double*)pw + r0, rows), a);
            });
        }
    }

    private void SumPartials(int panels, int stride, int count, Span<double> result)
    {
        for (int q = 0; q < count; q++)
        {
            double s = 0.0;
            for (int c = 0; c < panels; c++) s += _partial[c * stride + q];
            result[q] = s;
        }
    }

    /// <summary>
    /// Thick-restart rotation V[:, 0:l] ← V[:, 0:k] Y with Y (k × l, column-major), in place, by row panels.
    /// </summary>
    public void Rotate(int k, ReadOnlySpan<double> y, int l)
    {
        // V[:, 0:l] ← V[:, 0:k] Y, panel by panel (a panel of the result never overlaps an unread
        // panel of the input), panels in parallel.
        var yy = y[..(k * l)].ToArray();
        var v = _v; int n = _n;
        int panels = (n + RotationPanelRows - 1) / RotationPanelRows;
        Parallel.For(0, panels, Parallelism.Options, () => (new double[RotationPanelRows * k], new double[RotationPanelRows * l]), (c, _, buffers) =>
        {
            var (panel, result) = buffers;
            int r0 = c * RotationPanelRows, rows = Math.Min(RotationPanelRows, n - r0);
            for (int j = 0; j < k; j++) v.AsSpan(j * n + r0, rows).CopyTo(panel.AsSpan(j * rows, rows));
            CombinePanel(panel, rows, k, yy, l, result);
            for (int j = 0; j < l; j++) result.AsSpan(j * rows, rows).CopyTo(v.AsSpan(j * n + r0, rows));
            return buffers;
        }, _ => { });
    }

    /// <summary>The Ritz vectors <c>u_j = V[:, 0:k] y_j</c> for several coefficient columns at once (V streamed once, panels in parallel).</summary>
    public void Combine(int k, ReadOnlySpan<double> y, int count, double[][] outputs)
    {
        var yy = y[..(k * count)].ToArray();
        var v = _v; int n = _n;
        int panels = (n + RotationPanelRows - 1) / RotationPanelRows;
        Parallel.For(0, panels, Parallelism.Options, () => (new double[RotationPanelRows * k], new double[RotationPanelRows * count]), (c, _, buffers) =>
        {
            var (panel, result) = buffers;
            int r0 = c * RotationPanelRows, rows = Math.Min(RotationPanelRows, n - r0);
            for (int j = 0; j < k; j++) v.AsSpan(j * n + r0, rows).CopyTo(panel.AsSpan(j * rows, rows));
            CombinePanel(panel, rows, k, yy, count, result);
            for (int j = 0; j < count; j++) result.AsSpan(j * rows, rows).CopyTo(outputs[j].AsSpan(r0, rows));
            return buffers;
        }, _ => { });
    }

    private static void CombinePanel(double[] panel, int rows, int k, double[] y, int l, double[] result)
    {
        Array.Clear(result, 0, rows * l);
        for (int j = 0; j < l; j++)
        {
            var dst = result.AsSpan(j * rows, rows);
            for (int i = 0; i < k; i++)
            {
                double yij = y[i + j * k];
                if (yij != 0.0) VectorOps.AddScaled(dst, yij, panel.AsSpan(i * rows, rows));
            }
        }
    }

    public void MoveColumns(int from, int to, int count)
    {
        for (int j = 0; j < count; j++) Column(from + j).CopyTo(Column(to + j));
    }

    /// <summary>
    /// Orthogonalizes column w against columns [0, count) by classical Gram–Schmidt with DGKS
    /// reorthogonalization and returns its norm; <paramref name="h"/> accumulates the coefficients.
    /// </summary>
    /// <remarks>
    /// Memory traffic is what costs here (V is tens of MB), so the passes are fused: one sweep computes
    /// c = Vᵀw; every later sweep subtracts V c from a panel of w and, while that panel of V and w is
    /// still in cache, computes the next pass's coefficients Vᵀw and ‖w‖² on it. Two passes therefore
    /// stream V three times instead of four, plus the norms.
    /// </remarks>
    private double OrthogonalizeAgainst(Span<double> w, int count, Span<double> h, double norm, bool accumulate)
        => OrthogonalizeAgainst(w, 0, count, h, norm, accumulate);

    /// <summary>As above, against columns [first, first + count); h[j] belongs to column first + j.</summary>
    private double OrthogonalizeAgainst(Span<double> w, int first, int count, Span<double> h, double norm, bool accumulate)
    {
        if (accumulate) h[..count].Clear();
        if (count == 0) return VectorOps.Norm(w);
        var pass = _pass.AsSpan(0, count);
        int wCol = ColumnIndexOf(w);
        Coefficients(wCol, first, count, pass);
        for (int p = 0; p < MaxGramSchmidtPasses; p++)
        {
            if (accumulate) for (int j = 0; j < count; j++) h[j] += pass[j];
            bool more = p + 1 < MaxGramSchmidtPasses;
            double next = Math.Sqrt(SubtractAndProject(wCol, first, count, pass, more));
            bool enough = next >= ReorthogonalizationRatio * norm;
            norm = next;
            if (enough || !more) break;
        }
        return norm;
    }

    /// <summary>Rows per panel of the fused Gram–Schmidt kernels: a panel of w and one basis column (2 × 16 KiB) stay in L1.</summary>
    private const int PanelRows = 2048;

    private int ColumnIndexOf(Span<double> w)
    {
        // w is always a column of the basis storage
        ref double first = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(w);
        ref double origin = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(_v);
        long offset = System.Runtime.CompilerServices.Unsafe.ByteOffset(ref origin, ref first).ToInt64() / sizeof(double);
        return (int)(offset / _n);
    }

    private void Coefficients(int wCol, int first, int count, Span<double> result)
    {
        int panels = (_n + PanelRows - 1) / PanelRows;
        int cap = Capacity + 1;
        if (_partial.Length < panels * cap) _partial = new double[panels * cap];
        var partial = _partial; var v = _v; int n = _n;
        ForPanels(panels, c =>
        {
            int r0 = c * PanelRows, rows = Math.Min(PanelRows, n - r0);
            var wp = new ReadOnlySpan<double>(v, wCol * n + r0, rows);
            for (int j = 0; j < count; j++) partial[c * cap + j] = VectorOps.Dot(new ReadOnlySpan<double>(v, (first + j) * n + r0, rows), wp);
        });
        SumPartials(panels, cap, count, result);
    }

    /// <summary>
    /// w ← w − V c over row panels in parallel; on each updated panel, also the partial ‖w‖² and, when
    /// <paramref name="next"/>, the partial Vᵀw, summed in panel order into <paramref name="coefficients"/>.
    /// </summary>
    /// <returns>‖w‖² after the update.</returns>
    private double SubtractAndProject(int wCol, int first, int count, Span<double> coefficients, bool next)
    {
        int panels = (_n + PanelRows - 1) / PanelRows;
        int stride = Capacity + 1;
        if (_partial.Length < panels * stride) _partial = new double[panels * stride];
        var coef = coefficients[..count].ToArray();
        var partial = _partial; var v = _v; int n = _n;
        ForPanels(panels, c =>
        {
            int r0 = c * PanelRows, rows = Math.Min(PanelRows, n - r0);
            var wp = new Span<double>(v, wCol * n + r0, rows);
            for (int j = 0; j < count; j++) VectorOps.AddScaled(wp, -coef[j], new ReadOnlySpan<double>(v, (first + j) * n + r0, rows));
            if (next)
                for (int j = 0; j < count; j++) partial[c * stride + j] = VectorOps.Dot(new ReadOnlySpan<double>(v, (first + j) * n + r0, rows), wp);
            partial[c * stride + Capacity] = VectorOps.Dot(wp, wp);
        });
        double norm2 = 0.0;
        for (int c = 0; c < panels; c++) norm2 += partial[c * stride + Capacity];
        if (next)
        {
            for (int j = 0; j < count; j++)
            {
                double sum = 0.0;
                for (int c = 0; c < panels; c++) sum += partial[c * stride + j];
                coefficients[j] = sum;
            }
        }
        return norm2;
    }

    private void ReplaceWithRandom(Span<double> w, int col)
    {
        // A fresh direction orthogonal to the basis and to the deflated vectors keeps the block full rank.
        for (int attempt = 0; attempt < MaxGramSchmidtPasses; attempt++)
        {
            _random.Fill(w);
            _project?.Invoke(w);
            double before = VectorOps.Norm(w);
            double after = OrthogonalizeAgainst(w, col, Span<double>.Empty, before, accumulate: false);
            _project?.Invoke(w);
            after = Math.Min(after, VectorOps.Norm(w));
            if (after > BreakdownRatio * before)
            {
                VectorOps.Scale(w, 1.0 / VectorOps.Norm(w));
                return;
            }
        }
        w.Clear(); // the whole space is spanned; a zero column keeps the relation A V = V H + Q R exact.
    }
}
