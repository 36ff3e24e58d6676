using FokkerPlanck.Core.LinearAlgebra.Factorization;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// Solves the implicit stage equations <c>(I − c·L_T) x = b</c> of a time step with one sparse
/// factorization reused across steps and temperatures (<see cref="RefactorizationPolicy"/>).
/// </summary>
/// <remarks>
/// <para>The factor (<see cref="StageFactor"/>) is by default the LDLᵀ of the symmetrized stage
/// matrix <c>I + cA_T</c>, applied through the equilibrium scaling, else the LU of <c>L_T − σI</c>
/// with <c>σ = 1/c</c> (<see cref="StageFactorization"/>); either is refactorized in place on the
/// symbolic analysis of the grid, which is done once.</para>
/// <para>With a factor for <c>(c_ref, T_ref)</c> and a stage at <c>(c, T)</c>: start from
/// <c>x = W_ref⁻¹ b</c>, then sweep <c>x ← x + W_ref⁻¹ (b − x + c L_T x)</c> until the correction's
/// weighted RMS norm is below <see cref="RefactorizationPolicy.StopFactor"/>; a sweep that contracts
/// by more than <see cref="RefactorizationPolicy.MaxContraction"/>, or too many sweeps, trigger a new
/// factorization at <c>(c, T)</c> and an exact solve.</para>
/// </remarks>
public sealed class StageSolver : IDisposable
{
    private readonly OperatorCache _operator;
    private readonly RefactorizationPolicy _policy;
    private readonly double[] _correction;
    private readonly StageFactor _factor;

    /// <summary>Creates the solver; the symbolic analysis must match the grid's 5-point pattern.</summary>
    public StageSolver(OperatorCache op, SymbolicFactorization symbolic, RefactorizationPolicy? policy = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        ArgumentNullException.ThrowIfNull(symbolic);
        _operator = op; _policy = policy ?? RefactorizationPolicy.Default;
        _correction = new double[op.Size];
        _factor = new StageFactor(op.Family, symbolic, _policy.Factorization);
    }

    /// <summary>c of the current factor (NaN before the first).</summary>
    public double ReferenceCoefficient => _factor.Coefficient;

    /// <summary>T of the current factor (NaN before the first).</summary>
    public double ReferenceTemperature => _factor.Temperature;

    /// <summary>Whether the current factor is the symmetric LDLᵀ (false: the LU, or none yet).</summary>
    public bool SymmetricFactor => _factor.IsSymmetric;

    /// <summary>Numerical factorizations so far.</summary>
    public int Factorizations { get; private set; }

    /// <summary>Triangular solves so far (one per right-hand side).</summary>
    public long Solves { get; private set; }

    /// <summary>Defect-correction sweeps so far.</summary>
    public long Sweeps { get; private set; }

    /// <summary>Iterations abandoned for a new factor (contraction too slow).</summary>
    public int Fallbacks { get; private set; }

    /// <summary>Wall time spent in numerical factorizations.</summary>
    public TimeSpan FactorizationTime => _factorClock.Elapsed;

    /// <summary>Wall time spent in triangular solves.</summary>
    public TimeSpan SolveTime => _solveClock.Elapsed;

    private readonly System.Diagnostics.Stopwatch _factorClock = new();
    private readonly System.Diagnostics.Stopwatch _solveClock = new();

    /// <summary>Factorizes <c>I − cL_T</c> now if the policy asks for it at this (c, T).</summary>
    public void Prepare(double c, double temperature)
    {
        if (double.IsNaN(ReferenceCoefficient) || NeedsFactor(c, temperature)) Factorize(c, temperature);
    }

    private bool NeedsFactor(double c, double temperature)
    {
        if (c == ReferenceCoefficient && temperature == ReferenceTemperature) return false;
        if (_policy.RefactorEveryChange) return true;
        double ratio = c * temperature / (ReferenceCoefficient * ReferenceTemperature);
        return Math.Abs(ratio - 1) > _policy.MaxStiffnessChange;
    }

    /// <summary>Factorizes <c>I − c L_T</c>.</summary>
    public void Factorize(double c, double temperature)
    {
        if (!(c > 0) || !double.IsFinite(c)) throw new ArgumentOutOfRangeException(nameof(c), c, "The stage coefficient must be positive and finite.");
        var matrix = _operator.At(temperature);
        _factorClock.Start();
        _factor.Factorize(c, temperature, matrix);
        _factorClock.Stop();
        Factorizations++;
    }

