using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// Philox4x32-10 for several consecutive particles at once, bit-identical to
/// <see cref="Philox4x32.Block(PhiloxWords, ulong)"/>. Each 32-bit word lives in the low half of a
/// 64-bit lane, so one <c>vpmuludq</c> (which reads the low halves and writes the full 64-bit product)
/// is the round's 32 × 32 → 64 multiply, and the high half is one shift.
/// </summary>
/// <remarks>
/// The round never masks: a lane's upper half may hold garbage (the shuffle leaves a copy of the high
/// word there), because every word either feeds the
/// multiplier (which ignores the upper half) or is XOR-ed into a word that does. Only the final words
/// are cut to 32 bits, in <see cref="Pack(Vector512{ulong}, Vector512{ulong})"/>. Output per particle:
/// <c>A = W0·2³² + W1</c> and <c>B = W2·2³² + W3</c>.
/// </remarks>
internal static class PhiloxLanes
{
    private const ulong LowWord = 0xFFFF_FFFFUL;

    /// <summary>
    /// <c>vpshufd</c> control copying each lane's high dword onto its low dword (dwords 1, 1, 3, 3): the high
    /// half of the product in the low half, as a shift would, but on the shuffle port. The round's
    /// multiplies and 512-bit shifts both issue on port 0 of recent Intel cores; moving the 20 shifts to
    /// port 5 measured 15–20 % off the Philox time (same bits).
    /// </summary>
    private const byte HighToLow = 0b11_11_01_01;

    /// <summary>The round keys of one seed, broadcast: element 2r is k₀ of round r, 2r + 1 its k₁.</summary>
    [InlineArray(2 * Philox4x32.Rounds)]
    internal struct Keys512
    {
        private Vector512<ulong> _element;
    }

    /// <summary>As <see cref="Keys512"/>, four lanes.</summary>
    [InlineArray(2 * Philox4x32.Rounds)]
    internal struct Keys256
    {
        private Vector256<ulong> _element;
    }

    /// <summary>Round keys of <paramref name="key"/>: <c>(k₀ + rW₀, k₁ + rW₁) mod 2³²</c>.</summary>
    public static Keys512 Schedule512(ulong key)
    {
        var k = default(Keys512);
        for (int r = 0; r < Philox4x32.Rounds; r++)
        {
            k[2 * r] = Vector512.Create((ulong)(uint)((uint)key + (uint)r * Philox4x32.Weyl0));
            k[2 * r + 1] = Vector512.Create((ulong)(uint)((uint)(key >> 32) + (uint)r * Philox4x32.Weyl1));
        }
        return k;
    }

    /// <summary>As <see cref="Schedule512"/>, four lanes.</summary>
    public static Keys256 Schedule256(ulong key)
    {
        var k = default(Keys256);
        for (int r = 0; r < Philox4x32.Rounds; r++)
        {
            k[2 * r] = Vector256.Create((ulong)(uint)((uint)key + (uint)r * Philox4x32.Weyl0));
            k[2 * r + 1] = Vector256.Create((ulong)(uint)((uint)(key >> 32) + (uint)r * Philox4x32.Weyl1));
        }
        return k;
    }

    /// <summary>Blocks of the particles in the lanes of <paramref name="particle"/> under counter high part <paramref name="high"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<ulong> A, Vector512<ulong> B) Block(Vector512<ulong> particle, ulong high, in Keys512 keys)
    {
        var m0 = Vector512.Create((ulong)Philox4x32.Multiplier0).AsUInt32();
        var m1 = Vector512.Create((ulong)Philox4x32.Multiplier1).AsUInt32();
        Vector512<ulong> c0 = particle, c1 = particle >>> 32, c2 = Vector512.Create(high & LowWord), c3 = Vector512.Create(high >> 32);
        // Unrolled by hand (constant key offsets, no loop counter, no register shuffling):
        // measured 1.6× faster than the rolled loop, which the JIT does not unroll.
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[0], keys[1]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[2], keys[3]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[4], keys[5]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[6], keys[7]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[8], keys[9]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[10], keys[11]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[12], keys[13]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[14], keys[15]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[16], keys[17]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[18], keys[19]);
        return (Pack(c0, c1), Pack(c2, c3));
    }

    /// <summary>As <see cref="Block(Vector512{ulong}, ulong, in Keys512)"/>, four lanes (AVX2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<ulong> A, Vector256<ulong> B) Block(Vector256<ulong> particle, ulong high, in Keys256 keys)
    {
        var m0 = Vector256.Create((ulong)Philox4x32.Multiplier0).AsUInt32();
        var m1 = Vector256.Create((ulong)Philox4x32.Multiplier1).AsUInt32();
        Vector256<ulong> c0 = particle, c1 = particle >>> 32, c2 = Vector256.Create(high & LowWord), c3 = Vector256.Create(high >> 32);
        // Unrolled as the 512-bit form.
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[0], keys[1]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[2], keys[3]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[4], keys[5]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[6], keys[7]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[8], keys[9]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[10], keys[11]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[12], keys[13]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[14], keys[15]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[16], keys[17]);
        Round(ref c0, ref c1, ref c2, ref c3, m0, m1, keys[18], keys[19]);
        return (Pack(c0, c1), Pack(c2, c3));
    }

    /// <summary>The scalar reference's block of one particle, packed as the lanes are.</summary>
    public static (ulong A, ulong B) Block(long particle, ulong high, ulong key)
    {
        var w = Philox4x32.Block(CounterLayout.Counter(particle, high), key);
        return (((ulong)w.W0 << 32) | w.W1, ((ulong)w.W2 << 32) | w.W3);
    }

    /// <summary>One round: <c>(hi(M₁c₂) ⊕ c₁ ⊕ k₀, M₁c₂, hi(M₀c₀) ⊕ c₃ ⊕ k₁, M₀c₀)</c>, products left unmasked (only their low halves are read).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref Vector512<ulong> c0, ref Vector512<ulong> c1, ref Vector512<ulong> c2, ref Vector512<ulong> c3,
        Vector512<uint> m0, Vector512<uint> m1, Vector512<ulong> k0, Vector512<ulong> k1)
    {
        var p0 = Avx512F.Multiply(c0.AsUInt32(), m0);
        var p1 = Avx512F.Multiply(c2.AsUInt32(), m1);
        c0 = Avx512F.Shuffle(p1.AsUInt32(), HighToLow).AsUInt64() ^ c1 ^ k0;
        c2 = Avx512F.Shuffle(p0.AsUInt32(), HighToLow).AsUInt64() ^ c3 ^ k1;
        c1 = p1;
        c3 = p0;
    }

    /// <summary>As the 512-bit round.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref Vector256<ulong> c0, ref Vector256<ulong> c1, ref Vector256<ulong> c2, ref Vector256<ulong> c3,
        Vector256<uint> m0, Vector256<uint> m1, Vector256<ulong> k0, Vector256<ulong> k1)
    {
        var p0 = Avx2.Multiply(c0.AsUInt32(), m0);
        var p1 = Avx2.Multiply(c2.AsUInt32(), m1);
        c0 = Avx2.Shuffle(p1.AsUInt32(), HighToLow).AsUInt64() ^ c1 ^ k0;
        c2 = Avx2.Shuffle(p0.AsUInt32(), HighToLow).AsUInt64() ^ c3 ^ k1;
        c1 = p1;
        c3 = p0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<ulong> Pack(Vector512<ulong> high, Vector512<ulong> low) => (high << 32) | (low & Vector512.Create(LowWord));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> Pack(Vector256<ulong> high, Vector256<ulong> low) => (high << 32) | (low & Vector256.Create(LowWord));
}
