using FokkerPlanck.Core.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>Test-only <see cref="ILinearSolver"/>: MathNet dense LU of (A − σI).</summary>
internal sealed class DenseLuSolver : ILinearSolver
{
    private readonly MathNet.Numerics.LinearAlgebra.Factorization.LU<double> _lu;

    public DenseLuSolver(Matrix<double> a, double shift)
    {
        Size = a.RowCount;
        _lu = (a - shift * Matrix<double>.Build.DenseIdentity(Size)).LU();
    }

    public int Size { get; }

    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        var rhs = Vector<double>.Build.DenseOfArray(b.ToArray());
        _lu.Solve(rhs).AsArray().CopyTo(x);
    }

    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        var rhs = Matrix<double>.Build.Dense(Size, count, b[..(Size * count)].ToArray());
        _lu.Solve(rhs).AsColumnMajorArray().CopyTo(x);
    }

    public static Matrix<double> ToDense(CsrMatrix a)
    {
        var m = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
        for (int i = 0; i < a.RowCount; i++)
            for (int k = a.RowPointers[i]; k < a.RowPointers[i + 1]; k++) m[i, a.ColumnIndices[k]] = a.Values[k];
        return m;
    }
}
