using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// The rank-k update <c>C −= A Bᵀ</c> on packed panels: the level-3 kernel that does almost all the
/// flops of the supernodal factorizations (Schur complement update of a front).
/// </summary>
/// <remarks>
/// Goto and van de Geijn, "Anatomy of high-performance matrix multiplication", ACM TOMS 34
/// (2008): A is packed in strips of <see cref="StripRows"/> rows and B in strips of
/// <see cref="StripColumns"/> columns, both contiguous along k; a register-blocked 8×4 micro-kernel
/// (24 × 8 with AVX-512, 8 × 4 with AVX2 FMA; see <see cref="StripRows"/>) walks a row block that
/// stays in L2 while one B strip stays in L1. Every tile of C is computed by the same
/// instruction sequence whichever thread runs it, so parallel results are bit-identical to
/// serial ones.
/// </remarks>
internal static unsafe class DenseUpdateKernel
{
    /// <summary>
    /// Rows per packed A strip: three 512-bit vectors of doubles where AVX-512 is available (24 × 8
    /// tile: 24 of the 32 vector registers accumulate, so three loads and eight broadcasts feed 24
    /// FMAs, enough independent chains to cover the FMA latency on both ports), else two 256-bit
    /// vectors (8 × 4 tile, 8 of 16 registers).
    /// </summary>
    public static readonly int StripRows = Avx512F.IsSupported ? 24 : 8;

    /// <summary>Largest value <see cref="StripRows"/> can take (size of the edge-tile buffer).</summary>
    private const int MaxStripRows = 24;

    /// <summary>Columns per packed B strip: broadcast columns of the micro-kernel tile (see <see cref="StripRows"/>).</summary>
    public static readonly int StripColumns = Avx512F.IsSupported ? 8 : 4;

    /// <summary>Largest value <see cref="StripColumns"/> can take.</summary>
    private const int MaxStripColumns = 8;

    /// <summary>Target rows of C per cache block: 256 rows × 64 k × 8 bytes = 128 KiB of packed A, sized for L2.</summary>
    private const int TargetRowBlock = 256;

    /// <summary>Rows of C per cache block: <see cref="TargetRowBlock"/> rounded down to whole A strips (packed strips start at multiples of <see cref="StripRows"/>).</summary>
    private static readonly int RowBlock = TargetRowBlock / StripRows * StripRows;

    /// <summary>Column strips per parallel work item: large enough to amortize scheduling, small enough to balance a triangle.</summary>
    private const int StripsPerTask = 8;

    /// <summary>Multiply-adds below which an update runs on one thread (task overhead ≈ tens of µs).</summary>
    private const double ParallelMinimumWork = 4e6;

    /// <summary>Doubles needed for a packed A of <paramref name="rows"/> × <paramref name="kk"/>.</summary>
    public static int PackedRowsLength(int rows, int kk) => (rows + StripRows - 1) / StripRows * StripRows * kk;

    /// <summary>Doubles needed for a packed B of <paramref name="cols"/> × <paramref name="kk"/>.</summary>
    public static int PackedColumnsLength(int cols, int kk) => (cols + StripColumns - 1) / StripColumns * StripColumns * kk;

    /// <summary>
    /// Packs <c>X(i, p) = src[i + p·ld]·scale[p]</c> (<paramref name="scale"/> may be null) into strips of
    /// <paramref name="strip"/> rows.
    /// </summary>
    /// <remarks>
    /// Each column segment is copied in 512-bit, then 256-bit vectors, the last few entries one by one:
    /// the same products, element by element, as a scalar loop. The JIT does not vectorize the scalar
    /// loop, and with it the packing took 12 % of the factorization's perf samples at 512², half as
    /// many as the micro-kernel (6 % with the vectors).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackColumnMajor(double* src, int ld, int rows, int kk, double* scale, int strip, double* dst)
    {
        for (int s0 = 0; s0 < rows; s0 += strip)
        {
            int h = Math.Min(strip, rows - s0);
            double* d = dst + (long)s0 * kk;
            for (int p = 0; p < kk; p++)
            {
                double f = scale == null ? 1.0 : scale[p];
                double* col = src + s0 + (long)p * ld;
                int r = 0;
                if (Vector512.IsHardwareAccelerated)
                    for (var f8 = Vector512.Create(f); r + Vector512<double>.Count <= h; r += Vector512<double>.Count)
                        Vector512.Store(Vector512.Load(col + r) * f8, d + r);
                if (Vector256.IsHardwareAccelerated)
                    for (var f4 = Vector256.Create(f); r + Vector256<double>.Count <= h; r += Vector256<double>.Count)
                        Vector256.Store(Vector256.Load(col + r) * f4, d + r);
                for (; r < h; r++) d[r] = col[r] * f;
                for (; r < strip; r++) d[r] = 0.0;
                d += strip;
            }
        }
    }

