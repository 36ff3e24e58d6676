using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// 64 random bits → a uniform on the open interval (0, 1): the top 52 bits <c>v</c> give
/// <c>u = (2v + 1)·2⁻⁵³</c>, the midpoints of a 2⁻⁵² grid, so <c>u ∈ [2⁻⁵³, 1 − 2⁻⁵³]</c>, never 0 or 1,
/// mean exactly ½ and symmetric under <c>u ↔ 1 − u</c>.
/// </summary>
/// <remarks>
/// Built without an integer-to-double conversion, identically in every lane width: the bits
/// <c>v | 0x3FF0…</c> are the double <c>m = 1 + v·2⁻⁵²</c> ∈ [1, 2), and <c>m − (1 − 2⁻⁵³)</c> is exact
/// (the result has at most 53 significant bits). Why 52 bits and not 32: Box–Muller's radius
/// <c>√(−2 ln u)</c> is capped by the smallest u; 2⁻⁵³ caps it at 8.57, where the normal tail beyond is
/// ≈ 10⁻¹⁷, while 32-bit uniforms would cap it at ≈ 6.7 and lose a tail mass of ≈ 2·10⁻¹¹, i.e. real
/// events in a run of 10¹¹–10¹² draws.
/// </remarks>
internal static class OpenUnit
{
    /// <summary>Exponent bits of 1.0.</summary>
    private const ulong OneBits = 0x3FF0_0000_0000_0000UL;

    /// <summary>Bits dropped: 64 − 52.</summary>
    private const int DroppedBits = 12;

    /// <summary><c>1 − 2⁻⁵³</c>, the largest double below 1.</summary>
    private const double Offset = 1.0 - 1.0 / (1L << 53);

    /// <summary>Smallest uniform produced, 2⁻⁵³.</summary>
    public const double Smallest = 1.0 / (1L << 53);

    /// <summary>The uniforms of the lanes' 64 random bits (the lanes hold raw bit patterns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T From<T>(T bits)
        where T : struct, IDoubleLanes<T>
        => T.Or(T.ShiftRight(bits, DroppedBits), T.FromBits(OneBits)) - T.Create(Offset);
}
