using FokkerPlanck.Core.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>A MathNet dense matrix as an <see cref="ILinearOperator"/> (manufactured test matrices).</summary>
internal sealed class DenseOperator(Matrix<double> a) : ILinearOperator
{
    private readonly double[] _data = a.ToColumnMajorArray();

    public int Size { get; } = a.RowCount;

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        int n = Size;
        y[..n].Clear();
        for (int j = 0; j < n; j++)
        {
            double xj = x[j];
            var col = _data.AsSpan(j * n, n);
            for (int i = 0; i < n; i++) y[i] += col[i] * xj;
        }
    }
}
