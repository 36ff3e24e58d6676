using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Blocked partial factorizations of a dense column-major front <c>F</c> (<c>m × m</c>): eliminate
/// the first <c>k</c> pivots and leave the Schur complement (the contribution block) in
/// <c>F[k..m, k..m]</c>. No pivoting.
/// </summary>
/// <remarks>
/// Right-looking blocked algorithms (Golub and Van Loan, <i>Matrix Computations</i>, 4th ed., 2013,
/// §3.2.11 for LU and §4.1–4.2 for LDLᵀ): an unblocked panel of <see cref="PanelWidth"/> columns,
/// then one rank-<see cref="PanelWidth"/> update of everything to its lower right through
/// <see cref="DenseUpdateKernel"/>. Within a panel, each narrow LDLᵀ sub-panel is eliminated
/// left-looking (<see cref="EliminateUnblocked"/>), with the same operations per entry. A pivot
/// that is zero or not finite stops the factorization and its local column is returned.
/// </remarks>
internal static unsafe class FrontalKernels
{
    /// <summary>Panel width (rank of each trailing update): the k-dimension of the packed kernel, sized so a packed A block fits L2.</summary>
    public const int PanelWidth = 64;

    /// <summary>
    /// Width of the unblocked sub-panels inside a panel: level-2 work is confined to these columns,
    /// the rest of the panel is updated by the packed level-3 kernel.
    /// </summary>
    public const int InnerWidth = 16;

    /// <summary>Doubles of packing workspace needed for a front of dimension <paramref name="m"/>.</summary>
    public static int WorkspaceLength(int m) =>
        DenseUpdateKernel.PackedRowsLength(m, PanelWidth) + DenseUpdateKernel.PackedColumnsLength(m, PanelWidth);

    /// <summary>True when a pivot cannot be divided by.</summary>
    public static bool IsBadPivot(double d) => d == 0.0 || !double.IsFinite(d);

    /// <summary>
    /// Partial LDLᵀ of a split front: the pivot columns <paramref name="panel"/> (m × k, leading
    /// dimension m) and the contribution block <paramref name="c"/> ((m − k)², leading dimension m − k,
    /// lower triangle). Right-looking and blocked: each panel of <see cref="PanelWidth"/> columns is
    /// factorized and updates the pivot columns to its right; then <c>C −= L₂₁ D L₂₁ᵀ</c> in
    /// rank-<see cref="PanelWidth"/> steps in the same order, so every entry of C sees the same
    /// operations as in a right-looking sweep over the whole m × m front (on the unit lower factor
    /// below the diagonal, <paramref name="d"/>[0..k) the pivots). The first rank update
    /// overwrites C (<c>C = −L₂₁ D L₂₁ᵀ</c> over its first panel), so C's lower triangle need not be
    /// initialized; the children's contributions to it are added afterwards.
    /// </summary>
    /// <returns>−1 on success, else the local index of the bad pivot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LdltSplit(double* panel, int m, int k, double* d, double* c, double* work, bool allowParallel)
    {
        double* apack = work;
        double* bpack = work + DenseUpdateKernel.PackedRowsLength(m, PanelWidth);
        for (int j0 = 0; j0 < k; j0 += PanelWidth)
        {
            int jb = Math.Min(PanelWidth, k - j0);
            int bad = LdltPanel(panel, m, j0, jb, d, apack, bpack);
            if (bad >= 0) return bad;
            int r0 = j0 + jb;
            if (r0 >= k) continue;
            int rows = m - r0;
            double* src = panel + r0 + (long)j0 * m;
            DenseUpdateKernel.PackColumnMajor(src, m, rows, jb, null, DenseUpdateKernel.StripRows, apack);
            DenseUpdateKernel.PackColumnMajor(src, m, k - r0, jb, d + j0, DenseUpdateKernel.StripColumns, bpack);
            DenseUpdateKernel.Update(panel + r0 + (long)r0 * m, m, rows, k - r0, apack, bpack, jb, lowerOnly: true, allowParallel);
        }
        int mb = m - k;
        if (mb <= 0) return -1;
        for (int p0 = 0; p0 < k; p0 += PanelWidth)
        {
            int kb = Math.Min(PanelWidth, k - p0);
            double* src = panel + k + (long)p0 * m;
            DenseUpdateKernel.PackColumnMajor(src, m, mb, kb, null, DenseUpdateKernel.StripRows, apack);
            DenseUpdateKernel.PackColumnMajor(src, m, mb, kb, d + p0, DenseUpdateKernel.StripColumns, bpack);
            DenseUpdateKernel.Update(c, mb, mb, mb, apack, bpack, kb, lowerOnly: true, allowParallel, overwrite: p0 == 0);
        }
        return -1;
    }

