using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Tests.TestSupport;

namespace FokkerPlanck.Core.Tests.LinearAlgebra;

public class CsrMatrixTests
{
    /// <summary>Row-by-row reference product, written independently of the library's kernels.</summary>
    private static double[] Reference(CsrMatrix a, double[] x)
    {
        var y = new double[a.RowCount];
        for (int i = 0; i < a.RowCount; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++) y[i] += a.Values[k] * x[a.ColumnIndices[k]];
        return y;
    }

    [Theory]
    [InlineData(8, 8)]        // serial path
    [InlineData(300, 257)]    // above the parallel threshold, a partial last chunk
    public void Multiply_MatchesRowByRowReference_BitForBit(int nx, int ny)
    {
        var a = SparseTestMatrices.RandomSpdGrid(nx, ny, seed: 3);
        var x = SparseTestMatrices.RandomVector(a.RowCount, seed: 4);
        var y = new double[a.RowCount];
        a.Multiply(x, y);
        Assert.Equal(Reference(a, x), y);
    }

    [Fact]
    public void ScaleAndAddDiagonal_KeepTheStructureAndChangeOnlyValues()
    {
        var a = SparseTestMatrices.RandomSpdGrid(5, 4, seed: 1);
        var b = a.Scale(-2.0).AddDiagonal(0.25);
        Assert.Equal(a.RowPointers.ToArray(), b.RowPointers.ToArray());
        Assert.Equal(a.ColumnIndices.ToArray(), b.ColumnIndices.ToArray());
        for (int i = 0; i < a.RowCount; i++)
            for (int j = 0; j < a.ColumnCount; j++)
                Assert.Equal(-2.0 * a[i, j] + (i == j ? 0.25 : 0.0), b[i, j], 14);
    }

    [Fact]
    public void AddDiagonal_LargeMatrix_ParallelPathMatchesEntrywise()
    {
        var a = SparseTestMatrices.RandomSpdGrid(300, 257, seed: 9); // above the parallel threshold
        var b = a.AddDiagonal(1.5);
        for (int i = 0; i < a.RowCount; i += 97)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++)
            {
                int j = a.ColumnIndices[k];
                Assert.Equal(a.Values[k] + (i == j ? 1.5 : 0.0), b.Values[k]);
            }
        Assert.Equal(a.Values[^1] + 1.5, b.Values[^1]);
    }

    [Fact]
    public void AddDiagonal_MissingDiagonalEntry_IsInserted()
    {
        var a = CsrMatrix.FromTriplets(3, 3, [(0, 0, 1.0), (0, 1, 2.0), (1, 0, 2.0), (2, 2, 3.0)]);
        var b = a.AddDiagonal(0.5);
        Assert.Equal(1.5, b[0, 0]);
        Assert.Equal(0.5, b[1, 1]);
        Assert.Equal(3.5, b[2, 2]);
        Assert.Equal(2.0, b[0, 1]);
        Assert.Equal(5, b.NonZerosCount);
    }

    [Fact]
    public void Diagonal_MatchesIndexer_WithMissingEntriesAndRectangularShape()
    {
        // rows with and without a stored diagonal, entries only left or only right of it, an empty row
        var a = CsrMatrix.FromTriplets(4, 5, [(0, 1, 2.0), (0, 4, 1.0), (1, 0, 3.0), (1, 1, -4.0), (1, 3, 5.0), (3, 0, 6.0), (3, 2, 7.0)]);
        Assert.Equal([0.0, -4.0, 0.0, 0.0], a.Diagonal());
        var big = SparseTestMatrices.RandomSpdGrid(300, 257, seed: 4); // parallel path
        var d = big.Diagonal();
        for (int i = 0; i < big.RowCount; i++) Assert.Equal(big[i, i], d[i]);
    }
}
