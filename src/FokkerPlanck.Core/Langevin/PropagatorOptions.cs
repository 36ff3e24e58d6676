using FokkerPlanck.Core.Numerics;
namespace FokkerPlanck.Core.Langevin;

/// <summary>How <see cref="EnsemblePropagator"/> uses the machine. Results never depend on these settings.</summary>
public sealed record PropagatorOptions
{
    /// <summary>Worker threads; null uses every logical processor. The particles are cut into a fixed set of chunks that does not depend on this number, so any thread count gives the same bits.</summary>
    public int? Threads { get; init; }

    /// <summary>The thread count for <paramref name="chunks"/> chunks: <see cref="Threads"/> or all processors, at most one per chunk.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="Threads"/> is zero or negative.</exception>
    internal int ThreadsFor(int chunks)
    {
        if (Threads is { } t) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(t, nameof(Threads));
        return Math.Max(1, Math.Min(Threads ?? Parallelism.Threads, chunks));
    }
}
