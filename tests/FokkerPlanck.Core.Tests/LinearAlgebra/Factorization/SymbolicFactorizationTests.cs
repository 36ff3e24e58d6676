using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Factorization;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Factorization;

public class SymbolicFactorizationTests
{
    /// <summary>Stored entries per column allowed for a tridiagonal matrix: relaxed supernodes of ≤ 16 columns store ≤ ~10.</summary>
    private const int MaxStoredPerColumnTridiagonal = 12;

    /// <summary>Relative residual bound for the well-conditioned SPD test matrices.</summary>
    private const double ResidualTolerance = 1e-12;

    [Fact]
    public void Analyze_Tridiagonal_HasNoFill()
    {
        var a = SparseTestMatrices.GridLaplacian(200, 1, 1.0);
        var s = SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(200, 1));
        // exact factor: 2n − 1 entries; relaxed supernodes store explicit zeros in small dense blocks
        Assert.Equal(2 * 200 - 1, EliminationTree.ColumnCounts(a, s.Ordering).Sum());
        Assert.InRange(s.NonZerosInFactor, 2 * 200 - 1, MaxStoredPerColumnTridiagonal * 200);
    }

    [Fact]
    public void Analyze_Reused_ForNewValuesWithSamePattern()
    {
        var a1 = SparseTestMatrices.RandomSpdGrid(20, 20, seed: 1);
        var a2 = SparseTestMatrices.RandomSpdGrid(20, 20, seed: 2);
        var s = SymbolicFactorization.Analyze(a1, NestedDissection.ForGrid(20, 20));
        Assert.True(s.Matches(a2));
        SparseLdltTests.AssertSolves(a2, SparseLdlt.Create(a2, s), ResidualTolerance);
    }

    [Fact]
    public void Analyze_NonSquare_ThrowsArgumentException()
    {
        var a = FokkerPlanck.Core.LinearAlgebra.CsrMatrix.FromTriplets(2, 3, [(0, 0, 1.0)]);
        Assert.Throws<ArgumentException>(() => SymbolicFactorization.Analyze(a));
    }

    [Fact]
    public void Analyze_WrongOrderingSize_ThrowsArgumentException()
    {
        var a = SparseTestMatrices.GridLaplacian(3, 3, 1.0);
        Assert.Throws<ArgumentException>(() => SymbolicFactorization.Analyze(a, Permutation.Identity(8)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void AssemblyMap_SymmetricPattern_SameEntriesPerSupernodeAsGeneralMap(int seed)
    {
        // a grid (geometric nested dissection, big supernodes) and an irregular symmetric pattern
        // (graph nested dissection): the per-supernode parallel map must own the same entries, with
        // the same front offsets and triangle flags, as the general bucket-sorted one; the arrow
        // pattern has rows too long for the linear partner search (the bisection path)
        foreach (var a in new[] { SparseTestMatrices.RandomSpdGrid(37, 23, seed), SparseTestMatrices.RandomSpdPattern(900, 5, seed), Arrow(70, seed) })
        {
            var s = a.RowCount == 37 * 23
                ? SymbolicFactorization.Analyze(a, NestedDissection.ForGrid(37, 23))
                : SymbolicFactorization.Analyze(a);
            var (ptr, src, dst) = s.GeneralAssemblyMap(a);
            Assert.Equal(ptr, s.AssemblyPointers);
            Assert.Equal(a.NonZerosCount, s.AssemblySource.Length);
            for (int sn = 0; sn < s.SupernodeCount; sn++)
            {
                var expected = Enumerable.Range(ptr[sn], ptr[sn + 1] - ptr[sn]).Select(e => (src[e], dst[e])).Order().ToArray();
                var actual = Enumerable.Range(ptr[sn], ptr[sn + 1] - ptr[sn]).Select(e => (s.AssemblySource[e], s.AssemblyTarget[e])).Order().ToArray();
                Assert.Equal(expected, actual);
            }
        }
    }

    /// <summary>A tridiagonal SPD matrix whose first three rows and columns are dense: rows of n entries.</summary>
    private static CsrMatrix Arrow(int n, int seed)
    {
        const int hubs = 3;
        var rng = new Random(seed);
        var t = new List<(int, int, double)>();
        for (int i = 0; i < n; i++)
        {
            t.Add((i, i, 4.0 * n));
            for (int j = 0; j < i; j++)
                if (j < hubs || j == i - 1)
                {
                    double w = rng.NextDouble() - 0.5;
                    t.Add((i, j, w)); t.Add((j, i, w));
                }
        }
        return CsrMatrix.FromTriplets(n, n, t);
    }
}
