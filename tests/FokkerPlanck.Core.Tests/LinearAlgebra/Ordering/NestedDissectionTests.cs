using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Ordering;

public class NestedDissectionTests
{
    /// <summary>ND on a 64×64 grid must have at most this fraction of the natural ordering's factor entries (measured ≈ 0.4).</summary>
    private const double MaxFillRatioVersusNatural = 0.6;

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 17)]
    [InlineData(40, 1)]
    [InlineData(3, 50)]
    [InlineData(33, 21)]
    [InlineData(64, 64)]
    public void ForGrid_AnyShape_IsValidPermutation(int nx, int ny)
    {
        var p = NestedDissection.ForGrid(nx, ny);
        AssertPermutation(p, nx * ny);
    }

    [Fact]
    public void ForGrid_OneDimensional_IsNatural()
    {
        Assert.True(NestedDissection.ForGrid(100, 1).IsIdentity);
        Assert.True(NestedDissection.ForGrid(1, 100).IsIdentity);
    }

    [Fact]
    public void ForGrid_SquareGrid_HasMuchLessFillThanNatural()
    {
        var a = SparseTestMatrices.GridLaplacian(64, 64, 1e-3);
        long nd = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(64, 64)).NonZerosInFactor;
        long natural = SymbolicFactorization.Analyze(a, Permutation.Identity(64 * 64)).NonZerosInFactor;
        Assert.True(nd < MaxFillRatioVersusNatural * natural, $"nnz(L): ND {nd}, natural {natural}");
    }

    [Fact]
    public void ForPattern_RandomPattern_IsValidAndReducesFill()
    {
        var a = SparseTestMatrices.GridLaplacian(48, 48, 1e-3);
        var p = NestedDissection.ForPattern(a);
        AssertPermutation(p, a.RowCount);
        long nd = SymbolicFactorization.Analyze(a, p).NonZerosInFactor;
        long natural = SymbolicFactorization.Analyze(a, Permutation.Identity(a.RowCount)).NonZerosInFactor;
        Assert.True(nd < natural, $"nnz(L): graph ND {nd}, natural {natural}");
        AssertPermutation(NestedDissection.ForPattern(SparseTestMatrices.RandomSpdPattern(500, 4, 3)), 500);
    }

    [Fact]
    public void ForGrid_NonPositiveSize_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NestedDissection.ForGrid(0, 5));
    }

    private static void AssertPermutation(Permutation p, int n)
    {
        Assert.Equal(n, p.Size);
        var seen = new bool[n];
        for (int k = 0; k < n; k++)
        {
            int old = p.NewToOld[k];
            Assert.False(seen[old]);
            seen[old] = true;
            Assert.Equal(k, p.OldToNew[old]);
        }
    }
}
