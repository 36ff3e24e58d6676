using FokkerPlanck.Core.Benchmarks;

namespace FokkerPlanck.Cli.Bench;

/// <summary>One benchmark size: our figures, the peer's (when run) and the scaling slopes to the previous size.</summary>
/// <param name="Ours">Our result.</param>
/// <param name="Peer">The SciPy peer's result, or null.</param>
/// <param name="PeerProblem">Why the peer was not run or failed at this size, or null.</param>
internal sealed record BenchRow(SpectrumBenchmarkResult Ours, PeerResult? Peer, string? PeerProblem)
{
    /// <summary>Log-log slope of our total time against unknowns from the previous size (null for the first).</summary>
    public double? OursSlope { get; init; }

    /// <summary>Log-log slope of our eigen part (ordering + factorization + iteration).</summary>
    public double? OursEigenSlope { get; init; }

    /// <summary>Log-log slope of the peer's total time.</summary>
    public double? PeerSlope { get; init; }

    /// <summary>Total seconds of every repetition (<c>--repeat</c>), ours and the peer's (null where it was not run), in the order measured.</summary>
    public IReadOnlyList<(double Ours, double? Peer)> Repetitions { get; init; } = [];

    /// <summary>
    /// The row of one size measured several times: the fastest of our runs and the fastest of the
    /// peer's (load from other processes only adds time, so the minimum is the least disturbed
    /// measurement of each), with every repetition kept.
    /// </summary>
    public static BenchRow BestOf(IReadOnlyList<SpectrumBenchmarkResult> ours, IReadOnlyList<PeerResult?> peer, string? peerProblem)
    {
        ArgumentOutOfRangeException.ThrowIfZero(ours.Count);
        var bestOurs = ours.MinBy(o => o.TotalSeconds)!;
        var bestPeer = peer.Where(p => p is not null).MinBy(p => p!.TotalSeconds);
        return new BenchRow(bestOurs, bestPeer, bestPeer is null ? peerProblem : null)
        {
            Repetitions = [.. ours.Select((o, i) => (o.TotalSeconds, i < peer.Count ? peer[i]?.TotalSeconds : null))],
        };
    }

    /// <summary>SciPy total / our total (speed-up), or null.</summary>
    public double? Speedup => Peer is null ? null : Peer.TotalSeconds / Ours.TotalSeconds;

    /// <summary>SciPy t_eig / our eigen part, or null.</summary>
    public double? EigenSpeedup => Peer is null ? null : Peer.EigenSeconds / Ours.EigenSeconds;

    /// <summary>Our peak memory / SciPy's, or null.</summary>
    public double? MemoryRatio => Peer is null ? null : Ours.PeakMemoryMib / Peer.PeakMemoryMib;

    /// <summary>Per mode |λ_ours − λ_SciPy|, or null.</summary>
    public double[]? RateDifferences => Peer is null ? null
        : [.. Ours.Rates.Zip(Peer.Rates, (a, b) => Math.Abs(a - b))];

    /// <summary>Fills the slopes of consecutive rows (sorted by size).</summary>
    public static IReadOnlyList<BenchRow> WithSlopes(IReadOnlyList<BenchRow> rows)
    {
        var result = new List<BenchRow>(rows.Count);
        for (int i = 0; i < rows.Count; i++)
        {
            if (i == 0) { result.Add(rows[i]); continue; }
            var (p, c) = (rows[i - 1], rows[i]);
            double ln = Math.Log((double)c.Ours.Unknowns / p.Ours.Unknowns);
            double? Slope(double? a, double? b) => a is > 0 && b is > 0 && ln > 0 ? Math.Log(b.Value / a.Value) / ln : null;
            result.Add(c with
            {
                OursSlope = Slope(p.Ours.TotalSeconds, c.Ours.TotalSeconds),
                OursEigenSlope = Slope(p.Ours.EigenSeconds, c.Ours.EigenSeconds),
                PeerSlope = Slope(p.Peer?.TotalSeconds, c.Peer?.TotalSeconds),
            });
        }
        return result;
    }
}