    /// <summary>Packs the transpose: <c>X(j, p) = src[p + j·ld]</c>, strips of <paramref name="strip"/> rows of X.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackRowMajor(double* src, int ld, int rows, int kk, int strip, double* dst)
    {
        for (int s0 = 0; s0 < rows; s0 += strip)
        {
            int h = Math.Min(strip, rows - s0);
            double* d = dst + (long)s0 * kk;
            for (int r = 0; r < strip; r++)
            {
                if (r < h)
                {
                    double* row = src + (long)(s0 + r) * ld;
                    for (int p = 0; p < kk; p++) d[p * strip + r] = row[p];
                }
                else
                {
                    for (int p = 0; p < kk; p++) d[p * strip + r] = 0.0;
                }
            }
        }
    }

    /// <summary>
    /// <c>C(i, j) −= Σ_p A(i, p) B(j, p)</c> for <c>0 ≤ i &lt; rows</c>, <c>0 ≤ j &lt; cols</c>; with
    /// <paramref name="lowerOnly"/> only tiles touching <c>i ≥ j</c> are computed (entries above the
    /// diagonal inside such tiles are overwritten with meaningless values).
    /// </summary>
    public static void Update(double* c, int ldc, int rows, int cols, double* apack, double* bpack, int kk, bool lowerOnly, bool allowParallel)
        => Update(c, ldc, rows, cols, apack, bpack, kk, lowerOnly, allowParallel, overwrite: false);

