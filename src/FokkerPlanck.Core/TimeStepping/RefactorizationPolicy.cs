namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// When the time stepper factorizes its stage matrix <c>W = I − c·L_T</c> anew (c = d·h, T the stage
/// temperature) and when it reuses the last factorization <c>W_ref</c> with a defect-correction
/// iteration <c>x ← x + W_ref⁻¹(b − (I − c L_T) x)</c>.
/// </summary>
/// <remarks>
/// <para>For a stiff mode with rate μ the plain iteration contracts by
/// <c>|1 − (1 + cμ)/(1 + c_ref μ_ref)|</c>, about <c>|1 − cT/(c_ref T_ref)|</c> where diffusion
/// dominates (the stiff rates scale with T); relaxed for that ratio it contracts by
/// <c>|1 − r|/(1 + r)</c>. A stale factor is cheap while step and temperature stay close to the
/// reference, and a new one pays off when they move. The iteration converges to
/// the exact stage solution whichever factor is used; only its stopping rule
/// (<see cref="StopFactor"/>) separates the answers of two policies, and it is set far below the
/// step's error tolerance (the test <c>TimeIntegratorTests.Refactorization_Policy_DoesNotChangeTheAnswer</c>
/// compares this policy with <see cref="Always"/>).</para>
/// <para>Mass: W and the stage matrix both have unit column sums, so every iterate keeps
/// <c>Σx = Σb</c>; reusing a factor never costs mass.</para>
/// </remarks>
public sealed record RefactorizationPolicy
{
    /// <summary>Refactorize for every new (c, T): exact stage solves, no iteration (the reference for tests).</summary>
    public static RefactorizationPolicy Always { get; } = new() { RefactorEveryChange = true };

    /// <summary>The default policy.</summary>
    public static RefactorizationPolicy Default { get; } = new();

    /// <summary>True: refactor whenever c or T differ from the factor's.</summary>
    public bool RefactorEveryChange { get; init; }

    /// <summary>
    /// Refactor before a step when <c>|c·T/(c_ref·T_ref) − 1|</c> exceeds this. The sweeps are relaxed
    /// for that ratio r (<see cref="StageSolver.Relaxation"/>) and contract by <c>|1 − r|/(1 + r)</c>, at
    /// most 0.29 at 0.4. On the benchmark decay at 256² (TR-BDF2, rtol 1e-4): 0.25 without relaxation took
    /// 23 factorizations and 332 solves, 0.4 with it 17 and 268.
    /// </summary>
    public double MaxStiffnessChange { get; init; } = 0.4;

    /// <summary>Which factorization serves the stage matrix (<see cref="StageFactorization"/>; the answers agree to the stopping rule).</summary>
    public StageFactorization Factorization { get; init; } = StageFactorization.Symmetric;

    /// <summary>An iteration whose measured contraction exceeds this is abandoned for a new factor.</summary>
    public double MaxContraction { get; init; } = 0.5;

    /// <summary>Sweeps before the iteration is abandoned for a new factor.</summary>
    public int MaxIterations { get; init; } = 12;

    /// <summary>
    /// The iteration stops when its estimated remaining error is below this fraction of the step's
    /// error tolerance (weighted RMS norm = 1): 1e-2 keeps the difference between policies two
    /// orders of magnitude below the local error the step controller accepts (Hairer and Wanner,
    /// <i>Solving ODEs II</i>, §IV.8, use 0.03–0.1 for the Newton iteration of implicit methods).
    /// </summary>
    public double StopFactor { get; init; } = 1e-2;
}

/// <summary>How <see cref="StageSolver"/> factorizes the stage matrix <c>W = I − c·L_T</c>.</summary>
public enum StageFactorization
{
    /// <summary>
    /// LDLᵀ of the symmetrized stage matrix <c>I + cA_T = S⁻¹ W S</c> (<c>S = diag √π_T</c>, detailed
    /// balance), applied as <c>W⁻¹ = S (I + cA_T)⁻¹ S⁻¹</c>: half the storage and about half the
    /// factorization time of the LU; the LU where √π_T would leave the normal range.
    /// </summary>
    Symmetric,

    /// <summary>LU of the forward stage matrix W itself.</summary>
    Lu,
}
