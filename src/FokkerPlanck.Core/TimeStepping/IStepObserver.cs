namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// Receives the state at the output times of a run (interpolated between steps), in increasing time
/// order. Observers reduce what they need in memory; they do no I/O (results are written after the run,
/// or by the caller between runs).
/// </summary>
public interface IStepObserver
{
    /// <summary>The cell masses at time <paramref name="t"/> (valid only during the call).</summary>
    void Observe(double t, ReadOnlySpan<double> masses);
}
