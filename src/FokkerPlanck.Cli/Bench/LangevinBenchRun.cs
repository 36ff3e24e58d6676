using FokkerPlanck.Core.Benchmarks;

namespace FokkerPlanck.Cli.Bench;

/// <summary>Everything one <c>bench langevin</c> measured.</summary>
/// <param name="Case">The benchmark case.</param>
/// <param name="Ours">Our rows, one per thread count, fewest threads first.</param>
/// <param name="Stages">Per-stage timing, or null when skipped.</param>
/// <param name="Peers">The peers' runs (NumPy first).</param>
/// <param name="Sanity">Ours against each peer at the peer's step count.</param>
/// <param name="PeerProblems">Why a peer was not run or failed.</param>
/// <param name="Environment">Where it was measured.</param>
internal sealed record LangevinBenchRun(LangevinBenchmarkCase Case, IReadOnlyList<LangevinBenchRow> Ours, LangevinStageTimes? Stages,
    IReadOnlyList<LangevinPeerResult> Peers, IReadOnlyList<LangevinSanity> Sanity, IReadOnlyList<string> PeerProblems, LangevinBenchEnvironment Environment)
{
    /// <summary>The goal: at least this many times <c>em_ref.py</c>'s rate on the same machine.</summary>
    public const double GoalRatio = 20.0;

    /// <summary>Our fastest row (most threads, usually).</summary>
    public LangevinBenchRow Fastest => Ours.MaxBy(r => r.Best.ParticleStepsPerSecond)!;

    /// <summary>The NumPy peer's run, or null.</summary>
    public LangevinPeerResult? NumPy => Peers.FirstOrDefault(p => p.Layout is null);

    /// <summary>Our rate over <paramref name="peer"/>'s.</summary>
    public static double Ratio(LangevinBenchmarkResult ours, LangevinPeerResult peer) => ours.ParticleStepsPerSecond / peer.ParticleStepsPerSecond;
}
