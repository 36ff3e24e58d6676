namespace FokkerPlanck.Validation.Support;

/// <summary>
/// LU factorization with partial pivoting of a general tridiagonal matrix, written for this suite
/// as a reference independent of Core's sparse LDLᵀ: row interchanges give an upper factor with two
/// super-diagonals (the scheme of LAPACK <c>dgttrf</c>/<c>dgtts2</c>; Golub &amp; Van Loan,
/// <i>Matrix Computations</i>, 4th ed., §4.3.3 on banded LU with pivoting). Stable for the
/// nonsymmetric, nearly singular shifted matrices of inverse iteration.
/// </summary>
internal sealed class PivotedTridiagonalLu
{
    private readonly double[] _u0, _u1, _u2, _mult;
    private readonly bool[] _swap;

    /// <summary>Factorizes the matrix with sub-diagonal <c>sub[i] = M[i, i−1]</c> (i ≥ 1), diagonal and super-diagonal <c>sup[i] = M[i, i+1]</c>.</summary>
    public PivotedTridiagonalLu(double[] sub, double[] diag, double[] sup)
    {
        int n = diag.Length;
        _u0 = (double[])diag.Clone();
        _u1 = new double[n];
        for (int i = 0; i + 1 < n; i++) _u1[i] = sup[i];
        _u2 = new double[n];
        _mult = new double[n];
        _swap = new bool[n];
        for (int i = 0; i + 1 < n; i++)
        {
            double below = sub[i + 1], nextDiag = _u0[i + 1], nextSup = i + 2 < n ? sup[i + 1] : 0.0;
            if (Math.Abs(below) > Math.Abs(_u0[i]))
            {
                // row i+1 becomes the pivot row; the old row i (entries u0, u1 at columns i, i+1) is eliminated
                double m = _u0[i] / below;
                double oldSup = _u1[i];
                _u0[i] = below; _u1[i] = nextDiag; _u2[i] = nextSup;
                _u0[i + 1] = oldSup - m * nextDiag;
                _u1[i + 1] = -m * nextSup;
                _mult[i] = m; _swap[i] = true;
            }
            else
            {
                double m = below / _u0[i];
                _u0[i + 1] = nextDiag - m * _u1[i];
                _u1[i + 1] = nextSup;
                _mult[i] = m;
            }
        }
    }

    /// <summary>Solves M x = b; returns x.</summary>
    public double[] Solve(double[] b)
    {
        int n = _u0.Length;
        var r = (double[])b.Clone();
        for (int i = 0; i + 1 < n; i++)
        {
            if (_swap[i]) (r[i], r[i + 1]) = (r[i + 1], r[i]);
            r[i + 1] -= _mult[i] * r[i];
        }
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = r[i];
            if (i + 1 < n) s -= _u1[i] * x[i + 1];
            if (i + 2 < n) s -= _u2[i] * x[i + 2];
            x[i] = s / _u0[i];
        }
        return x;
    }
}
