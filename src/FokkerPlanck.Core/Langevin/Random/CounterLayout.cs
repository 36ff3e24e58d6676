namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// How (seed, step or stream, particle) map onto a Philox4x32 key and 128-bit counter. Key: the 64-bit
/// seed (word 0 its low half). Counter words 0–1: the particle index (low, high). Counter words 2–3:
/// a 64-bit <em>high part</em> whose top bit names the domain: 0 for the dynamics' noise (the step
/// index, ≥ 0, so bit 63 is clear), 1 for the initial-sampling streams (the stream index | 2⁶³).
/// </summary>
/// <remarks>
/// Philox is a bijection of counters for a fixed key, so two different counters under one seed never
/// give the same block: the sampling streams can never repeat the noise of any step, of any particle.
/// The domain lives in the counter and not in the key on purpose: a tweaked key (seed ⊕ constant)
/// would make seed s's sampling stream the noise of seed s ⊕ constant.
/// </remarks>
internal static class CounterLayout
{
    /// <summary>Bit 63 of the high part: set for <see cref="UniformStream"/>, clear for <see cref="GaussianNoise"/>.</summary>
    public const ulong SamplingDomainBit = 1UL << 63;

    /// <summary>High part of the noise of step <paramref name="step"/> (≥ 0).</summary>
    public static ulong Noise(long step) => (ulong)step;

    /// <summary>High part of sampling stream <paramref name="stream"/> (≥ 0).</summary>
    public static ulong Sampling(long stream) => (ulong)stream | SamplingDomainBit;

    /// <summary>The full counter of particle <paramref name="particle"/> under high part <paramref name="high"/>.</summary>
    public static PhiloxWords Counter(long particle, ulong high)
        => new((uint)particle, (uint)((ulong)particle >> 32), (uint)high, (uint)(high >> 32));
}