    /// <summary>
    /// <see cref="LdltSplit"/> for fronts of at most <see cref="SmallFrontRows"/> rows, without
    /// blocking or packing: the pivot columns by unblocked elimination
    /// (<see cref="EliminateUnblocked"/>), then the contribution block <c>C = −L₂₁ D L₂₁ᵀ</c> one
    /// column at a time, its rows held in four 512-bit registers while the k pivots stream through. L₂₁ is first copied into a zero-padded stack block
    /// so that every load is a whole vector. On such fronts the packing and edge tiles of the blocked
    /// path cost more than the arithmetic; the result is the same factorization up to rounding order.
    /// Requires <see cref="Vector512.IsHardwareAccelerated"/> (see <see cref="UseSmallFrontKernel"/>).
    /// </summary>
    /// <returns>−1 on success, else the local index of the bad pivot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization), SkipLocalsInit]
    public static int LdltSplitSmall(double* panel, int m, int k, double* d, double* c)
    {
        if (m > SmallFrontRows) throw new ArgumentOutOfRangeException(nameof(m), m, $"At most {SmallFrontRows} rows.");
        int bad = EliminateUnblocked(panel, m, 0, k, d);
        if (bad >= 0) return bad;
        int mb = m - k;
        if (mb <= 0) return -1;
        const int lanes = 8;
        int vectors = (mb + lanes - 1) / lanes, rows = vectors * lanes;
        // L₂₁ padded to whole vectors: column p at a + p·rows
        double* a = stackalloc double[SmallFrontRows * SmallFrontRows];
        double* col32 = stackalloc double[SmallFrontRows];
        for (int p = 0; p < k; p++)
        {
            double* src = panel + (long)p * m + k;
            double* dst = a + p * rows;
            for (int i = 0; i < mb; i++) dst[i] = src[i];
            for (int i = mb; i < rows; i++) dst[i] = 0.0;
        }
        for (int jc = 0; jc < mb; jc++)
        {
            var acc0 = Vector512<double>.Zero; var acc1 = Vector512<double>.Zero;
            var acc2 = Vector512<double>.Zero; var acc3 = Vector512<double>.Zero;
            for (int p = 0; p < k; p++)
            {
                double* ap = a + p * rows;
                var bv = Vector512.Create(d[p] * ap[jc]);
                acc0 = Vector512.FusedMultiplyAdd(Vector512.Load(ap), bv, acc0);
                if (vectors > 1) acc1 = Vector512.FusedMultiplyAdd(Vector512.Load(ap + lanes), bv, acc1);
                if (vectors > 2) acc2 = Vector512.FusedMultiplyAdd(Vector512.Load(ap + 2 * lanes), bv, acc2);
                if (vectors > 3) acc3 = Vector512.FusedMultiplyAdd(Vector512.Load(ap + 3 * lanes), bv, acc3);
            }
            // C = 0 − Σ (as the blocked kernel's overwrite), rows jc..mb of column jc
            (Vector512<double>.Zero - acc0).Store(col32);
            if (vectors > 1) (Vector512<double>.Zero - acc1).Store(col32 + lanes);
            if (vectors > 2) (Vector512<double>.Zero - acc2).Store(col32 + 2 * lanes);
            if (vectors > 3) (Vector512<double>.Zero - acc3).Store(col32 + 3 * lanes);
            double* cj = c + (long)jc * mb;
            for (int i = jc; i < mb; i++) cj[i] = col32[i];
        }
        return -1;
    }

