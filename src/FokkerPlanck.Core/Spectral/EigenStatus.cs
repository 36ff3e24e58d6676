namespace FokkerPlanck.Core.Spectral;

/// <summary>
/// Outcome of an eigensolver run. Non-convergence is a value, never an exception (Spectra
/// <c>CompInfo</c>, MathNet <c>IterationStatus</c>); see <see cref="EigenSolverExtensions.SolveOrThrow"/>
/// for callers that prefer an exception.
/// </summary>
public enum EigenStatus
{
    /// <summary>All requested eigenpairs meet the residual criterion (and the inertia check, when one was supplied).</summary>
    Converged,

    /// <summary>
    /// The iteration limit was reached before all pairs converged, or the inertia check reported
    /// missed eigenvalues. The result still holds the best available approximations.
    /// </summary>
    NotConverged,

    /// <summary>
    /// A numerical failure prevented progress: non-finite values from the operator (e.g. a
    /// numerically singular A − σI whose solver did not throw) or a failed dense Rayleigh–Ritz step.
    /// Exceptions thrown by the shifted-solver factory itself propagate unchanged.
    /// </summary>
    NumericalIssue,
}
