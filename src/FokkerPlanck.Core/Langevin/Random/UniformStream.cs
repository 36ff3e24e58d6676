using System.Diagnostics.CodeAnalysis;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// Uniform random numbers for an ensemble's initial sampling: two independent uniforms on the open
/// interval (0, 1) per particle and stream, a pure function of (seed, stream, particle index).
/// </summary>
/// <remarks>
/// Same generator as <see cref="GaussianNoise"/> (one Philox4x32-10 block per particle, key = seed,
/// uniforms at 52-bit resolution, values <c>(2v + 1)·2⁻⁵³</c>), but in a separate counter domain: the
/// top bit of the counter's step half is set here and clear for the noise
/// (<see cref="CounterLayout"/>). For a fixed key Philox is a bijection of counters, so no stream of
/// any seed ever reproduces the noise of any step; streams number independent uses (e.g. 0 for the
/// positions, 1 for a rejection test). Bits are identical on every SIMD width and the scalar path.
/// </remarks>
[SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "A random-number stream, not a System.IO.Stream; the name is the agreed API.")]
public static class UniformStream
{
    /// <summary>Largest stream index (63 bits; the 64th names the domain).</summary>
    public const long MaxStream = long.MaxValue;

    /// <summary>Fills <c>u[i]</c>, <c>v[i]</c> with the two uniforms of particle <c>firstParticle + i</c> in stream <paramref name="stream"/>.</summary>
    /// <param name="seed">The run's seed (the Philox key).</param>
    /// <param name="stream">Stream index, ≥ 0.</param>
    /// <param name="firstParticle">Index of the particle of <c>u[0]</c>, ≥ 0.</param>
    /// <param name="u">First uniform of each particle, in (0, 1).</param>
    /// <param name="v">Second uniform of each particle (same length).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="stream"/> or <paramref name="firstParticle"/> is negative, or the particle range overflows.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Fill(ulong seed, long stream, long firstParticle, Span<double> u, Span<double> v)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(stream);
        GaussianNoise.CheckRange(firstParticle, u.Length, v.Length, nameof(v));
        NoiseKernels.Uniforms(SimdSupport.Preferred, seed, CounterLayout.Sampling(stream), firstParticle, u, v);
    }
}
