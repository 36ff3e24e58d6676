namespace FokkerPlanck.Core.Langevin.Propagation;

/// <summary>What every chunk of one <see cref="EnsemblePropagator.Advance"/> call shares (read only).</summary>
/// <param name="State">The particles.</param>
/// <param name="Plan">The steps.</param>
/// <param name="Averaged">Leimkuhler–Matthews: the noise is <c>(ξₙ + ξₙ₊₁)/2</c>.</param>
/// <param name="OneDimensional">Only y moves.</param>
/// <param name="Walls">The box.</param>
/// <param name="Seed">Key of the noise.</param>
/// <param name="Amplitudes">Per step the factor of the noise term: <c>√(2Th)</c>, halved when <paramref name="Averaged"/>.</param>
/// <param name="Meter">Progress.</param>
/// <param name="Carry">Leimkuhler–Matthews: the wall-negated noise carried between calls; null otherwise.</param>
/// <param name="Cancellation">Checked every step.</param>
internal sealed record PropagationJob(ParticleState State, StepPlan Plan, bool Averaged, bool OneDimensional, Walls Walls, ulong Seed,
    double[] Amplitudes, ProgressMeter Meter, ReflectionCarry? Carry, CancellationToken Cancellation);
