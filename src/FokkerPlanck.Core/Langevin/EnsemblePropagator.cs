using System.Runtime.ExceptionServices;
using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Langevin.Propagation;

namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// Advances a Langevin ensemble through a <see cref="StepPlan"/>: the overdamped Langevin equation
/// <c>dX = −∇L dt + √(2T) dW</c> (or the SGD map) with reflecting walls, the noise from
/// <see cref="Random.GaussianNoise"/>. The result is a pure function of the state, plan, method,
/// landscape, walls and seed: the same bits for any thread count and for any split of a run into plans.
/// </summary>
/// <remarks>
/// <para>
/// Step n of size h at temperature T, for each particle and coordinate z with noise ξₙ (ξ for x, η for y):
/// Euler–Maruyama and SGD <c>z ← z − h ∂L/∂z + √(2Th) ξₙ</c> (Kloeden &amp; Platen, <i>Numerical Solution
/// of SDEs</i>, §9.1; SGD is the same map with the learning rate as h); Leimkuhler–Matthews
/// <c>z ← z − h ∂L/∂z + √(2Th) (ξₙ + ξₙ₊₁)/2</c> (Leimkuhler &amp; Matthews, Appl. Math. Res. Express
/// 2013, 34, eq. (14)), where ξₙ₊₁ is the noise of the next global step: it is regenerated at the
/// start of a plan, so two consecutive calls equal one call over the concatenated plan. Then the walls
/// (<see cref="ReflectingWalls"/>), which for Leimkuhler–Matthews also negate the carried ξₙ₊₁ of a
/// mirrored coordinate (without it particles pile up at the walls); those few bits are kept beside the
/// state object between calls (<see cref="ReflectionCarry"/>). For one-dimensional landscapes only y moves.
/// </para>
/// <para>
/// Performance: structure of arrays; the particles are cut into fixed chunks of
/// <see cref="ChunkWorker.ChunkSize"/> (independent of the thread count), each loaded once into an L1-sized
/// workspace and advanced through every step of the plan before it is written back (temporal
/// blocking); threads take whole chunks.
/// </para>
/// </remarks>
public static class EnsemblePropagator
{
    /// <summary>
    /// Advances <paramref name="state"/> through <paramref name="plan"/>; <see cref="ParticleState.NextStep"/>
    /// grows by the plan's step count and <see cref="ParticleState.Time"/> by its duration.
    /// </summary>
    /// <param name="state">The particles, moved in place; <c>state.NextStep</c> must equal <c>plan.FirstStep</c>.</param>
    /// <param name="plan">The steps (sizes h &gt; 0, temperatures T ≥ 0).</param>
    /// <param name="method">The update.</param>
    /// <param name="gradient">∇L on blocks of particles.</param>
    /// <param name="walls">The reflecting box.</param>
    /// <param name="seed">The noise's key.</param>
    /// <param name="options">Threads.</param>
    /// <param name="stepsDone">Receives the number of steps completed (particle-steps ÷ particles), at most every 100 ms and once at the end.</param>
    /// <param name="ct">Checked at every step of every chunk.</param>
    /// <exception cref="ArgumentException">Inconsistent state, plan or walls (the message says which).</exception>
    /// <exception cref="LangevinException">A particle reached a non-finite position; positions are then partly advanced and the counters unchanged.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled; positions are then partly advanced and the counters unchanged.</exception>
    public static void Advance(ParticleState state, StepPlan plan, LangevinMethod method, IBlockGradient gradient, Walls walls, ulong seed,
        PropagatorOptions options, IProgress<long>? stepsDone = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(gradient);
        ArgumentNullException.ThrowIfNull(options);
        Validate(state, plan, method, walls);
        bool averaged = method == LangevinMethod.LeimkuhlerMatthews;
        var amplitudes = new double[plan.Count];
        for (int k = 0; k < amplitudes.Length; k++)
            amplitudes[k] = Math.Sqrt(2 * plan.Temperatures[k] * plan.Sizes[k]) * (averaged ? 0.5 : 1.0);
        var meter = new ProgressMeter(stepsDone, state.Count);
        var carry = averaged ? ReflectionCarry.Take(state, seed, plan.FirstStep) : null;
        var job = new PropagationJob(state, plan, averaged, gradient.IsOneDimensional, walls, seed, amplitudes, meter, carry, ct);
        int chunks = (state.Count + ChunkWorker.ChunkSize - 1) / ChunkWorker.ChunkSize;
        int threads = options.ThreadsFor(chunks);
        if (threads == 1)
        {
            var worker = new ChunkWorker(job, gradient.CreateEvaluator());
            for (int c = 0; c < chunks; c++) worker.Run(c);
        }
        else RunParallel(job, gradient, chunks, threads, ct);
        state.NextStep += plan.Count;
        state.Time += plan.Duration;
        carry?.Commit(state, state.NextStep);
        meter.Complete(plan.Count);
    }

    private static void RunParallel(PropagationJob job, IBlockGradient gradient, int chunks, int threads, CancellationToken ct)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = ct };
        try
        {
            Parallel.For(0, chunks, parallel, () => new ChunkWorker(job, gradient.CreateEvaluator()), (c, _, worker) =>
            {
                worker.Run(c);
                return worker;
            }, _ => { });
        }
        catch (AggregateException e)
        {
            // the earliest failure, whichever thread met it first
            var inner = e.Flatten().InnerExceptions;
            var first = inner.OfType<LangevinException>().OrderBy(x => x.Step).ThenBy(x => x.Particle).FirstOrDefault() ?? inner[0];
            ExceptionDispatchInfo.Capture(first).Throw();
        }
    }

    private static void Validate(ParticleState state, StepPlan plan, LangevinMethod method, Walls walls)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(walls);
        if (!Enum.IsDefined(method)) throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown Langevin method.");
        if (state.X.Length != state.Y.Length)
            throw new ArgumentException($"The state has {state.X.Length} x and {state.Y.Length} y positions; they must match.", nameof(state));
        if (plan.FirstStep != state.NextStep)
            throw new ArgumentException($"The plan starts at step {plan.FirstStep} but the state is at step {state.NextStep}; a plan must continue the state (the step is the noise counter).", nameof(plan));
        if (plan.Temperatures.Length != plan.Sizes.Length)
            throw new ArgumentException($"The plan has {plan.Sizes.Length} step sizes but {plan.Temperatures.Length} temperatures.", nameof(plan));
        if (plan.FirstStep < 0 || plan.FirstStep > long.MaxValue - plan.Count - 1)
            throw new ArgumentException($"The plan's steps [{plan.FirstStep}, {plan.FirstStep} + {plan.Count}] leave the range of step indices.", nameof(plan));
        for (int k = 0; k < plan.Count; k++)
        {
            if (!(plan.Sizes[k] > 0) || !double.IsFinite(plan.Sizes[k]))
                throw new ArgumentException($"Step {plan.FirstStep + k} has size {plan.Sizes[k]}; sizes must be positive and finite.", nameof(plan));
            if (!(plan.Temperatures[k] >= 0) || !double.IsFinite(plan.Temperatures[k]))
                throw new ArgumentException($"Step {plan.FirstStep + k} has temperature {plan.Temperatures[k]}; temperatures must be finite and ≥ 0.", nameof(plan));
        }
        if (!(walls.XMin < walls.XMax) || !(walls.YMin < walls.YMax) || !double.IsFinite(walls.XMax - walls.XMin) || !double.IsFinite(walls.YMax - walls.YMin))
            throw new ArgumentException($"The walls {walls} do not bound a finite box (need XMin < XMax and YMin < YMax).", nameof(walls));
    }
}
