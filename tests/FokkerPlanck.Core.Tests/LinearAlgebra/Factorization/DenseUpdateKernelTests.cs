using FokkerPlanck.Core.LinearAlgebra.Factorization;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

public unsafe class DenseUpdateKernelTests
{
    /// <summary>C −= A Bᵀ computed plainly, A (rows × kk) and B (cols × kk) column-major.</summary>
    private static double[] Reference(double[] c0, int ldc, int rows, int cols, double[] a, double[] b, int kk)
    {
        var c = (double[])c0.Clone();
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++)
            {
                double s = 0;
                for (int p = 0; p < kk; p++) s += a[i + p * rows] * b[j + p * cols];
                c[i + j * ldc] -= s;
            }
        return c;
    }

    private static double[] Run(double[] c0, int ldc, int rows, int cols, double[] a, double[] b, int kk, bool lowerOnly, bool parallel, bool overwrite)
    {
        var c = (double[])c0.Clone();
        var ap = new double[DenseUpdateKernel.PackedRowsLength(rows, kk)];
        var bp = new double[DenseUpdateKernel.PackedColumnsLength(cols, kk)];
        fixed (double* pa = a) fixed (double* pb = b) fixed (double* pap = ap) fixed (double* pbp = bp) fixed (double* pc = c)
        {
            DenseUpdateKernel.PackColumnMajor(pa, rows, rows, kk, null, DenseUpdateKernel.StripRows, pap);
            DenseUpdateKernel.PackColumnMajor(pb, cols, cols, kk, null, DenseUpdateKernel.StripColumns, pbp);
            DenseUpdateKernel.Update(pc, ldc, rows, cols, pap, pbp, kk, lowerOnly, parallel, overwrite);
        }
        return c;
    }

    [Theory]
    [InlineData(37, 29, 11, false, false)]   // edge tiles in both directions
    [InlineData(200, 200, 64, true, false)]  // lower triangle only
    [InlineData(301, 190, 64, false, true)]  // parallel strips
    [InlineData(260, 260, 40, true, true)]
    public void Update_MatchesReference_AndOverwriteIgnoresOldContents(int rows, int cols, int kk, bool lowerOnly, bool parallel)
    {
        var rng = new Random(rows * 7 + cols);
        double[] Rand(int len) => Enumerable.Range(0, len).Select(_ => rng.NextDouble() - 0.5).ToArray();
        int ldc = rows + 3;
        var a = Rand(rows * kk);
        var b = Rand(cols * kk);
        var c0 = Rand(ldc * cols);
        var zero = new double[ldc * cols];
        var garbage = Enumerable.Repeat(double.NaN, ldc * cols).ToArray();

        var updated = Run(c0, ldc, rows, cols, a, b, kk, lowerOnly, parallel, overwrite: false);
        var expected = Reference(c0, ldc, rows, cols, a, b, kk);
        var fromZero = Run(zero, ldc, rows, cols, a, b, kk, lowerOnly, parallel, overwrite: false);
        var overwritten = Run(garbage, ldc, rows, cols, a, b, kk, lowerOnly, parallel, overwrite: true);
        var expectedFromZero = Reference(zero, ldc, rows, cols, a, b, kk);
        for (int j = 0; j < cols; j++)
            for (int i = 0; i < rows; i++)
            {
                if (lowerOnly && i < j) continue; // entries above the diagonal are unspecified
                int q = i + j * ldc;
                Assert.Equal(expected[q], updated[q], 1e-12);
                Assert.Equal(expectedFromZero[q], fromZero[q], 1e-12);
                Assert.Equal(fromZero[q], overwritten[q]); // bit for bit: overwrite = update of a cleared C
            }
        for (int j = 0; j < cols; j++)
            for (int i = rows; i < ldc; i++) Assert.True(double.IsNaN(overwritten[i + j * ldc]), "rows past the block are untouched");
    }

    [Theory]
    [InlineData(53, 7, 24, true)]   // two full strips of 24 and a partial one of 5, scaled
    [InlineData(53, 7, 8, true)]    // six full strips of 8 and a partial one of 5
    [InlineData(19, 3, 24, false)]  // a single partial strip (vectors of 8 and 4, then a scalar tail of 3)
    [InlineData(30, 5, 3, true)]    // a strip narrower than any vector: scalar only
    public void PackColumnMajor_IsTheScaledStripLayout_BitForBit(int rows, int kk, int strip, bool scaled)
    {
        var rng = new Random(rows * 31 + strip);
        int ld = rows + 5;
        var src = Enumerable.Range(0, ld * kk).Select(_ => rng.NextDouble() - 0.5).ToArray();
        var scale = Enumerable.Range(0, kk).Select(_ => rng.NextDouble() + 0.5).ToArray();
        int padded = (rows + strip - 1) / strip * strip;
        var packed = Enumerable.Repeat(double.NaN, padded * kk).ToArray();
        fixed (double* s = src) fixed (double* f = scale) fixed (double* d = packed)
            DenseUpdateKernel.PackColumnMajor(s, ld, rows, kk, scaled ? f : null, strip, d);
        for (int s0 = 0; s0 < padded; s0 += strip)
            for (int p = 0; p < kk; p++)
                for (int r = 0; r < strip; r++)
                {
                    int i = s0 + r;
                    double expected = i < rows ? src[i + p * ld] * (scaled ? scale[p] : 1.0) : 0.0;
                    Assert.Equal(expected, packed[s0 * kk + p * strip + r]);
                }
    }
}