    /// <summary>
    /// As <see cref="Update(double*, int, int, int, double*, double*, int, bool, bool)"/>; with
    /// <paramref name="overwrite"/> the computed tiles are set to <c>−A Bᵀ</c> instead of updated, so C
    /// need not be cleared first (its old contents are never read).
    /// </summary>
    public static void Update(double* c, int ldc, int rows, int cols, double* apack, double* bpack, int kk, bool lowerOnly, bool allowParallel, bool overwrite)
    {
        if (rows <= 0 || cols <= 0 || kk <= 0) return;
        int strips = (cols + StripColumns - 1) / StripColumns;
        double work = (double)rows * cols * kk * (lowerOnly ? 0.5 : 1.0);
        if (!allowParallel || work < ParallelMinimumWork || Parallelism.Threads == 1)
        {
            UpdateStrips(c, ldc, rows, cols, apack, bpack, kk, lowerOnly, overwrite, 0, strips);
            return;
        }
        int tasks = (strips + StripsPerTask - 1) / StripsPerTask;
        nint cp = (nint)c, ap = (nint)apack, bp = (nint)bpack;
        Parallel.For(0, tasks, Parallelism.Options, t =>
        {
            int s0 = t * StripsPerTask;
            UpdateStrips((double*)cp, ldc, rows, cols, (double*)ap, (double*)bp, kk, lowerOnly, overwrite, s0, Math.Min(strips, s0 + StripsPerTask));
        });
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UpdateStrips(double* c, int ldc, int rows, int cols, double* apack, double* bpack, int kk, bool lowerOnly, bool overwrite, int strip0, int strip1)
    {
        double* tile = stackalloc double[MaxStripRows * MaxStripColumns];
        for (int r0 = 0; r0 < rows; r0 += RowBlock)
        {
            int r1 = Math.Min(rows, r0 + RowBlock);
            for (int js = strip0; js < strip1; js++)
            {
                int j0 = js * StripColumns;
                int w = Math.Min(StripColumns, cols - j0);
                double* b = bpack + (long)j0 * kk;
                int i0 = r0;
                if (lowerOnly && i0 < j0) i0 = Math.Max(r0, j0 / StripRows * StripRows);
                for (; i0 < r1; i0 += StripRows)
                {
                    int h = Math.Min(StripRows, rows - i0);
                    double* a = apack + (long)i0 * kk;
                    double* cij = c + i0 + (long)j0 * ldc;
                    if (h == StripRows && w == StripColumns) Micro(a, b, kk, cij, ldc, overwrite);
                    else
                    {
                        Micro(a, b, kk, tile, StripRows, overwrite: true);
                        for (int jj = 0; jj < w; jj++)
                            for (int ii = 0; ii < h; ii++)
                            {
                                double* e = cij + ii + (long)jj * ldc;
                                *e = overwrite ? tile[ii + jj * StripRows] : *e + tile[ii + jj * StripRows];
                            }
                    }
                }
            }
        }
    }

    /// <summary>Micro-kernel: <c>C[0..StripRows, 0..StripColumns] −= A_strip · B_stripᵀ</c> (<c>= −A_strip · B_stripᵀ</c> with <paramref name="overwrite"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Micro(double* a, double* b, int kk, double* c, int ldc, bool overwrite)
    {
        if (Avx512F.IsSupported)
        {
            Micro512(a, b, kk, c, ldc, overwrite);
            return;
        }
        if (Fma.IsSupported)
        {
            var c00 = Vector256<double>.Zero; var c10 = Vector256<double>.Zero;
            var c01 = Vector256<double>.Zero; var c11 = Vector256<double>.Zero;
            var c02 = Vector256<double>.Zero; var c12 = Vector256<double>.Zero;
            var c03 = Vector256<double>.Zero; var c13 = Vector256<double>.Zero;
            for (int p = 0; p < kk; p++)
            {
                var a0 = Avx.LoadVector256(a);
                var a1 = Avx.LoadVector256(a + 4);
                var b0 = Avx.BroadcastScalarToVector256(b);
                c00 = Fma.MultiplyAdd(a0, b0, c00); c10 = Fma.MultiplyAdd(a1, b0, c10);
                var b1 = Avx.BroadcastScalarToVector256(b + 1);
                c01 = Fma.MultiplyAdd(a0, b1, c01); c11 = Fma.MultiplyAdd(a1, b1, c11);
                var b2 = Avx.BroadcastScalarToVector256(b + 2);
                c02 = Fma.MultiplyAdd(a0, b2, c02); c12 = Fma.MultiplyAdd(a1, b2, c12);
                var b3 = Avx.BroadcastScalarToVector256(b + 3);
                c03 = Fma.MultiplyAdd(a0, b3, c03); c13 = Fma.MultiplyAdd(a1, b3, c13);
                a += StripRows; b += StripColumns;
            }
            Store(c, c00, c10, overwrite);
            Store(c + ldc, c01, c11, overwrite);
            Store(c + 2 * (long)ldc, c02, c12, overwrite);
            Store(c + 3 * (long)ldc, c03, c13, overwrite);
            return;
        }
        for (int j = 0; j < StripColumns; j++)
            for (int i = 0; i < 8; i++)
            {
                double s = 0;
                for (int p = 0; p < kk; p++) s += a[p * 8 + i] * b[p * StripColumns + j];
                c[i + (long)j * ldc] = overwrite ? -s : c[i + (long)j * ldc] - s;
            }
    }

    /// <summary>The AVX-512 micro-kernel: <c>C[0..24, 0..8] −= A_strip · B_stripᵀ</c> (or <c>=</c> its negation), 24 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Micro512(double* a, double* b, int kk, double* c, int ldc, bool overwrite)
    {
        var c00 = Vector512<double>.Zero; var c10 = Vector512<double>.Zero; var c20 = Vector512<double>.Zero;
        var c01 = Vector512<double>.Zero; var c11 = Vector512<double>.Zero; var c21 = Vector512<double>.Zero;
        var c02 = Vector512<double>.Zero; var c12 = Vector512<double>.Zero; var c22 = Vector512<double>.Zero;
        var c03 = Vector512<double>.Zero; var c13 = Vector512<double>.Zero; var c23 = Vector512<double>.Zero;
        var c04 = Vector512<double>.Zero; var c14 = Vector512<double>.Zero; var c24 = Vector512<double>.Zero;
        var c05 = Vector512<double>.Zero; var c15 = Vector512<double>.Zero; var c25 = Vector512<double>.Zero;
        var c06 = Vector512<double>.Zero; var c16 = Vector512<double>.Zero; var c26 = Vector512<double>.Zero;
        var c07 = Vector512<double>.Zero; var c17 = Vector512<double>.Zero; var c27 = Vector512<double>.Zero;
        for (int p = 0; p < kk; p++)
        {
            var a0 = Avx512F.LoadVector512(a);
            var a1 = Avx512F.LoadVector512(a + 8);
            var a2 = Avx512F.LoadVector512(a + 16);
            var bv = Vector512.Create(b[0]);
            c00 = Avx512F.FusedMultiplyAdd(a0, bv, c00); c10 = Avx512F.FusedMultiplyAdd(a1, bv, c10); c20 = Avx512F.FusedMultiplyAdd(a2, bv, c20);
            bv = Vector512.Create(b[1]);
            c01 = Avx512F.FusedMultiplyAdd(a0, bv, c01); c11 = Avx512F.FusedMultiplyAdd(a1, bv, c11); c21 = Avx512F.FusedMultiplyAdd(a2, bv, c21);
            bv = Vector512.Create(b[2]);
            c02 = Avx512F.FusedMultiplyAdd(a0, bv, c02); c12 = Avx512F.FusedMultiplyAdd(a1, bv, c12); c22 = Avx512F.FusedMultiplyAdd(a2, bv, c22);
            bv = Vector512.Create(b[3]);
            c03 = Avx512F.FusedMultiplyAdd(a0, bv, c03); c13 = Avx512F.FusedMultiplyAdd(a1, bv, c13); c23 = Avx512F.FusedMultiplyAdd(a2, bv, c23);
            bv = Vector512.Create(b[4]);
            c04 = Avx512F.FusedMultiplyAdd(a0, bv, c04); c14 = Avx512F.FusedMultiplyAdd(a1, bv, c14); c24 = Avx512F.FusedMultiplyAdd(a2, bv, c24);
            bv = Vector512.Create(b[5]);
            c05 = Avx512F.FusedMultiplyAdd(a0, bv, c05); c15 = Avx512F.FusedMultiplyAdd(a1, bv, c15); c25 = Avx512F.FusedMultiplyAdd(a2, bv, c25);
            bv = Vector512.Create(b[6]);
            c06 = Avx512F.FusedMultiplyAdd(a0, bv, c06); c16 = Avx512F.FusedMultiplyAdd(a1, bv, c16); c26 = Avx512F.FusedMultiplyAdd(a2, bv, c26);
            bv = Vector512.Create(b[7]);
            c07 = Avx512F.FusedMultiplyAdd(a0, bv, c07); c17 = Avx512F.FusedMultiplyAdd(a1, bv, c17); c27 = Avx512F.FusedMultiplyAdd(a2, bv, c27);
            a += 24; b += 8;
        }
        Store512(c, c00, c10, c20, overwrite);
        Store512(c + ldc, c01, c11, c21, overwrite);
        Store512(c + 2 * (long)ldc, c02, c12, c22, overwrite);
        Store512(c + 3 * (long)ldc, c03, c13, c23, overwrite);
        Store512(c + 4 * (long)ldc, c04, c14, c24, overwrite);
        Store512(c + 5 * (long)ldc, c05, c15, c25, overwrite);
        Store512(c + 6 * (long)ldc, c06, c16, c26, overwrite);
        Store512(c + 7 * (long)ldc, c07, c17, c27, overwrite);
    }

    /// <summary>C ← C − v, or C ← 0 − v with <paramref name="overwrite"/> (C not read: 0 − v, not −v, so that the result is exactly what a cleared C would give, −0 included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(double* c, Vector512<double> v0, Vector512<double> v1, Vector512<double> v2, bool overwrite)
    {
        var z = Vector512<double>.Zero;
        Avx512F.Store(c, Avx512F.Subtract(overwrite ? z : Avx512F.LoadVector512(c), v0));
        Avx512F.Store(c + 8, Avx512F.Subtract(overwrite ? z : Avx512F.LoadVector512(c + 8), v1));
        Avx512F.Store(c + 16, Avx512F.Subtract(overwrite ? z : Avx512F.LoadVector512(c + 16), v2));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(double* c, Vector256<double> lo, Vector256<double> hi, bool overwrite)
    {
        var z = Vector256<double>.Zero;
        Avx.Store(c, Avx.Subtract(overwrite ? z : Avx.LoadVector256(c), lo));
        Avx.Store(c + 4, Avx.Subtract(overwrite ? z : Avx.LoadVector256(c + 4), hi));
    }
}
