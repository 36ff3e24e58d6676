using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>One double: the scalar instantiation of the lane kernels (machines without AVX2, ragged ends in tests).</summary>
/// <param name="V">The value.</param>
internal readonly record struct Lane1(double V) : IDoubleLanes<Lane1>
{
    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Create(double value) => new(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 FromBits(ulong bits) => new(BitConverter.UInt64BitsToDouble(bits));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Load(ref double source, int index) => new(Unsafe.Add(ref source, index));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Lane1 value, ref double target, int index) => Unsafe.Add(ref target, index) = value.V;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 operator +(Lane1 a, Lane1 b) => new(a.V + b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 operator -(Lane1 a, Lane1 b) => new(a.V - b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 operator *(Lane1 a, Lane1 b) => new(a.V * b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 operator /(Lane1 a, Lane1 b) => new(a.V / b.V);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Fma(Lane1 a, Lane1 b, Lane1 c) => new(Math.FusedMultiplyAdd(a.V, b.V, c.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Sqrt(Lane1 a) => new(Math.Sqrt(a.V));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 And(Lane1 a, Lane1 b) => Bits(Raw(a) & Raw(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Or(Lane1 a, Lane1 b) => Bits(Raw(a) | Raw(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Xor(Lane1 a, Lane1 b) => Bits(Raw(a) ^ Raw(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 AddBits(Lane1 a, Lane1 b) => Bits(Raw(a) + Raw(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 ShiftRight(Lane1 a, int count) => Bits(Raw(a) >> count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 ShiftRightArithmetic(Lane1 a, int count) => Bits((ulong)((long)Raw(a) >> count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 ShiftLeft(Lane1 a, int count) => Bits(Raw(a) << count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 LessThan(Lane1 a, Lane1 b) => Bits(a.V < b.V ? ulong.MaxValue : 0);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Lane1 Select(Lane1 mask, Lane1 a, Lane1 b) => Bits((Raw(a) & Raw(mask)) | (Raw(b) & ~Raw(mask)));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Any(Lane1 mask) => Raw(mask) != 0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyOutside(Lane1 z, Lane1 lo, Lane1 hi) => z.V < lo.V || z.V > hi.V;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool AnyNaN(Lane1 a) => double.IsNaN(a.V);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Raw(Lane1 a) => BitConverter.DoubleToUInt64Bits(a.V);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Lane1 Bits(ulong bits) => new(BitConverter.UInt64BitsToDouble(bits));
}
