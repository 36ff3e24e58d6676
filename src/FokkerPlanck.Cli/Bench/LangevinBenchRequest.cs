using FokkerPlanck.Core.Langevin;

namespace FokkerPlanck.Cli.Bench;

/// <summary>The options of one <c>bench langevin</c> run (see <see cref="Commands.BenchLangevinCommand"/> for their meaning).</summary>
/// <param name="Particles">Ensemble size.</param>
/// <param name="Steps">Our steps per run.</param>
/// <param name="TimeStep">dt.</param>
/// <param name="Method">Langevin method.</param>
/// <param name="Threads">Our thread counts, ascending.</param>
/// <param name="Seed">Noise seed.</param>
/// <param name="Repeat">Runs per thread count and per peer.</param>
/// <param name="Peer">Run the peers.</param>
/// <param name="PeerDirectory">Folder of the peer scripts, or null for the default.</param>
/// <param name="PeerSteps">Steps of em_ref.py.</param>
/// <param name="NumbaTarget">Seconds em_numba.py calibrates to.</param>
/// <param name="NumbaLayouts">em_numba.py layouts to run.</param>
/// <param name="Stages">Time the stages alone.</param>
internal sealed record LangevinBenchRequest(int Particles, int Steps, double TimeStep, LangevinMethod Method, int[] Threads, ulong Seed, int Repeat,
    bool Peer, string? PeerDirectory, int PeerSteps, double NumbaTarget, string[] NumbaLayouts, bool Stages)
{
    /// <summary>Throws <see cref="UsageException"/> for values out of range, and for a peer folder the user named that lacks <c>em_ref.py</c>.</summary>
    public void Validate()
    {
        if (Particles < 1) throw new UsageException($"--particles must be at least 1, got {Particles}.");
        if (Steps < 1) throw new UsageException($"--steps must be at least 1, got {Steps}.");
        if (!(TimeStep > 0) || !double.IsFinite(TimeStep)) throw new UsageException($"--dt must be positive, got {TimeStep}.");
        if (Repeat < 1) throw new UsageException($"--repeat must be at least 1, got {Repeat}.");
        if (PeerSteps < 1) throw new UsageException($"--peer-steps must be at least 1, got {PeerSteps}.");
        if (!(NumbaTarget > 0)) throw new UsageException($"--numba-target must be positive, got {NumbaTarget}.");
        if (Peer) PeerRunner.CheckNamedDirectory(PeerDirectory, LangevinPeers.NumPyScript);
    }
}
