using FokkerPlanck.Core.Analysis.Mpemba;

namespace FokkerPlanck.Core.Analysis.DynamicMpemba;

/// <summary>One shape × duration of the map.</summary>
/// <param name="Kind">The shape's kind (linear, cosine, exp, step).</param>
/// <param name="Duration">The decay duration D (time units; 0: the quench).</param>
/// <param name="Result">The search (null when skipped).</param>
/// <param name="Branch">The zero that continues the quench's strong point from the previous duration (nearest in log η); null when there is none.</param>
/// <param name="Note">Why the entry was skipped, or null.</param>
public sealed record DynamicMpembaEntry(string Kind, double Duration, DynamicMpembaResult? Result, DynamicMpembaPoint? Branch, string? Note);

/// <summary>The map η_h*(D) of a scenario: dynamic strong Mpemba points per shape and decay duration.</summary>
/// <param name="FinalLr">η_c.</param>
/// <param name="EffectiveRate">λ_eff at η_c (the slow mode cancelled).</param>
/// <param name="NextRate">λ_next at η_c (the rate of the approach at a dynamic point).</param>
/// <param name="QuenchPoints">The quench's strong points (the map at D = 0).</param>
/// <param name="Kinds">Shapes, in order.</param>
/// <param name="Durations">Durations, ascending.</param>
/// <param name="Entries">Finished entries, shape by shape.</param>
/// <param name="GridStudy">A √2-coarser grid was used for error bars.</param>
/// <param name="Complete">False while the map is being filled.</param>
/// <param name="Seconds">Wall-clock seconds so far.</param>
public sealed record DynamicMpembaMap(double FinalLr, double EffectiveRate, double NextRate, IReadOnlyList<StrongMpembaPoint> QuenchPoints,
    IReadOnlyList<string> Kinds, IReadOnlyList<double> Durations, IReadOnlyList<DynamicMpembaEntry> Entries, bool GridStudy, bool Complete, double Seconds)
{
    /// <summary>Rate gain λ_next/λ_eff at a dynamic point.</summary>
    public double Gain => NextRate / EffectiveRate;

    /// <summary>Time-stepper runs spent over all entries.</summary>
    public int Runs => Entries.Sum(e => e.Result?.Runs ?? 0);
}

/// <summary>What the map computes.</summary>
public sealed record DynamicMpembaMapOptions
{
    /// <summary>The shapes of the default map (those with a finite decay, as the issue lists them; 1/t never settles).</summary>
    public static readonly string[] DefaultKinds = ["linear", "cosine", "exp", "step"];

    /// <summary>Shapes, as spec kinds taking one duration (<c>KIND:D</c>).</summary>
    public IReadOnlyList<string> Kinds { get; init; } = DefaultKinds;

    /// <summary>Decay durations in time units; null: <see cref="DynamicMpembaMapper.DefaultDurations"/>.</summary>
    public IReadOnlyList<double>? Durations { get; init; }

    /// <summary>Repeat each point on a grid √2 coarser for a grid-convergence error bar (one more session: an eigen-solve, two runs per point).</summary>
    public bool GridStudy { get; init; }

    /// <summary>Stop a shape at the first duration with no zero in the plateau range (the branch has left the range; longer decays are not run).</summary>
    public bool StopWhenNone { get; init; } = true;

    /// <summary>The search of each entry.</summary>
    public DynamicMpembaOptions Search { get; init; } = new();
}
