using System.Text;
using FokkerPlanck.Core.Spectral.Operators;

namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>
/// State and main loop of one <see cref="ThickRestartLanczos"/> run: block expansion, Rayleigh–Ritz,
/// convergence test on true residuals, and thick restart.
/// </summary>
internal sealed class LanczosIteration
{
    private readonly IBlockLinearOperator _op;
    private readonly int _n, _m, _b, _nev;
    private readonly BlockKrylovBasis _basis;
    private readonly double[] _h;      // m × m projected matrix, column-major, leading dimension m
    private readonly double[] _r;      // b × b coupling of the last block
    private readonly double[] _c;      // (m + b) × b orthogonalization coefficients
    private long _applications, _calls;

    public LanczosIteration(IBlockLinearOperator op, int n, int m, int b, int nev, Action<Span<double>>? project, ulong seed)
    {
        _op = op;
        _n = n; _m = m; _b = b; _nev = nev;
        _basis = new BlockKrylovBasis(n, m + b, project, new StartVectorGenerator(seed));
        _h = new double[m * m];
        _r = new double[b * b];
        _c = new double[(m + b) * b];
    }

    /// <summary>
    /// Number of Ritz vectors kept at a restart: the wanted ones plus half of the remaining space
    /// (the Krylov–Schur / ARPACK-style choice; Wu &amp; Simon §4 discuss keeping more than nev to
    /// preserve the convergence rate), leaving room for at least one new block (l + b ≤ m; the
    /// options guarantee m ≥ nev + b).
    /// </summary>
    private int KeepCount(int k) => Math.Clamp(_nev + (k - _nev) / 2, _nev, Math.Min(k, _m - _b));

    public EigenResult Execute(ShiftInvertOperator shiftInvert, EigenpairAssembler assembler,
        EigenProblem problem, EigenOptions options, StringBuilder messages)
    {
        double tol = options.Tolerance, reference = options.ToleranceReference ?? shiftInvert.Shift;
        _basis.FillStart(_b, options.StartVectors);
        if (!_basis.OrthonormalizeBlock(0, _b, _c, _r))
            return Fail("The start block is not finite.");
        int k = 0;
        for (int restart = 1; ; restart++)
        {
            bool lastChance = restart >= options.MaxRestarts;
            RayleighRitz? ritz = null;
            while (k + _b <= _m)
            {
                if (!Expand(k)) return Fail($"The operator returned non-finite values in restart {restart}.");
                k += _b;
                // Rayleigh–Ritz after every block (O(k³) on a k ≤ m matrix, negligible next to a solve)
                // so that the run stops as soon as the wanted pairs converge, not only at full basis.
                if (k < _nev) continue;
                ritz = RayleighRitz.Compute(_h, _m, k, _r, _b);
                if (!ritz.Succeeded) return Fail($"The Rayleigh–Ritz step failed in restart {restart}.");
                bool full = k + _b > _m;
                if ((lastChance && full) || KrylovEstimatesSmall(ritz, shiftInvert, assembler, tol, reference))
                {
                    var done = TryFinish(ritz, k, restart, lastChance && full, shiftInvert, assembler, problem, options, reference, messages);
                    if (done is not null) return done;
                }
            }
            k = Restart(ritz!, k);
        }

        EigenResult Fail(string reason)
        {
            messages.Append(reason).Append(' ');
            return assembler.Build(problem, options, EigenStatus.NumericalIssue, [], 0, _applications, _calls, messages);
        }
    }

