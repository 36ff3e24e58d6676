using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>
/// Test-only solver of a symmetric tridiagonal (A − σI) by an LDLᵀ (Thomas) factorization without
/// pivoting: valid for the 1D Laplacians with σ below the spectrum (positive definite).
/// </summary>
internal sealed class TridiagonalSolver : ILinearSolver
{
    private readonly double[] _d, _l;

    public TridiagonalSolver(CsrMatrix a, double shift)
    {
        int n = a.RowCount;
        Size = n;
        _d = new double[n];
        _l = new double[n];
        for (int i = 0; i < n; i++)
        {
            double diag = a[i, i] - shift;
            if (i > 0)
            {
                double off = a[i, i - 1];
                _l[i] = off / _d[i - 1];
                diag -= _l[i] * off;
            }
            _d[i] = diag;
        }
    }

    public int Size { get; }

    public void Solve(ReadOnlySpan<double> b, Span<double> x)
    {
        int n = Size;
        x[0] = b[0];
        for (int i = 1; i < n; i++) x[i] = b[i] - _l[i] * x[i - 1];
        for (int i = 0; i < n; i++) x[i] /= _d[i];
        for (int i = n - 2; i >= 0; i--) x[i] -= _l[i + 1] * x[i + 1];
    }

    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        for (int j = 0; j < count; j++) Solve(b.Slice(j * Size, Size), x.Slice(j * Size, Size));
    }
}
