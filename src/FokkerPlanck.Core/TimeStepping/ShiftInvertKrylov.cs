using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// <c>exp(τL)δ</c> for a constant forward generator L and every τ in <c>[0, horizon]</c> at once, by
/// the shift-and-invert Krylov method: Arnoldi on <c>Z = (I − γL)⁻¹</c> (one factorization, one
/// solve per dimension) and the small exponential of the projected generator.
/// </summary>
/// <remarks>
/// <para>Moret and Novati, BIT 44, 595 (2004); van den Eshof and Hochbruck, SIAM J. Sci. Comput. 27,
/// 1438 (2006). With <c>Z V_m = V_m H_m + h_{m+1,m} v_{m+1} e_mᵀ</c> and <c>v₁ = δ/β</c>, the
/// approximation is <c>y(τ) = β V_m exp(τB) e₁</c> with <c>B = (I − H_m⁻¹)/γ</c>. It satisfies
/// <c>y′ = L y − ρ(τ)</c> with the defect <c>ρ(τ) = β (h_{m+1,m}/γ) (I − γL) v_{m+1} · e_mᵀ H_m⁻¹ exp(τB) e₁</c>
/// (multiply the Arnoldi relation by <c>H_m⁻¹</c>). Since <c>exp(sL)</c> is a stochastic matrix
/// (an L1 contraction), the L1 error obeys <c>‖y(τ) − exp(τL)δ‖₁ ≤ ∫₀^τ ‖ρ(s)‖₁ ds</c>: a bound
/// the builder evaluates (trapezoid on a logarithmic grid in s) and drives below the tolerance.</para>
/// <para>Stiffness costs nothing: the rational approximation in <c>1/(1 + γμ)</c> sends the fast
/// rates μ to zero, and the slow modes are the dominant eigenvectors of Z, found first.
/// Mass: δ is a deviation with <c>Σδ = 0</c>, and <c>1ᵀZ = 1ᵀ</c>, so every Krylov vector and the
/// result have zero sum up to round-off; the caller adds back the equilibrium.</para>
/// </remarks>
public sealed class ShiftInvertKrylov
{
    /// <summary>Points of the logarithmic s-grid on which the defect is integrated (the defect is smooth in ln s; each point costs one small exponential).</summary>
    private const int BoundPoints = 24;

    /// <summary>The first Arnoldi dimension at which the bound is evaluated, and the spacing of later checks (each check costs <see cref="BoundPoints"/> exponentials of order m).</summary>
    private const int CheckEvery = 8;

    private readonly OperatorCache _operators;
    private readonly StageSolver _solver;
    private readonly double _temperature;
    private readonly int _maxDimension;
    private readonly List<double[]> _basis = [];
    private ProjectedExponential? _projected;
    private double _beta;

