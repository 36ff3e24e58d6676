using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Core.Spectral.Lanczos;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Core.Spectral.Arnoldi;

/// <summary>
/// The orthonormal Krylov basis V of <see cref="ThickRestartArnoldi"/>, the products <c>W = A V</c>, the
/// projection <c>H = VᵀW</c> and the residual direction f of the last column (<c>A V = V H + f eₘᵀ</c>).
/// </summary>
internal sealed class KrylovBasis(ILinearOperator a, int capacity, StartVectorGenerator random)
{
    private readonly double[][] _v = new double[capacity][];
    private readonly double[][] _w = new double[capacity][];
    private readonly double[,] _h = new double[capacity, capacity];
    private double[] _f = [];
    private double _fNorm;
    private int _vCount, _wCount;

    /// <summary>The basis size between restarts.</summary>
    public int Capacity => capacity;

    /// <summary>The current number of basis vectors.</summary>
    public int Size => _vCount;

    /// <summary>The largest <c>‖A v‖</c> seen, a lower bound of the operator's norm.</summary>
    public double NormEstimate { get; private set; }

    /// <summary>Operator applications so far.</summary>
    public long Applications { get; private set; }

    /// <summary>Starts from <paramref name="start"/> (random when empty).</summary>
    public void Begin(ReadOnlySpan<double> start)
    {
        var v = new double[a.Size];
        if (start.IsEmpty) random.Fill(v);
        else start.CopyTo(v);
        double norm = VectorOps.Norm(v);
        if (!(norm > 0) || !double.IsFinite(norm)) throw new ArgumentException("The start vector must be finite and non-zero.", nameof(start));
        VectorOps.Scale(v, 1 / norm);
        _v[0] = v;
        _vCount = 1;
        _wCount = 0;
    }

    /// <summary>Arnoldi steps until the basis is full.</summary>
    public void Expand()
    {
        while (_wCount < capacity)
        {
            int j = _wCount;
            var w = _w[j] ??= new double[a.Size];
            a.Apply(_v[j], w);
            Applications++;
            NormEstimate = Math.Max(NormEstimate, VectorOps.Norm(w));
            var f = (double[])w.Clone();
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < _vCount; i++)
                {
                    double c = VectorOps.Dot(_v[i], f);
                    _h[i, j] += c;
                    VectorOps.AddScaled(f, -c, _v[i]);
                }
            _wCount++;
            double beta = VectorOps.Norm(f);
            if (_vCount < capacity) Append(beta < BreakdownScale ? RandomOrthogonal() : Scaled(f, 1 / beta));
            else
            {
                _f = f;
                _fNorm = beta;
            }
        }
    }

    /// <summary>H = VᵀAV of the full basis.</summary>
    public Matrix<double> Projected() => Matrix<double>.Build.Dense(_vCount, _wCount, (i, j) => _h[i, j]);

    /// <summary>The residual of Ritz pair <paramref name="index"/>: <c>‖f‖·|last coefficient|</c> for its unit Ritz vector.</summary>
    public double RitzResidual(RitzPairs ritz, int index)
    {
        var (re, im) = ritz.Coefficients(index);
        double last = re[^1] * re[^1] + (im.Length == 0 ? 0 : im[^1] * im[^1]);
        return _fNorm * Math.Sqrt(last);
    }

    /// <summary><c>V c</c>.</summary>
    public double[] Combine(ReadOnlySpan<double> coefficients)
    {
        var x = new double[a.Size];
        for (int l = 0; l < coefficients.Length; l++) VectorOps.AddScaled(x, coefficients[l], _v[l]);
        return x;
    }

    /// <summary>
    /// Keeps the invariant subspace of the best <paramref name="keep"/> Ritz pairs (an orthonormal real basis Y of
    /// their vectors: V ← VY, W ← WY, H ← YᵀHY) and appends the residual direction.
    /// </summary>
    public void Restart(RitzPairs ritz, int keep)
    {
        var y = OrthonormalColumns(ritz, keep);
        var v = new double[keep][];
        var w = new double[keep][];
        for (int c = 0; c < keep; c++)
        {
            v[c] = new double[a.Size];
            w[c] = new double[a.Size];
            for (int l = 0; l < _vCount; l++)
            {
                VectorOps.AddScaled(v[c], y[l, c], _v[l]);
                VectorOps.AddScaled(w[c], y[l, c], _w[l]);
            }
        }
        var h = y.TransposeThisAndMultiply(Projected()).Multiply(y);
        Array.Clear(_h);
        for (int c = 0; c < keep; c++)
        {
            _v[c] = v[c];
            _w[c] = w[c];
            for (int r = 0; r < keep; r++) _h[r, c] = h[r, c];
        }
        _vCount = keep;
        _wCount = keep;
        Append(_fNorm < BreakdownScale ? RandomOrthogonal() : Scaled(_f, 1 / _fNorm));
    }

    /// <summary>A residual below this is an invariant subspace found (see <see cref="ThickRestartArnoldi"/>).</summary>
    private double BreakdownScale => ThickRestartArnoldi.BreakdownTolerance * Math.Max(NormEstimate, double.Epsilon);

    /// <summary>Appends a unit vector orthogonal to the basis and fills its row of H.</summary>
    private void Append(double[] v)
    {
        int r = _vCount;
        _v[r] = v;
        for (int j = 0; j < _wCount; j++) _h[r, j] = VectorOps.Dot(v, _w[j]);
        _vCount++;
    }

    private double[] RandomOrthogonal()
    {
        var v = new double[a.Size];
        random.Fill(v);
        for (int pass = 0; pass < 2; pass++)
            for (int i = 0; i < _vCount; i++) VectorOps.AddScaled(v, -VectorOps.Dot(_v[i], v), _v[i]);
        return Scaled(v, 1 / VectorOps.Norm(v));
    }

    private static double[] Scaled(double[] f, double s)
    {
        var v = (double[])f.Clone();
        VectorOps.Scale(v, s);
        return v;
    }

    /// <summary>An orthonormal basis (modified Gram–Schmidt, twice) of the real and imaginary parts of the first <paramref name="keep"/> pairs' vectors.</summary>
    private static Matrix<double> OrthonormalColumns(RitzPairs ritz, int keep)
    {
        int m = ritz.Vectors.RowCount;
        var columns = new List<double[]>();
        for (int k = 0; k < keep; k++)
        {
            var p = ritz.Ordered[k];
            if (p.Im >= 0 && p.Value.Imaginary < 0) continue; // the conjugate adds nothing real
            var (re, im) = ritz.Coefficients(k);
            columns.Add(re);
            if (im.Length > 0) columns.Add(im);
        }
        var y = Matrix<double>.Build.Dense(m, columns.Count);
        for (int c = 0; c < columns.Count; c++)
        {
            var col = columns[c];
            for (int pass = 0; pass < 2; pass++)
                for (int prev = 0; prev < c; prev++)
                {
                    double dot = 0;
                    for (int i = 0; i < m; i++) dot += y[i, prev] * col[i];
                    for (int i = 0; i < m; i++) col[i] -= dot * y[i, prev];
                }
            double norm = Math.Sqrt(col.Sum(v => v * v));
            for (int i = 0; i < m; i++) y[i, c] = col[i] / norm;
        }
        return y;
    }
}