    /// <summary>
    /// Fronts with at most this many rows take <see cref="LdltSplitSmall"/> (its contribution column
    /// fits four 512-bit registers). Measured on single fronts m × k, blocked → small kernel, ranges
    /// over 3 runs on a shared host: 12 × 2 0.57–0.83 → 0.25–0.31 µs, 20 × 4 1.19–1.44 → 0.65–0.69 µs,
    /// 30 × 8 2.16–2.78 → 1.39–1.71 µs, 32 × 12 2.97–3.78 → 2.58–2.96 µs. The valley case at 512² has
    /// 24,614 fronts of at most 32 rows (of 31,455): 2.7 % of the flops, yet on the blocked kernel
    /// they took 142–145 ms of the factorization's thread time.
    /// </summary>
    public const int SmallFrontRows = 32;

    /// <summary>Whether <see cref="LdltSplitSmall"/> runs at full width here (AVX-512); elsewhere the blocked kernel serves all fronts.</summary>
    public static readonly bool UseSmallFrontKernel = Vector512.IsHardwareAccelerated;

    /// <summary>
    /// Partial LU of <paramref name="f"/>: on return <c>F[0..m, 0..k)</c> holds L (unit, below the
    /// diagonal) and <c>F[0..k, 0..m)</c> holds U (diagonal and above).
    /// </summary>
    /// <returns>−1 on success, else the local index of the bad pivot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Lu(double* f, int m, int k, double* work, bool allowParallel)
    {
        double* apack = work;
        double* bpack = work + DenseUpdateKernel.PackedRowsLength(m, PanelWidth);
        for (int j0 = 0; j0 < k; j0 += PanelWidth)
        {
            int jb = Math.Min(PanelWidth, k - j0);
            int r0 = j0 + jb;
            int bad = LuPanel(f, m, j0, jb, apack, bpack);
            if (bad >= 0) return bad;
            // U12 = L11⁻¹ A12, column by column
            for (int c = r0; c < m; c++)
            {
                double* cc = f + (long)c * m;
                for (int j = j0; j < r0 - 1; j++)
                    VectorOps.SubtractScaled(cc + j + 1, f + (long)j * m + j + 1, cc[j], r0 - j - 1);
            }
            int rows = m - r0;
            if (rows <= 0) continue;
            DenseUpdateKernel.PackColumnMajor(f + r0 + (long)j0 * m, m, rows, jb, null, DenseUpdateKernel.StripRows, apack);
            DenseUpdateKernel.PackRowMajor(f + j0 + (long)r0 * m, m, rows, jb, DenseUpdateKernel.StripColumns, bpack);
            DenseUpdateKernel.Update(f + r0 + (long)r0 * m, m, rows, rows, apack, bpack, jb, lowerOnly: false, allowParallel);
        }
        return -1;
    }

    /// <summary>
    /// Unblocked LDLᵀ of columns <c>[j0, j1)</c> of a column-major block with rows to
    /// <paramref name="m"/>: each column first receives the updates of the columns before it in the
    /// range (left-looking, four source columns per pass, so the target is loaded and stored once per
    /// four instead of once per column), then its pivot goes to <paramref name="d"/> and it is scaled
    /// to L below the diagonal.
    /// </summary>
    /// <remarks>
    /// Every entry sees the same operations in the same order as in the right-looking sweep (one
    /// rounded <c>y − (l·d)·x</c> per earlier column, ascending), so the factors are the same to the
    /// bit; only the loop order changed. Perf samples of 30 factorizations at 512², right-looking →
    /// left-looking: <see cref="LdltPanel"/> (16-column sub-panels) 2,098 → 1,494;
    /// <see cref="LdltSplitSmall"/> (at most 8 columns) 1,728 → 1,682.
    /// </remarks>
    /// <returns>−1 on success, else the local index of the bad pivot.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EliminateUnblocked(double* f, int m, int j0, int j1, double* d)
    {
        for (int j = j0; j < j1; j++)
        {
            double* col = f + (long)j * m;
            int len = m - j, p = j0;
            for (; p + 4 <= j; p += 4)
            {
                double* x0 = f + (long)p * m;
                double* x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
                VectorOps.SubtractScaled4(col + j, x0 + j, x1 + j, x2 + j, x3 + j,
                    x0[j] * d[p], x1[j] * d[p + 1], x2[j] * d[p + 2], x3[j] * d[p + 3], len);
            }
            for (; p < j; p++)
            {
                double* x = f + (long)p * m;
                VectorOps.SubtractScaled(col + j, x + j, x[j] * d[p], len);
            }
            double djj = col[j];
            if (IsBadPivot(djj)) return j;
            d[j] = djj;
            VectorOps.Scale(col + j + 1, 1.0 / djj, m - j - 1);
        }
        return -1;
    }

