namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// Where a particle-step's time goes, each stage timed alone on one L1-resident chunk of 256
/// particles, one thread (nanoseconds per particle-step, best of several blocks).
/// </summary>
/// <param name="PhiloxNs">Philox4x32-10: one block (128 bits) per particle.</param>
/// <param name="NormalTransformNs">52-bit uniforms and Box–Muller (the full noise minus the Philox part).</param>
/// <param name="GradientNs">∇L of both coordinates.</param>
/// <param name="UpdateNs">The update of both coordinates and the wall checks.</param>
/// <param name="Calls">Calls of each stage per block.</param>
public sealed record LangevinStageTimes(double PhiloxNs, double NormalTransformNs, double GradientNs, double UpdateNs, int Calls)
{
    /// <summary>Sum of the stages.</summary>
    public double SumNs => PhiloxNs + NormalTransformNs + GradientNs + UpdateNs;

    /// <summary>The one-thread rate the stages alone would allow (particle-steps per second).</summary>
    public double ImpliedRate => 1e9 / SumNs;
}
