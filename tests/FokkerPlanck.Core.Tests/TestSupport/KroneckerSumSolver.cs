using FokkerPlanck.Core.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>
/// Test-only exact solver of (Aₓ ⊕ A_y − σI) X = B for 2D Neumann Laplacians by fast
/// diagonalization with the analytic 1D cosine eigenvectors: X = Qₓ [(Qₓᵀ B Q_y) ./ (λᵢ + μⱼ − σ)] Q_yᵀ
/// (Lynch, Rice &amp; Thomas, Numer. Math. 6 (1964) 185). Grid index p = i + nx·j (x fastest).
/// </summary>
internal sealed class KroneckerSumSolver : ILinearSolver
{
    private readonly int _nx, _ny;
    private readonly Matrix<double> _qx, _qy;
    private readonly double[] _inv;

    public KroneckerSumSolver(int nx, int ny, double hx, double hy, double shift)
    {
        _nx = nx; _ny = ny;
        Size = nx * ny;
        _qx = CosineBasis(nx);
        _qy = CosineBasis(ny);
        var lx = Laplacians.Spectrum1D(nx, hx);
        var ly = Laplacians.Spectrum1D(ny, hy);
        _inv = new double[Size];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) _inv[i + nx * j] = 1.0 / (lx[i] + ly[j] - shift);
    }

    public int Size { get; }

    /// <summary>Number of solve calls (block calls count once) and right-hand sides.</summary>
    public long Calls { get; private set; }

    public long Columns { get; private set; }

    public void Solve(ReadOnlySpan<double> b, Span<double> x) => Solve(b, x, 1);

    public void Solve(ReadOnlySpan<double> b, Span<double> x, int count)
    {
        Calls++;
        Columns += count;
        for (int c = 0; c < count; c++)
        {
            var bm = Matrix<double>.Build.Dense(_nx, _ny, b.Slice(c * Size, Size).ToArray());
            var hat = _qx.TransposeThisAndMultiply(bm) * _qy;
            var data = hat.AsColumnMajorArray();
            for (int p = 0; p < Size; p++) data[p] *= _inv[p];
            var xm = _qx * hat.TransposeAndMultiply(_qy);
            xm.AsColumnMajorArray().CopyTo(x.Slice(c * Size, Size));
        }
    }

    /// <summary>General separable case: Aₓ ⊕ A_y for any small symmetric 1D matrices (dense EVD of each factor).</summary>
    public KroneckerSumSolver(CsrMatrix ax, CsrMatrix ay, double shift)
    {
        _nx = ax.RowCount; _ny = ay.RowCount;
        Size = _nx * _ny;
        var ex = DenseLuSolver.ToDense(ax).Evd(Symmetricity.Symmetric);
        var ey = DenseLuSolver.ToDense(ay).Evd(Symmetricity.Symmetric);
        _qx = ex.EigenVectors;
        _qy = ey.EigenVectors;
        _inv = new double[Size];
        for (int j = 0; j < _ny; j++)
            for (int i = 0; i < _nx; i++) _inv[i + _nx * j] = 1.0 / (ex.EigenValues[i].Real + ey.EigenValues[j].Real - shift);
    }

    /// <summary>The CSR matrix Aₓ ⊗ I + I ⊗ A_y (index i + nx·j).</summary>
    public static CsrMatrix Assemble(CsrMatrix ax, CsrMatrix ay)
    {
        int nx = ax.RowCount, ny = ay.RowCount;
        var t = new List<(int, int, double)>();
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int p = i + nx * j;
                for (int k = ax.RowPointers[i]; k < ax.RowPointers[i + 1]; k++) t.Add((p, ax.ColumnIndices[k] + nx * j, ax.Values[k]));
                for (int k = ay.RowPointers[j]; k < ay.RowPointers[j + 1]; k++) t.Add((p, i + nx * ay.ColumnIndices[k], ay.Values[k]));
            }
        return CsrMatrix.FromTriplets(nx * ny, nx * ny, t);
    }

    private static Matrix<double> CosineBasis(int n)
    {
        var q = Matrix<double>.Build.Dense(n, n);
        for (int k = 0; k < n; k++)
        {
            double scale = k == 0 ? Math.Sqrt(1.0 / n) : Math.Sqrt(2.0 / n);
            for (int i = 0; i < n; i++) q[i, k] = scale * Math.Cos(Math.PI * k * (i + 0.5) / n);
        }
        return q;
    }
}
