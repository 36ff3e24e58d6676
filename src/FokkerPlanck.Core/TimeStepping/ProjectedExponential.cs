using FokkerPlanck.Core.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// <c>exp(τB)e₁</c> of a small projected generator B for many τ: from its real eigendecomposition
/// <c>B = V D V⁻¹</c> (D block diagonal: 1×1 real eigenvalues, 2×2 blocks for complex pairs) in
/// O(m²) per τ; from the Padé approximant (<see cref="DenseMatrixExponential"/>) when the
/// eigenvectors are too ill-conditioned to reproduce B.
/// </summary>
/// <remarks>
/// The Krylov tail evaluates the exponential at every output time and, for its error bound, on a
/// grid of times at every check: with the Padé approximant alone that is O(m³) each, which for
/// m ≈ 60 and a few hundred times costs seconds; the eigendecomposition is computed once
/// (MathNet's <c>Evd</c>, Hessenberg QR). B is the projection of a generator similar to a
/// symmetric matrix, so its eigenvalues are real up to round-off and V is well conditioned; the
/// decomposition is accepted only if <c>‖V D V⁻¹ − B‖ ≤ </c><see cref="ReconstructionTolerance"/><c>·‖B‖</c>.
/// </remarks>
internal sealed class ProjectedExponential
{
    /// <summary>Largest relative reconstruction error of the eigendecomposition before the Padé path is used.</summary>
    public const double ReconstructionTolerance = 1e-9;

    private readonly double[,] _b;
    private readonly Matrix<double>? _v;
    private readonly double[] _diag = [], _off = [];
    private readonly double[] _w = [];

    public ProjectedExponential(double[,] b)
    {
        _b = b;
        int m = b.GetLength(0);
        var bm = Matrix<double>.Build.DenseOfArray(b);
        try
        {
            var evd = bm.Evd();
            var v = evd.EigenVectors; var d = evd.D;
            var vinv = v.Inverse();
            double err = (v * d * vinv - bm).FrobeniusNorm(), scale = bm.FrobeniusNorm();
            if (!(err <= ReconstructionTolerance * Math.Max(scale, double.Epsilon))) return;
            _v = v;
            _diag = new double[m]; _off = new double[m];
            for (int i = 0; i < m; i++) { _diag[i] = d[i, i]; _off[i] = i + 1 < m ? d[i, i + 1] : 0; }
            _w = vinv.Column(0).ToArray();
        }
        catch (ArgumentException) { _v = null; }
        catch (ArithmeticException) { _v = null; }
    }

    /// <summary>True when the eigendecomposition is used.</summary>
    public bool Diagonalized => _v is not null;

    /// <summary><c>exp(τB) e₁</c>.</summary>
    public double[] FirstColumn(double tau)
    {
        int m = _b.GetLength(0);
        if (_v is null)
        {
            var e1 = new double[m]; e1[0] = 1;
            return DenseMatrixExponential.Apply(DenseMatrixExponential.Scale(_b, tau), e1);
        }
        var z = new double[m];
        for (int i = 0; i < m; i++)
        {
            // a 2×2 block [[a, b], [−b, a]] starts at i when D[i, i+1] ≠ 0
            if (_off[i] != 0 && i + 1 < m)
            {
                double a = _diag[i], bb = _off[i], g = Math.Exp(tau * a), c = Math.Cos(tau * bb), s = Math.Sin(tau * bb);
                z[i] = g * (c * _w[i] + s * _w[i + 1]);
                z[i + 1] = g * (-s * _w[i] + c * _w[i + 1]);
                i++;
                continue;
            }
            z[i] = Math.Exp(tau * _diag[i]) * _w[i];
        }
        var y = new double[m];
        for (int r = 0; r < m; r++)
        {
            double sum = 0;
            for (int k = 0; k < m; k++) sum += _v[r, k] * z[k];
            y[r] = sum;
        }
        return y;
    }
}