    /// <summary>
    /// Forms the wanted Ritz vectors, purified, and their true residuals; returns the result when all
    /// converged (or when <paramref name="force"/> is set), otherwise null.
    /// </summary>
    /// <remarks>
    /// Purification (the ARPACK <c>dseupd</c> step for shift-invert, Lehoucq, Sorensen &amp; Yang 1998,
    /// §4.6; Ericsson &amp; Ruhe 1980): with B V = V H + Q R Eᵀ and a Ritz pair (ν, y = V s), one more
    /// application of B is free, <c>B y = ν y + Q R Eᵀs</c>, and z = B y / ν satisfies
    /// <c>A z − (σ + 1/ν) z = −Q R Eᵀs / ν²</c> exactly: the residual is the Krylov estimate divided by ν²,
    /// while y itself carries (A − σI) times the Krylov residual, rounding noise amplified by ‖A‖.
    /// A pair whose Krylov estimate is already below <see cref="RoundingStagnationFactor"/> times its
    /// target while the true residual is not is at the rounding floor: more iterations cannot lower it,
    /// so it counts as converged and its residual is reported as measured.
    /// </remarks>
    private EigenResult? TryFinish(RayleighRitz ritz, int k, int restart, bool force, ShiftInvertOperator shiftInvert,
        EigenpairAssembler assembler, EigenProblem problem, EigenOptions options, double reference, StringBuilder messages)
    {
        var pairs = new List<(double, double[], double)>(_nev);
        bool allConverged = true, finite = true, floorLimited = false;
        var vectors = new double[_nev][];
        for (int j = 0; j < _nev; j++) vectors[j] = new double[_n];
        int kb = k + _b;
        var coefficients = new double[kb * _nev];
        for (int j = 0; j < _nev; j++)
        {
            var y = ritz.Vector(j);
            y.CopyTo(coefficients.AsSpan(j * kb, k));
            for (int i = 0; i < _b; i++)
            {
                double ri = 0.0;
                for (int l = i; l < _b; l++) ri += _r[i + l * _b] * y[k - _b + l];
                coefficients[j * kb + k + i] = ri / ritz.Theta[j];
            }
        }
        _basis.Combine(kb, coefficients, _nev, vectors);
        var (lambdas, residuals) = assembler.EvaluateAll(vectors);
        for (int j = 0; j < _nev; j++)
        {
            var u = vectors[j];
            double lambda = lambdas[j], residual = residuals[j];
            finite &= double.IsFinite(lambda) && double.IsFinite(residual);
            double target = assembler.Target(lambda, reference, options.Tolerance);
            bool converged = residual <= target;
            if (!converged && PurifiedEstimate(ritz, j) <= RoundingStagnationFactor * target)
            {
                converged = true;
                floorLimited = true;
            }
            allConverged &= converged;
            pairs.Add((lambda, u, residual));
        }
        if (!finite)
        {
            messages.Append($"Non-finite Ritz pair in restart {restart}. ");
            return assembler.Build(problem, options, EigenStatus.NumericalIssue, [], restart, _applications, _calls, messages);
        }
        if (!allConverged && !force) return null;
        if (!allConverged)
            messages.Append($"Not converged after {restart} restart(s) (MaxRestarts = {options.MaxRestarts}). ");
        else if (floorLimited)
            messages.Append("Some residuals are limited by rounding (their Krylov estimates are far below the tolerance). ");
        if (_basis.Breakdowns > 0)
            messages.Append($"{_basis.Breakdowns} Lanczos breakdown(s) (invariant subspaces) replaced by random directions. ");
        return assembler.Build(problem, options, allConverged ? EigenStatus.Converged : EigenStatus.NotConverged,
            pairs, restart, _applications, _calls, messages);
    }

    /// <summary>
    /// Fraction of its target below which a pair's Krylov estimate proves the iteration converged even
    /// when rounding keeps the measured residual above the target (see <see cref="TryFinish"/>).
    /// </summary>
    private const double RoundingStagnationFactor = 0.1;

    /// <summary>Residual of the purified Ritz vector in exact arithmetic: the Krylov estimate over ν².</summary>
    private static double PurifiedEstimate(RayleighRitz ritz, int j) => ritz.Estimates[j] / (ritz.Theta[j] * ritz.Theta[j]);

    /// <summary>Applies the operator to block [k, k+b), orthonormalizes the result into [k+b, k+2b) and updates H and R.</summary>
    private bool Expand(int k)
    {
        int b = _b, kb = k + b;
        _op.Apply(_basis.Columns(k, b), _basis.Columns(kb, b), b);
        _applications += b;
        _calls++;
        if (!_basis.OrthonormalizeBlock(kb, b, _c, _r)) return false;
        // Column block [k, k+b) of H: coefficients against all previous vectors (C is kb × b).
        for (int j = 0; j < b; j++)
        {
            for (int i = 0; i < k; i++)
            {
                double v = _c[i + j * kb];
                _h[i + (k + j) * _m] = v;
                _h[(k + j) + i * _m] = v;
            }
            // Diagonal block: symmetric in exact arithmetic; average the two computed triangles.
            for (int i = 0; i <= j; i++)
            {
                double v = 0.5 * (_c[(k + i) + j * kb] + _c[(k + j) + i * kb]);
                _h[(k + i) + (k + j) * _m] = v;
                _h[(k + j) + (k + i) * _m] = v;
            }
        }
        return true;
    }

    /// <summary>
    /// Cheap pre-test before forming Ritz vectors: the purified residual of every wanted pair,
    /// <see cref="PurifiedEstimate"/>, is below its target (exact in exact arithmetic, so true residuals
    /// are computed about once per run).
    /// </summary>
    private bool KrylovEstimatesSmall(RayleighRitz ritz, ShiftInvertOperator shiftInvert, EigenpairAssembler assembler, double tol, double reference)
    {
        for (int j = 0; j < _nev; j++)
        {
            double nu = ritz.Theta[j];
            if (nu == 0.0) return false;
            double lambda = shiftInvert.ToEigenvalue(nu);
            if (!(PurifiedEstimate(ritz, j) <= assembler.Target(lambda, reference, tol))) return false;
        }
        return true;
    }

    /// <summary>Thick restart: V ← V Y_l, H ← diag(θ_l), residual block moved behind the kept vectors.</summary>
    private int Restart(RayleighRitz ritz, int k)
    {
        int l = KeepCount(k);
        _basis.Rotate(k, ritz.Y.AsSpan(0, k * l), l);
        _basis.MoveColumns(k, l, _b);
        Array.Clear(_h);
        for (int i = 0; i < l; i++) _h[i + i * _m] = ritz.Theta[i];
        return l;
    }
}
