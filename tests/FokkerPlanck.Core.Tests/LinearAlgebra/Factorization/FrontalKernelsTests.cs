using FokkerPlanck.Core.LinearAlgebra.Factorization;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

public unsafe class FrontalKernelsTests
{
    /// <summary>The two kernels differ only in rounding order: entries of size ~1 agree to this.</summary>
    private const double RoundingTolerance = 1e-13;

    /// <summary>A symmetric, diagonally dominant front (m × m, column-major, full).</summary>
    private static double[] Front(int m, int seed)
    {
        var rng = new Random(seed);
        var f = new double[m * m];
        for (int j = 0; j < m; j++)
            for (int i = j; i < m; i++)
            {
                double v = i == j ? m + rng.NextDouble() : rng.NextDouble() - 0.5;
                f[i + j * m] = v;
                f[j + i * m] = v;
            }
        return f;
    }

    /// <summary>Runs one kernel on the first k columns of <paramref name="front"/>: (panel, pivots, lower triangle of C).</summary>
    private static (double[] Panel, double[] D, double[] C, int Bad) Run(double[] front, int m, int k, bool small)
    {
        int mb = m - k;
        var panel = front[..(m * k)];
        var d = new double[k];
        var c = Enumerable.Repeat(double.NaN, Math.Max(mb * mb, 1)).ToArray(); // C is overwritten, never read
        var work = new double[FrontalKernels.WorkspaceLength(m)];
        int bad;
        fixed (double* p = panel) fixed (double* dp = d) fixed (double* cp = c) fixed (double* w = work)
            bad = small ? FrontalKernels.LdltSplitSmall(p, m, k, dp, cp) : FrontalKernels.LdltSplit(p, m, k, dp, cp, w, false);
        return (panel, d, c, bad);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(9, 1)]
    [InlineData(12, 2)]
    [InlineData(20, 4)]
    [InlineData(24, 8)]   // contribution block of exactly two vectors
    [InlineData(31, 7)]
    [InlineData(32, 2)]   // four vectors, the largest small front
    [InlineData(32, 20)]  // more pivots than the blocked kernel's inner width
    [InlineData(17, 17)]  // no contribution block
    public void LdltSplitSmall_MatchesBlockedKernel(int m, int k)
    {
        var front = Front(m, 31 * m + k);
        var blocked = Run(front, m, k, small: false);
        var small = Run(front, m, k, small: true);
        Assert.Equal(-1, blocked.Bad);
        Assert.Equal(-1, small.Bad);
        for (int j = 0; j < k; j++)
        {
            Assert.Equal(blocked.D[j], small.D[j], RoundingTolerance * m);
            for (int i = j + 1; i < m; i++) Assert.Equal(blocked.Panel[i + j * m], small.Panel[i + j * m], RoundingTolerance);
        }
        int mb = m - k;
        for (int j = 0; j < mb; j++)
            for (int i = j; i < mb; i++)
            {
                double b = blocked.C[i + j * mb], s = small.C[i + j * mb];
                Assert.True(double.IsFinite(s), $"C[{i},{j}] not written");
                Assert.Equal(b, s, RoundingTolerance * k);
            }
        // and C is the Schur complement: front[k.., k..] + C = A₂₂ − L₂₁ D L₂₁ᵀ reproduces the full factorization's
        // trailing block when the whole front is eliminated
        if (mb > 0)
        {
            var full = Run(front, m, m, small: m <= FrontalKernels.SmallFrontRows);
            var schur = new double[mb * mb];
            for (int j = 0; j < mb; j++)
                for (int i = j; i < mb; i++) schur[i + j * mb] = front[k + i + (k + j) * m] + small.C[i + j * mb];
            // the first pivot of the Schur complement is the (k+1)-th pivot of the whole front
            Assert.Equal(full.D[k], schur[0], 1e-12 * m);
        }
    }

    [Fact]
    public void LdltSplitSmall_ZeroPivot_ReturnsItsColumn()
    {
        int m = 10, k = 4;
        var front = Front(m, 5);
        // column 2 a copy of column 0 with a₀₀ = 1: eliminating column 0 leaves exactly zero in row and
        // column 2 (1/a₀₀ = 1, no rounding), so the third pivot is exactly zero in both kernels
        front[0] = 1.0;
        for (int i = 0; i < m; i++) { front[i + 2 * m] = front[i]; front[2 + i * m] = front[i * m]; }
        front[2 + 2 * m] = 1.0;
        var blocked = Run(front, m, k, small: false);
        var small = Run(front, m, k, small: true);
        Assert.Equal(2, small.Bad);
        Assert.Equal(blocked.Bad, small.Bad);
    }

    [Fact]
    public void LdltSplitSmall_FrontTooLarge_Throws()
    {
        int m = FrontalKernels.SmallFrontRows + 1;
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(Front(m, 1), m, 2, small: true));
    }

    [Theory]
    [InlineData(32, 13)]  // three groups of four earlier columns and a single one
    [InlineData(20, 8)]
    [InlineData(9, 9)]    // no rows below the pivots
    public void LdltSplitSmall_PivotColumns_AreTheRightLookingSweepToTheBit(int m, int k)
    {
        var front = Front(m, m * 7 + k);
        var (panel, d, _, bad) = Run(front, m, k, small: true);
        Assert.Equal(-1, bad);
        // reference: textbook right-looking elimination, one rounded y − (l·d)·x per column
        var f = front[..(m * k)];
        var dd = new double[k];
        for (int j = 0; j < k; j++)
        {
            dd[j] = f[j + j * m];
            double inv = 1.0 / dd[j];
            for (int i = j + 1; i < m; i++) f[i + j * m] *= inv;
            for (int c = j + 1; c < k; c++)
            {
                double a = f[c + j * m] * dd[j];
                for (int i = c; i < m; i++) f[i + c * m] -= a * f[i + j * m];
            }
        }
        Assert.Equal(dd, d);
        for (int j = 0; j < k; j++)
            for (int i = j + 1; i < m; i++)
                Assert.Equal(f[i + j * m], panel[i + j * m]);
    }

    [Fact]
    public void SubtractScaled4_IsFourSubtractScaledInOrder_ToTheBit()
    {
        var rng = new Random(5);
        for (int n = 0; n < 20; n++)
        {
            double[] R() => Enumerable.Range(0, n).Select(_ => rng.NextDouble() - 0.5).ToArray();
            double[] y = R(), x0 = R(), x1 = R(), x2 = R(), x3 = R();
            double a0 = rng.NextDouble(), a1 = rng.NextDouble(), a2 = rng.NextDouble(), a3 = rng.NextDouble();
            var expected = (double[])y.Clone();
            fixed (double* e = expected) fixed (double* py = y) fixed (double* p0 = x0) fixed (double* p1 = x1) fixed (double* p2 = x2) fixed (double* p3 = x3)
            {
                VectorOps.SubtractScaled(e, p0, a0, n);
                VectorOps.SubtractScaled(e, p1, a1, n);
                VectorOps.SubtractScaled(e, p2, a2, n);
                VectorOps.SubtractScaled(e, p3, a3, n);
                VectorOps.SubtractScaled4(py, p0, p1, p2, p3, a0, a1, a2, a3, n);
            }
            Assert.Equal(expected, y);
        }
    }
}
