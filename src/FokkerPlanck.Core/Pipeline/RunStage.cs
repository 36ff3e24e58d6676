namespace FokkerPlanck.Core.Pipeline;

/// <summary>The stages of <c>fokkerplanck run</c>, in the order they run; each one's results are written before the next starts.</summary>
public enum RunStage
{
    /// <summary>The scenario, its grid and its operator checked (invariants, resolution, truncation).</summary>
    Check,
    /// <summary>The slowest relaxation modes at the final LR.</summary>
    Spectrum,
    /// <summary>The Mpemba analysis: the strong Mpemba point with grid error bars, the river-only reduction, the final-LR sweep.</summary>
    Mpemba,
    /// <summary>The schedule verdict: plateaus × decays integrated in time, whether the optimal plateau keeps its advantage.</summary>
    Verdict,
    /// <summary>A Langevin particle ensemble from the optimal plateau tested against the Fokker–Planck solution.</summary>
    Langevin,
    /// <summary>The finite-LR model: SGD's own transition operator at κ = --sgd-kappa beside the continuous and the force-corrected models (off unless asked).</summary>
    FiniteLr,
    /// <summary>Schedule design for a step budget: the optimal plateau against the decay (the dynamic map) and the optimizer against the common recipes (off unless asked).</summary>
    Design,
}
