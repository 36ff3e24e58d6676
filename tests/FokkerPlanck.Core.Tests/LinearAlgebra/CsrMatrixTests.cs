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
}
