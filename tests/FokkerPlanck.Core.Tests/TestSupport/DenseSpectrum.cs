using FokkerPlanck.Core.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>Dense reference eigen-decomposition of small sparse matrices (MathNet, independent of our solvers).</summary>
internal static class DenseSpectrum
{
    public static Matrix<double> ToDense(CsrMatrix a)
    {
        var m = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
        for (int i = 0; i < a.RowCount; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++) m[i, a.ColumnIndices[k]] = a.Values[k];
        return m;
    }

    /// <summary>Ascending eigenvalues of a symmetric matrix.</summary>
    public static double[] SymmetricEigenvalues(CsrMatrix a)
    {
        var evd = ToDense(a).Evd(Symmetricity.Symmetric);
        return evd.EigenValues.Select(z => z.Real).Order().ToArray();
    }
}
