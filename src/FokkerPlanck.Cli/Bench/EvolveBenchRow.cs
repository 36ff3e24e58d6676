using FokkerPlanck.Core.Benchmarks;

namespace FokkerPlanck.Cli.Bench;

/// <summary>One repetition of one size: both sides' times and the load average (1/5/15 min) just before each.</summary>
/// <param name="Ours">Our total seconds.</param>
/// <param name="OursLoad">Load before our run.</param>
/// <param name="Peer">The peer's <c>t_solve</c>, or null when it was not run.</param>
/// <param name="PeerLoad">Load before the peer's run, or null.</param>
internal sealed record EvolveRepetition(double Ours, string OursLoad, double? Peer, string? PeerLoad);

/// <summary>One <c>bench evolve</c> size: our figures, the peer's (when run) and the comparisons.</summary>
/// <param name="Ours">Our fastest run (carrying the tight reference, if any was run).</param>
/// <param name="Peer">The peer's fastest run, or null.</param>
/// <param name="PeerProblem">Why the peer was not run or failed at this size, or null.</param>
/// <param name="Repetitions">Every repetition, in the order measured.</param>
internal sealed record EvolveBenchRow(EvolveBenchmarkResult Ours, EvolvePeerResult? Peer, string? PeerProblem, IReadOnlyList<EvolveRepetition> Repetitions)
{
    /// <summary>Relative difference of the excess losses (ours vs the peer) above which the row is flagged.</summary>
    public const double AgreementThreshold = 1e-3;

    /// <summary>
    /// The row of one size measured several times: the fastest of our runs and of the peer's (load
    /// from other processes only adds time); the tight reference of whichever run carried one.
    /// </summary>
    public static EvolveBenchRow BestOf(IReadOnlyList<EvolveBenchmarkResult> ours, IReadOnlyList<EvolvePeerResult?> peer,
        IReadOnlyList<EvolveRepetition> repetitions, string? peerProblem)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ours.Count);
        var best = ours.MinBy(o => o.TotalSeconds)!;
        if (best.Reference is null && ours.FirstOrDefault(o => o.Reference is not null) is { } withReference) best = best with { Reference = withReference.Reference };
        var bestPeer = peer.Where(p => p is not null).MinBy(p => p!.SolveSeconds);
        return new EvolveBenchRow(best, bestPeer, bestPeer is null ? peerProblem : null, repetitions);
    }

    /// <summary>The peer's <c>t_solve</c> over our total (setup included), or null.</summary>
    public double? Speedup => Peer is null ? null : Peer.SolveSeconds / Ours.TotalSeconds;

    /// <summary>Our peak memory over the peer's, or null.</summary>
    public double? MemoryRatio => Peer is null ? null : Ours.PeakMemoryMib / Peer.PeakMemoryMib;

    /// <summary>Per checkpoint <c>|E_ours − E_peer| / |E_peer|</c>, or null.</summary>
    public double[]? ExcessLossDifferences => Peer is null ? null : EvolveBenchmark.RelativeDifferences(Ours.ExcessLoss, Peer.ExcessLoss);

    /// <summary>Largest of <see cref="ExcessLossDifferences"/> (NaN entries count as disagreement).</summary>
    public double? MaxExcessLossDifference => ExcessLossDifferences is { } d ? Max(d) : null;

    /// <summary>True when ours and the peer's excess losses differ by more than <see cref="AgreementThreshold"/> somewhere.</summary>
    public bool Disagrees => MaxExcessLossDifference is { } m && !(m <= AgreementThreshold);

    /// <summary>Per checkpoint our relative deviation from the tight reference run, or null.</summary>
    public double[]? OursReferenceDeviations => Ours.ReferenceDeviations;

    /// <summary>Per checkpoint the peer's relative deviation from our tight reference run, or null.</summary>
    public double[]? PeerReferenceDeviations => Peer is null || Ours.Reference is null ? null : EvolveBenchmark.RelativeDifferences(Peer.ExcessLoss, Ours.Reference.ExcessLoss);

    /// <summary>Largest entry, NaN when any entry is NaN.</summary>
    public static double Max(IReadOnlyList<double> values) => values.Any(double.IsNaN) ? double.NaN : values.Max();
}