    /// <summary>
    /// LDLᵀ of the panel columns <c>[j0, j0 + jb)</c> (rows to m): unblocked on sub-panels of
    /// <see cref="InnerWidth"/> columns, each followed by a packed update of the rest of the panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LdltPanel(double* f, int m, int j0, int jb, double* d, double* apack, double* bpack)
    {
        int pe = j0 + jb;
        for (int s0 = j0; s0 < pe; s0 += InnerWidth)
        {
            int r1 = Math.Min(pe, s0 + InnerWidth);
            int bad = EliminateUnblocked(f, m, s0, r1, d);
            if (bad >= 0) return bad;
            if (r1 >= pe) break;
            int rows = m - r1, cols = pe - r1, sb = r1 - s0;
            double* src = f + r1 + (long)s0 * m;
            DenseUpdateKernel.PackColumnMajor(src, m, rows, sb, null, DenseUpdateKernel.StripRows, apack);
            DenseUpdateKernel.PackColumnMajor(src, m, cols, sb, d + s0, DenseUpdateKernel.StripColumns, bpack);
            DenseUpdateKernel.Update(f + r1 + (long)r1 * m, m, rows, cols, apack, bpack, sb, lowerOnly: true, allowParallel: false);
        }
        return -1;
    }

    /// <summary>LU of the panel columns <c>[j0, j0 + jb)</c> (rows to m), two-level like <see cref="LdltPanel"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int LuPanel(double* f, int m, int j0, int jb, double* apack, double* bpack)
    {
        int pe = j0 + jb;
        for (int s0 = j0; s0 < pe; s0 += InnerWidth)
        {
            int r1 = Math.Min(pe, s0 + InnerWidth);
            for (int j = s0; j < r1; j++)
            {
                double* col = f + (long)j * m;
                double piv = col[j];
                if (IsBadPivot(piv)) return j;
                VectorOps.Scale(col + j + 1, 1.0 / piv, m - j - 1);
                for (int c = j + 1; c < r1; c++)
                {
                    double* cc = f + (long)c * m;
                    VectorOps.SubtractScaled(cc + j + 1, col + j + 1, cc[j], m - j - 1);
                }
            }
            if (r1 >= pe) break;
            for (int c = r1; c < pe; c++)
            {
                double* cc = f + (long)c * m;
                for (int j = s0; j < r1 - 1; j++)
                    VectorOps.SubtractScaled(cc + j + 1, f + (long)j * m + j + 1, cc[j], r1 - j - 1);
            }
            int rows = m - r1, cols = pe - r1, sb = r1 - s0;
            DenseUpdateKernel.PackColumnMajor(f + r1 + (long)s0 * m, m, rows, sb, null, DenseUpdateKernel.StripRows, apack);
            DenseUpdateKernel.PackRowMajor(f + s0 + (long)r1 * m, m, cols, sb, DenseUpdateKernel.StripColumns, bpack);
            DenseUpdateKernel.Update(f + r1 + (long)r1 * m, m, rows, cols, apack, bpack, sb, lowerOnly: false, allowParallel: false);
        }
        return -1;
    }
}
