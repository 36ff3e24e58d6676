namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// A learning-rate schedule <c>η(t)</c> in training time <c>t = Σ η_k</c> (steps × η, docs/physics.md §2),
/// bound to concrete learning rates: what the Fokker–Planck time stepper integrates under
/// (<c>T(t) = κ η(t)</c>) and what the Langevin/SGD ensembles step with.
/// </summary>
/// <remarks>
/// <para>The run starts at <c>t = 0</c> from the equilibrium at <see cref="InitialLr"/> (for a plain
/// decay the plateau LR; for a warm-up–stable–decay composite the LR the warm-up starts from).
/// <c>η(t)</c> is right-continuous: a quench has <c>InitialLr = η_h</c> and <c>η(t) = η_c</c> for all
/// <c>t ≥ 0</c>.</para>
/// <para>Segments: the breakpoints <c>0 &lt; b₁ &lt; … &lt; b_K</c> cut <c>[0, ∞)</c> into
/// <c>K + 1</c> closed segments <c>[0, b₁], [b₁, b₂], …, [b_K, ∞)</c> on each of which η is smooth
/// (a jump of η or of its derivative is only allowed at a breakpoint). A time stepper never steps
/// across a breakpoint, and evaluates η inside segment k with <see cref="LearningRate(double, int)"/>,
/// which at the segment's ends gives the one-sided limits from inside the segment.</para>
/// <para>Steps: SGD takes steps of size η in t, so the number of steps taken by time t is
/// <c>k(t) = ∫₀ᵗ dt′/η(t′)</c> (the continuous clock; it equals the step count of a phase given in
/// steps exactly).</para>
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>Canonical spec, e.g. <c>linear:10</c> or <c>wsd:warmup=5,stable=100,decay=cosine:20</c> (parses back to the same shape).</summary>
    string Spec { get; }

    /// <summary>
    /// One line for people, with step counts beside times, e.g. <c>linear decay from 0.58 to 0.145 over 10 (≈ 29 steps)</c>
    /// (defaults to <see cref="Spec"/> for implementations that have none).
    /// </summary>
    string Description => Spec;

    /// <summary>The learning rate whose equilibrium the run starts from (<c>p₀ = π(InitialLr)</c>).</summary>
    double InitialLr { get; }

    /// <summary>The plateau learning rate η_h (the stable phase's LR; equal to <see cref="InitialLr"/> unless there is a warm-up).</summary>
    double PlateauLr { get; }

    /// <summary>The final learning rate η_c: η ≡ FinalLr for t ≥ <see cref="SettleTime"/> (or asymptotically).</summary>
    double FinalLr { get; }

    /// <summary>Breakpoints <c>0 &lt; b₁ &lt; … &lt; b_K</c>, ascending (empty for a quench or a single smooth asymptotic decay).</summary>
    IReadOnlyList<double> Breakpoints { get; }

    /// <summary>Time from which η equals <see cref="FinalLr"/> exactly (+∞ for shapes that only approach it, such as 1/t).</summary>
    double SettleTime { get; }

    /// <summary>η(t) for t ≥ 0 (right-continuous at breakpoints).</summary>
    double LearningRate(double t);

    /// <summary>η on closed segment <paramref name="segment"/> (0-based, see remarks) at time <paramref name="t"/> inside it or at its ends (one-sided limits from inside).</summary>
    double LearningRate(double t, int segment);

    /// <summary>The segment that contains t (at a breakpoint, the segment that starts there).</summary>
    int SegmentAt(double t);

    /// <summary>SGD steps taken by time t: <c>∫₀ᵗ dt′/η(t′)</c>.</summary>
    double Steps(double t);

    /// <summary>Inverse of <see cref="Steps"/>: the time at which <paramref name="steps"/> steps have been taken.</summary>
    double TimeAtSteps(double steps);
}
