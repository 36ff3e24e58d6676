namespace FokkerPlanck.Core.TimeStepping;

/// <summary>How a time-integration run ended (non-completion is a value, never an exception).</summary>
public enum IntegrationStatus
{
    /// <summary>Reached the end time.</summary>
    Completed,
    /// <summary>The step size fell below the resolution of the time axis: the problem is not resolved at this tolerance.</summary>
    StepSizeTooSmall,
    /// <summary>The step limit was reached before the end time.</summary>
    StepLimitReached,
    /// <summary>Cancelled by the caller.</summary>
    Cancelled,
}

/// <summary>Counters and invariants of one run.</summary>
/// <param name="Status">How the run ended.</param>
/// <param name="FinalTime">Time reached.</param>
/// <param name="AcceptedSteps">Accepted steps.</param>
/// <param name="RejectedSteps">Steps rejected by the error control.</param>
/// <param name="Factorizations">Numerical LU factorizations of the stage matrix.</param>
/// <param name="Solves">Triangular solves (right-hand sides).</param>
/// <param name="Sweeps">Defect-correction sweeps with a reused factor.</param>
/// <param name="Fallbacks">Sweeps abandoned for a new factor.</param>
/// <param name="Assemblies">Operators assembled (one per new temperature).</param>
/// <param name="Products">Operator–vector products.</param>
/// <param name="MaxMassDrift">Largest drift <c>|Σm − Σm₀|</c> of one step before the mass projection (the round-off the projection removes).</param>
/// <param name="MostNegativeMass">Most negative cell mass over accepted steps (0 when all stayed nonnegative).</param>
/// <param name="SmallestStep">Smallest accepted step.</param>
/// <param name="LargestStep">Largest accepted step.</param>
/// <param name="Seconds">Wall time of the run.</param>
/// <param name="TailStart">Time from which the run was propagated by the Krylov exponential (NaN when it stepped to the end).</param>
/// <param name="TailDimension">Krylov dimension of the tail (0 when none).</param>
/// <param name="TailErrorBound">L1 error bound of the tail (NaN when none).</param>
public sealed record IntegrationStatistics(
    IntegrationStatus Status, double FinalTime, int AcceptedSteps, int RejectedSteps, int Factorizations, long Solves,
    long Sweeps, int Fallbacks, int Assemblies, long Products, double MaxMassDrift, double MostNegativeMass,
    double SmallestStep, double LargestStep, double Seconds, double TailStart, int TailDimension, double TailErrorBound);
