namespace FokkerPlanck.Core.Spectral.Lanczos;

/// <summary>
/// Deterministic pseudo-random numbers for Krylov start vectors (the Spectra <c>SimpleRandom</c>
/// idea: a tiny documented generator so that results are reproducible across platforms and
/// .NET versions, which <see cref="Random"/> does not promise).
/// </summary>
/// <remarks>
/// SplitMix64 (Steele, Lea &amp; Flood, "Fast splittable pseudorandom number generators",
/// OOPSLA 2014): state += 0x9E3779B97F4A7C15, then two xor-shift-multiply mixing rounds. The
/// top 53 bits give a uniform double in [0, 1); start vectors use entries uniform in [−½, ½).
/// </remarks>
internal sealed class StartVectorGenerator
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15UL;
    private const ulong Mix1 = 0xBF58476D1CE4E5B9UL;
    private const ulong Mix2 = 0x94D049BB133111EBUL;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    private ulong _state;

    /// <summary>Creates a generator from a seed (any value, zero included).</summary>
    public StartVectorGenerator(ulong seed) => _state = seed;

    /// <summary>Next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong z = _state += GoldenGamma;
        z = (z ^ (z >> 30)) * Mix1;
        z = (z ^ (z >> 27)) * Mix2;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform double in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * TwoToMinus53;

    /// <summary>Fills <paramref name="x"/> with entries uniform in [−½, ½).</summary>
    public void Fill(Span<double> x)
    {
        for (int i = 0; i < x.Length; i++) x[i] = NextDouble() - 0.5;
    }
}
