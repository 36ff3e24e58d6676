using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.LinearAlgebra.Ordering;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Ordering;

public class EliminationTreeTests
{
    [Theory]
    [InlineData(7, 5)]
    [InlineData(12, 1)]
    public void ColumnCounts_GridMatrix_MatchBooleanElimination(int nx, int ny)
    {
        var a = SparseTestMatrices.GridLaplacian(nx, ny, 1.0);
        var p = NestedDissection.ForGrid(nx, ny);
        var counts = EliminationTree.ColumnCounts(a, p);
        var expected = BooleanColumnCounts(a, p);
        Assert.Equal(expected, counts);
    }

    [Fact]
    public void ColumnCounts_RandomPattern_MatchBooleanElimination()
    {
        var a = SparseTestMatrices.RandomSpdPattern(60, 3, 11);
        var p = NestedDissection.ForPattern(a);
        Assert.Equal(BooleanColumnCounts(a, p), EliminationTree.ColumnCounts(a, p));
    }

    [Theory]
    [InlineData(97, 61, false)]   // grid, nested dissection (postordered tree)
    [InlineData(40, 33, true)]    // grid, natural order (a path-like tree)
    public void ColumnCounts_LargerGrids_MatchRowSubtreeWalk(int nx, int ny, bool natural)
    {
        var a = SparseTestMatrices.GridLaplacian(nx, ny, 1.0);
        var p = natural ? Permutation.Identity(nx * ny) : NestedDissection.ForGrid(nx, ny);
        var pattern = EliminationTree.Pattern(a, p);
        var parent = EliminationTree.Parents(pattern);
        var expected = ColumnCountsByRowSubtrees(pattern, parent);
        Assert.Equal(expected, EliminationTree.ColumnCounts(pattern, parent));
        // both trees are postordered: the shortcut that skips computing the postorder gives the same counts
        Assert.True(EliminationTree.IsPostordered(parent));
        Assert.Equal(expected, EliminationTree.ColumnCounts(pattern, parent, postordered: true));
    }

    [Theory]
    [InlineData(300, 4, 1)]
    [InlineData(500, 2, 2)]   // sparse: a forest of several trees
    public void ColumnCounts_RandomPatterns_MatchRowSubtreeWalk(int n, int degree, int seed)
    {
        var a = SparseTestMatrices.RandomSpdPattern(n, degree, seed);
        foreach (var p in new[] { Permutation.Identity(n), NestedDissection.ForPattern(a) })
        {
            var pattern = EliminationTree.Pattern(a, p);
            var parent = EliminationTree.Parents(pattern);
            Assert.Equal(ColumnCountsByRowSubtrees(pattern, parent), EliminationTree.ColumnCounts(pattern, parent));
        }
    }

    /// <summary>
    /// Reference column counts (diagonal included) by walking each row subtree from the entries of
    /// row k up the elimination tree until a node already marked for row k (Davis 2006 §4.1–4.2).
    /// </summary>
    private static int[] ColumnCountsByRowSubtrees(PermutedPattern pattern, int[] parent)
    {
        int n = pattern.Size;
        var count = new int[n];
        var mark = new int[n];
        for (int k = 0; k < n; k++)
        {
            count[k]++;
            mark[k] = k + 1;
            foreach (int i in pattern.Below(k))
                for (int j = i; mark[j] != k + 1; j = parent[j])
                {
                    count[j]++;
                    mark[j] = k + 1;
                }
        }
        return count;
    }

    [Fact]
    public void Postorder_Forest_ChildrenBeforeParents()
    {
        var a = SparseTestMatrices.RandomSpdPattern(80, 2, 5);
        var parent = EliminationTree.Compute(a, Permutation.Identity(80));
        var post = EliminationTree.Postorder(parent);
        var position = new int[80];
        for (int k = 0; k < 80; k++) position[post[k]] = k;
        for (int j = 0; j < 80; j++)
            if (parent[j] >= 0) Assert.True(position[j] < position[parent[j]]);
    }

    [Fact]
    public void IsPostordered_AgreesWithPostorderBeingTheIdentity()
    {
        // random forests (parent after child), the same forests relabelled into their postorder,
        // elimination trees of random patterns, and nested dissection of grids
        var rng = new Random(11);
        var parents = new List<int[]>();
        for (int trial = 0; trial < 300; trial++)
        {
            int n = rng.Next(1, 40);
            var parent = new int[n];
            for (int j = 0; j < n; j++) parent[j] = j + 1 < n && rng.NextDouble() < 0.85 ? rng.Next(j + 1, n) : -1;
            parents.Add(parent);
            var post = EliminationTree.Postorder(parent);
            var position = new int[n];
            for (int k = 0; k < n; k++) position[post[k]] = k;
            var relabelled = new int[n];
            for (int j = 0; j < n; j++) relabelled[position[j]] = parent[j] < 0 ? -1 : position[parent[j]];
            parents.Add(relabelled);
        }
        for (int seed = 1; seed <= 5; seed++)
            parents.Add(EliminationTree.Compute(SparseTestMatrices.RandomSpdPattern(120, 3, seed), Permutation.Identity(120)));
        foreach (var (nx, ny) in new[] { (17, 9), (32, 32), (1, 40) })
            parents.Add(EliminationTree.Compute(SparseTestMatrices.GridLaplacian(nx, ny, 1.0), NestedDissection.ForGrid(nx, ny)));
        int postordered = 0;
        foreach (var parent in parents)
        {
            bool identity = Permutation.FromNewToOld(EliminationTree.Postorder(parent)).IsIdentity;
            Assert.Equal(identity, EliminationTree.IsPostordered(parent));
            if (identity) postordered++;
        }
        Assert.InRange(postordered, 300, parents.Count - 50); // both answers were exercised
    }

    /// <summary>Independent oracle: dense boolean Gaussian elimination of P A Pᵀ.</summary>
    private static int[] BooleanColumnCounts(CsrMatrix a, Permutation p)
    {
        int n = a.RowCount;
        var s = new bool[n, n];
        for (int i = 0; i < n; i++)
        {
            s[i, i] = true;
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
            {
                int ni = p.OldToNew[i], nj = p.OldToNew[a.ColumnIndices[k]];
                s[ni, nj] = s[nj, ni] = true;
            }
        }
        var counts = new int[n];
        for (int j = 0; j < n; j++)
        {
            for (int i = j; i < n; i++) if (s[i, j]) counts[j]++;
            for (int i = j + 1; i < n; i++)
                if (s[i, j])
                    for (int r = j + 1; r < n; r++)
                        if (s[r, j]) s[r, i] = s[i, r] = true;
        }
        return counts;
    }
}