    /// <summary>Creates the propagator for <c>L_T</c>.</summary>
    /// <param name="operators">Operator cache (for <c>L_T</c> products).</param>
    /// <param name="solver">Stage solver (its factor is replaced by one of <c>I − γL_T</c>).</param>
    /// <param name="temperature">The constant temperature.</param>
    /// <param name="maxDimension">Largest Krylov dimension (each basis vector is one state vector of memory).</param>
    public ShiftInvertKrylov(OperatorCache operators, StageSolver solver, double temperature, int maxDimension)
    {
        ArgumentNullException.ThrowIfNull(operators);
        ArgumentNullException.ThrowIfNull(solver);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDimension, 2);
        _operators = operators; _solver = solver; _temperature = temperature; _maxDimension = maxDimension;
    }

    /// <summary>Dimension of the last basis built.</summary>
    public int Dimension => _basis.Count;

    /// <summary>The L1 error bound at the horizon of the last build.</summary>
    public double Bound { get; private set; } = double.NaN;

    /// <summary>
    /// Builds the basis from <paramref name="delta"/> with shift γ until the L1 error bound over
    /// <c>[0, horizon]</c> is below <paramref name="tolerance"/>; false when the largest dimension was
    /// reached first (the basis is then unusable).
    /// </summary>
    public bool Build(ReadOnlySpan<double> delta, double gamma, double horizon, double tolerance)
    {
        _basis.Clear();
        _beta = VectorOps.Norm(delta);
        if (_beta == 0) { _projected = null; Bound = 0; return true; }
        if (_solver.ReferenceCoefficient != gamma || _solver.ReferenceTemperature != _temperature) _solver.Factorize(gamma, _temperature);
        int n = delta.Length;
        var h = new double[_maxDimension + 1, _maxDimension];
        var v = new double[n];
        for (int i = 0; i < n; i++) v[i] = delta[i] / _beta;
        _basis.Add(v);
        for (int j = 0; j < _maxDimension; j++)
        {
            var w = new double[n];
            _solver.ApplyInverse(_basis[j], w);
            // modified Gram–Schmidt, twice (Daniel, Gragg, Kaufman and Stewart 1976: one pass loses orthogonality)
            for (int pass = 0; pass < 2; pass++)
                for (int i = 0; i <= j; i++)
                {
                    double c = VectorOps.Dot(_basis[i], w);
                    h[i, j] += c;
                    VectorOps.AddScaled(w, -c, _basis[i]);
                }
            double norm = VectorOps.Norm(w);
            h[j + 1, j] = norm;
            int m = j + 1;
            bool last = m == _maxDimension || norm == 0;
            if (norm > 0) VectorOps.Scale(w, 1 / norm);
            if (m >= CheckEvery && (m % CheckEvery == 0 || last))
            {
                var (b, hinv) = Project(h, m, gamma);
                var exponential = new ProjectedExponential(b);
                Bound = norm == 0 ? 0 : DefectIntegral(exponential, hinv, m, norm / gamma * ShiftedNorm1(w, gamma), horizon);
                if (Bound <= tolerance) { _projected = exponential; return true; }
            }
            if (last) break;
            _basis.Add(w);
        }
        _basis.Clear();
        return false;
    }

    /// <summary>Writes <c>exp(τL)δ</c> (the last successful build) into <paramref name="result"/>.</summary>
    public void Evaluate(double tau, Span<double> result)
    {
        result.Clear();
        if (_projected is null) return;
        var y = _projected.FirstColumn(tau);
        for (int k = 0; k < y.Length; k++) VectorOps.AddScaled(result, _beta * y[k], _basis[k]);
    }

    private static (double[,] B, double[,] HInverse) Project(double[,] h, int m, double gamma)
    {
        var hm = new double[m, m];
        var id = new double[m, m];
        for (int i = 0; i < m; i++) { id[i, i] = 1; for (int j = 0; j < m; j++) hm[i, j] = h[i, j]; }
        var hinv = DenseMatrixExponential.Solve(hm, id);
        var b = new double[m, m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) b[i, j] = ((i == j ? 1 : 0) - hinv[i, j]) / gamma;
        return (b, hinv);
    }

    /// <summary><c>β·scale·∫₀^horizon |e_mᵀ H⁻¹ exp(sB) e₁| ds</c> by the trapezoid rule on a logarithmic grid.</summary>
    private double DefectIntegral(ProjectedExponential exponential, double[,] hinv, int m, double scale, double horizon)
    {
        double Defect(double s)
        {
            var y = exponential.FirstColumn(s);
            double d = 0;
            for (int k = 0; k < m; k++) d += hinv[m - 1, k] * y[k];
            return Math.Abs(d);
        }
        double first = horizon * 1e-6, total = 0, prevS = 0, prevD = Defect(0);
        for (int p = 0; p < BoundPoints; p++)
        {
            double s = first * Math.Pow(horizon / first, (double)p / (BoundPoints - 1));
            double d = Defect(s);
            total += 0.5 * (d + prevD) * (s - prevS);
            prevS = s; prevD = d;
        }
        return _beta * scale * total;
    }

    /// <summary><c>‖(I − γL) w‖₁</c>.</summary>
    private double ShiftedNorm1(double[] w, double gamma)
    {
        var lw = new double[w.Length];
        _operators.Apply(_temperature, w, lw);
        double s = 0;
        for (int i = 0; i < w.Length; i++) s += Math.Abs(w[i] - gamma * lw[i]);
        return s;
    }
}