    /// <summary>x = W⁻¹ b with the current factor (<paramref name="b"/> and <paramref name="x"/> may be the same span).</summary>
    public void ApplyInverse(ReadOnlySpan<double> b, Span<double> x)
    {
        _solveClock.Start();
        _factor.Apply(b, x);
        _solveClock.Stop();
        Solves++;
    }

    /// <summary>
    /// Solves <c>(I − c L_T) x = b</c> to the policy's stopping rule in the weighted norm with weights
    /// <paramref name="weights"/> (1/tolerance per cell).
    /// </summary>
    /// <param name="c">Stage coefficient d·h.</param>
    /// <param name="temperature">Stage temperature.</param>
    /// <param name="b">Right-hand side.</param>
    /// <param name="x">Solution; on entry a predictor of it when <paramref name="guess"/> is true.</param>
    /// <param name="weights">Error weights of the step.</param>
    /// <param name="guess">Whether <paramref name="x"/> holds a predictor: the sweeps then start from it
    /// (its error is of the order of the step's local error) instead of from <c>W_ref⁻¹b</c> (whose error
    /// is the whole mismatch between the factor and the stage matrix).</param>
    public void Solve(double c, double temperature, ReadOnlySpan<double> b, Span<double> x, ReadOnlySpan<double> weights, bool guess = false)
    {
        Prepare(c, temperature);
        bool exact = c == ReferenceCoefficient && temperature == ReferenceTemperature;
        if (exact || !guess) ApplyInverse(b, x);
        if (exact) return;
        if (Iterate(c, temperature, b, x, weights)) return;
        Fallbacks++;
        Factorize(c, temperature);
        ApplyInverse(b, x);
    }

    private bool Iterate(double c, double temperature, ReadOnlySpan<double> b, Span<double> x, ReadOnlySpan<double> weights)
    {
        double previous = double.NaN;
        var r = _correction.AsSpan();
        double omega = Relaxation(c * temperature / (ReferenceCoefficient * ReferenceTemperature));
        for (int sweep = 1; sweep <= _policy.MaxIterations; sweep++)
        {
            // r = b − (x − c L x)
            _operator.Apply(temperature, x, r);
            StageKernels.Defect(b, x, c, r);
            ApplyInverse(r, r); // r ← W_ref⁻¹ r, the correction
            double norm = Math.Sqrt(StageKernels.Correct(x, omega, r, weights) / r.Length);
            Sweeps++;
            if (!double.IsFinite(norm)) return false;
            double contraction = norm / previous;
            if (sweep > 1 && contraction > _policy.MaxContraction) return false;
            double remaining = sweep > 1 ? norm * contraction / (1 - contraction) : norm;
            if (remaining <= _policy.StopFactor) return true;
            previous = norm;
        }
        return false;
    }

    /// <summary>
    /// The relaxation of the sweeps for a stiffness ratio <c>r = cT/(c_ref T_ref)</c>: the eigenvalues of
    /// <c>W_ref⁻¹(I − cL_T)</c> lie near 1 for slow modes and near r for the stiff, diffusion-dominated ones
    /// (whose rates scale with T), so they fill the interval between r and 1. Richardson's iteration with
    /// <c>ω = 2/(1 + r)</c> centres that interval on 1 and contracts by <c>|1 − r|/(1 + r)</c> instead of
    /// <c>|1 − r|</c> (Saad, <i>Iterative Methods for Sparse Linear Systems</i>, 2nd ed., §4.2.1: the optimal
    /// parameter for a real positive spectrum in [λ_min, λ_max] is 2/(λ_min + λ_max)).
    /// </summary>
    internal static double Relaxation(double ratio)
    {
        double r = Math.Clamp(ratio, MinRelaxedRatio, 1 / MinRelaxedRatio);
        return 2 / (1 + r);
    }

    /// <summary>Stiffness ratios beyond [this, 1/this] are clipped before the relaxation is chosen (the factor is renewed long before).</summary>
    private const double MinRelaxedRatio = 0.25;

    /// <summary>Releases the factor's storage.</summary>
    public void Dispose() => _factor.Dispose();
}
