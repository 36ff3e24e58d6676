namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// The noise of the Langevin dynamics: two independent standard normals per particle and step, a pure
/// function of (seed, step, particle index). Any particle's noise at any step is computed directly, so
/// the ensemble can be split among threads, advanced in chunks, resumed, or re-run particle by particle
/// with identical results.
/// </summary>
/// <remarks>
/// <para>
/// One Philox4x32-10 block per particle-step (<see cref="Philox4x32"/>; Salmon et al., SC'11): key = the
/// seed, counter = (particle index, step) as laid out in <see cref="CounterLayout"/>. Its 128 bits give
/// two uniforms on (0, 1) at 52-bit resolution, the top 52 bits of words (0, 1) and of words (2, 3)
/// (<see cref="OpenUnit"/>), and Box–Muller turns them into the pair (<see cref="BoxMuller"/>).
/// </para>
/// <para>
/// Tail truncation: the smallest uniform is 2⁻⁵³, so <c>|ξ|, |η| ≤ √(106 ln 2) ≈ 8.57</c>; a standard
/// normal exceeds that with probability ≈ 10⁻¹⁷. The logarithm, sine and cosine are our own
/// (<see cref="LanesMath"/>, ≈ 1 ulp), written once for every lane width, so AVX-512, AVX2 and the
/// scalar path give the same bits: a run is reproducible across machines, not only across thread counts.
/// </para>
/// </remarks>
public static class GaussianNoise
{
    /// <summary>Largest |ξ| the transform can produce, <c>√(−2 ln 2⁻⁵³)</c> (the tail truncation).</summary>
    public static readonly double MaxMagnitude = Math.Sqrt(-2.0 * Math.Log(OpenUnit.Smallest));

    /// <summary>
    /// Fills <c>xi[i]</c>, <c>eta[i]</c> with the two standard normals of particle
    /// <c>firstParticle + i</c> at step <paramref name="step"/> (ξ drives x, η drives y).
    /// </summary>
    /// <param name="seed">The run's seed (the Philox key).</param>
    /// <param name="step">Global step index, ≥ 0.</param>
    /// <param name="firstParticle">Index of the particle of <c>xi[0]</c>, ≥ 0.</param>
    /// <param name="xi">First normal of each particle.</param>
    /// <param name="eta">Second normal of each particle (same length).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> or <paramref name="firstParticle"/> is negative, or the particle range overflows.</exception>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static void Fill(ulong seed, long step, long firstParticle, Span<double> xi, Span<double> eta)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        CheckRange(firstParticle, xi.Length, eta.Length, nameof(eta));
        NoiseKernels.Normals(SimdSupport.Preferred, seed, CounterLayout.Noise(step), firstParticle, xi, eta);
    }

    /// <summary>The same without argument checks, for the propagator's inner loop.</summary>
    internal static void FillUnchecked(ulong seed, long step, long firstParticle, Span<double> xi, Span<double> eta)
        => NoiseKernels.Normals(SimdSupport.Preferred, seed, CounterLayout.Noise(step), firstParticle, xi, eta);

    /// <summary>Checks a particle range <c>[first, first + length)</c> and that both outputs have one length.</summary>
    internal static void CheckRange(long firstParticle, int length, int secondLength, string secondName)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstParticle);
        if (secondLength != length)
            throw new ArgumentException($"Both outputs need one entry per particle: got {length} and {secondLength}.", secondName);
        if (firstParticle > long.MaxValue - length)
            throw new ArgumentOutOfRangeException(nameof(firstParticle), firstParticle, $"Particle indices {firstParticle} + {length} overflow a long.");
    }
}
