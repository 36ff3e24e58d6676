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
            if (_f.Length == 0) _f = new double[a.Size];
            w.CopyTo(_f, 0);
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < _vCount; i++)
                {
                    double c = VectorOps.Dot(_v[i], _f);
                    _h[i, j] += c;
                    VectorOps.AddScaled(_f, -c, _v[i]);
                }
            _wCount++;
            _fNorm = VectorOps.Norm(_f);
            if (_vCount < capacity) AppendResidual();
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
        var h = y.TransposeThisAndMultiply(Projected()).Multiply(y);
        TransformInPlace(_v, _vCount, y, keep);
        TransformInPlace(_w, _wCount, y, keep);
        Array.Clear(_h);
        for (int c = 0; c < keep; c++)
            for (int r = 0; r < keep; r++) _h[r, c] = h[r, c];
        _vCount = keep;
        _wCount = keep;
        AppendResidual();
    }

    /// <summary>Rows per block of <see cref="TransformInPlace"/>: a block of the kept vectors (keep × 512 doubles) stays in cache.</summary>
    private const int TransformBlock = 512;

    /// <summary>
    /// <c>X[0..keep) ← X[0..count) · Y</c> in place, a block of rows at a time (the restart allocates nothing; the slots
    /// past <paramref name="keep"/> keep their arrays for the next vectors).
    /// </summary>
    private static void TransformInPlace(double[][] x, int count, Matrix<double> y, int keep)
    {
        int n = x[0].Length;
        var block = new double[keep * TransformBlock];
        for (int i0 = 0; i0 < n; i0 += TransformBlock)
        {
            int len = Math.Min(TransformBlock, n - i0);
            Array.Clear(block);
            for (int c = 0; c < keep; c++)
            {
                var target = block.AsSpan(c * TransformBlock, len);
                for (int l = 0; l < count; l++) VectorOps.AddScaled(target, y[l, c], x[l].AsSpan(i0, len));
            }
            for (int c = 0; c < keep; c++) block.AsSpan(c * TransformBlock, len).CopyTo(x[c].AsSpan(i0, len));
        }
    }

    /// <summary>A residual below this is an invariant subspace found (see <see cref="ThickRestartArnoldi"/>).</summary>
    private double BreakdownScale => ThickRestartArnoldi.BreakdownTolerance * Math.Max(NormEstimate, double.Epsilon);

    /// <summary>
    /// Appends the normalized residual direction f/‖f‖ (a random direction orthogonal to the basis when f has vanished)
    /// into the next slot, reusing its array, and fills its row of H.
    /// </summary>
    private void AppendResidual()
    {
        int r = _vCount;
        var v = _v[r] ??= new double[a.Size];
        if (_fNorm >= BreakdownScale)
        {
            _f.CopyTo(v, 0);
            VectorOps.Scale(v, 1 / _fNorm);
        }
        else
        {
            random.Fill(v);
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i < r; i++) VectorOps.AddScaled(v, -VectorOps.Dot(_v[i], v), _v[i]);
            VectorOps.Scale(v, 1 / VectorOps.Norm(v));
        }
        for (int j = 0; j < _wCount; j++) _h[r, j] = VectorOps.Dot(v, _w[j]);
        _vCount++;
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
