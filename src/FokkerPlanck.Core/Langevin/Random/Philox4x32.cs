namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// The counter-based generator Philox4x32-10: a keyed bijection of 128-bit counters, so the random
/// words of any (key, counter) are computed directly, in any order and on any thread. This is the
/// scalar reference; the vectorized kernels (<see cref="PhiloxLanes"/>) are tested bit for bit against it.
/// </summary>
/// <remarks>
/// Salmon, Moraes, Dror &amp; Shaw, "Parallel random numbers: as easy as 1, 2, 3", SC'11 (2011),
/// §3.3 and Table 2; the round function and key schedule of Random123's <c>philox.h</c>. One round maps
/// counter <c>(c₀, c₁, c₂, c₃)</c> and key <c>(k₀, k₁)</c> to
/// <c>(hi(M₁c₂) ⊕ c₁ ⊕ k₀, lo(M₁c₂), hi(M₀c₀) ⊕ c₃ ⊕ k₁, lo(M₀c₀))</c>, hi/lo the halves of the 64-bit
/// product; the key is bumped by the Weyl constants <c>(W₀, W₁)</c> between rounds. Ten rounds is the
/// paper's recommended count (seven already pass BigCrush: the margin is deliberate). Checked against
/// Random123's known-answer vectors (<c>examples/kat_vectors</c>).
/// </remarks>
public static class Philox4x32
{
    /// <summary>Rounds (the "-10" of Philox4x32-10).</summary>
    public const int Rounds = 10;

    /// <summary>Multiplier M₀ of word 0 (<c>PHILOX_M4x32_0</c>).</summary>
    public const uint Multiplier0 = 0xD2511F53;

    /// <summary>Multiplier M₁ of word 2 (<c>PHILOX_M4x32_1</c>).</summary>
    public const uint Multiplier1 = 0xCD9E8D57;

    /// <summary>Key bump W₀: the golden ratio's fraction, 2³²(√5 − 1)/2 (<c>PHILOX_W32_0</c>).</summary>
    public const uint Weyl0 = 0x9E3779B9;

    /// <summary>Key bump W₁: 2³²(√3 − 1) (<c>PHILOX_W32_1</c>).</summary>
    public const uint Weyl1 = 0xBB67AE85;

    /// <summary>The output block of <paramref name="counter"/> under key <c>(key0, key1)</c>.</summary>
    public static PhiloxWords Block(PhiloxWords counter, uint key0, uint key1)
    {
        uint c0 = counter.W0, c1 = counter.W1, c2 = counter.W2, c3 = counter.W3;
        uint k0 = key0, k1 = key1;
        for (int r = 0; r < Rounds; r++)
        {
            if (r > 0)
            {
                k0 += Weyl0;
                k1 += Weyl1;
            }
            ulong p0 = (ulong)Multiplier0 * c0;
            ulong p1 = (ulong)Multiplier1 * c2;
            (c0, c1, c2, c3) = ((uint)(p1 >> 32) ^ c1 ^ k0, (uint)p1, (uint)(p0 >> 32) ^ c3 ^ k1, (uint)p0);
        }
        return new PhiloxWords(c0, c1, c2, c3);
    }

    /// <summary>The block of <paramref name="counter"/> under a 64-bit key: word 0 of the key is its low half.</summary>
    public static PhiloxWords Block(PhiloxWords counter, ulong key) => Block(counter, (uint)key, (uint)(key >> 32));
}
