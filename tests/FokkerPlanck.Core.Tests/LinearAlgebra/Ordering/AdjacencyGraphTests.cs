using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Ordering;

public class AdjacencyGraphTests
{
    /// <summary>Neighbour sets built from triplets: (i, j) and (j, i) for every off-diagonal entry.</summary>
    private static SortedSet<int>[] Reference(CsrMatrix a)
    {
        var sets = Enumerable.Range(0, a.RowCount).Select(_ => new SortedSet<int>()).ToArray();
        for (int i = 0; i < a.RowCount; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
            {
                int j = a.ColumnIndices[k];
                if (j == i) continue;
                sets[i].Add(j);
                sets[j].Add(i);
            }
        return sets;
    }

    private static void AssertMatches(CsrMatrix a)
    {
        var g = AdjacencyGraph.FromPattern(a);
        var expected = Reference(a);
        for (int v = 0; v < a.RowCount; v++) Assert.Equal(expected[v].ToArray(), g.Of(v).ToArray());
    }

    [Fact]
    public void SymmetricPattern_SortedNeighboursWithoutDiagonal()
        => AssertMatches(SparseTestMatrices.RandomSpdGrid(150, 120, seed: 2)); // several parallel chunks

    [Fact]
    public void UnsymmetricPattern_IsSymmetrized()
    {
        // a grid pattern with some upper entries dropped, one lower entry added without its partner,
        // and a row without a diagonal
        var t = new List<(int, int, double)>();
        int n = 40;
        for (int i = 0; i < n; i++)
        {
            if (i != 7) t.Add((i, i, 4.0));
            if (i + 1 < n && i % 3 != 0) t.Add((i, i + 1, -1.0));
            if (i > 0) t.Add((i, i - 1, -1.0));
        }
        t.Add((30, 2, 0.5));
        AssertMatches(CsrMatrix.FromTriplets(n, n, t));
    }
}
