namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// A vector of doubles of some width, with the handful of operations the noise transform and the
/// particle update need. The kernels are written once against this interface and instantiated for
/// <see cref="Lanes512"/>, <see cref="Lanes256"/> and <see cref="Lane1"/> (the JIT specializes and
/// inlines each), so every width executes the same operation sequence and gives the same bits.
/// </summary>
/// <remarks>
/// Arithmetic is IEEE double with no implicit contraction; <see cref="Fma"/> is always fused (one
/// rounding), in hardware or in the scalar software path. The bit operations act on the 64-bit
/// patterns of the lanes.
/// </remarks>
/// <typeparam name="TSelf">The implementing type.</typeparam>
internal interface IDoubleLanes<TSelf>
    where TSelf : struct, IDoubleLanes<TSelf>
{
    /// <summary>Lanes per vector.</summary>
    static abstract int Count { get; }

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TSelf Create(double value);

    /// <summary>All lanes the bit pattern <paramref name="bits"/>.</summary>
    static abstract TSelf FromBits(ulong bits);

    /// <summary>Lanes <c>source[index ..]</c>.</summary>
    static abstract TSelf Load(ref double source, int index);

    /// <summary>Writes the lanes to <c>target[index ..]</c>.</summary>
    static abstract void Store(TSelf value, ref double target, int index);

    /// <summary>Sum.</summary>
    static abstract TSelf operator +(TSelf a, TSelf b);

    /// <summary>Difference.</summary>
    static abstract TSelf operator -(TSelf a, TSelf b);

    /// <summary>Product.</summary>
    static abstract TSelf operator *(TSelf a, TSelf b);

    /// <summary>Quotient.</summary>
    static abstract TSelf operator /(TSelf a, TSelf b);

    /// <summary><c>a·b + c</c> with one rounding.</summary>
    static abstract TSelf Fma(TSelf a, TSelf b, TSelf c);

    /// <summary>Correctly rounded square root.</summary>
    static abstract TSelf Sqrt(TSelf a);

    /// <summary>Bitwise and.</summary>
    static abstract TSelf And(TSelf a, TSelf b);

    /// <summary>Bitwise or.</summary>
    static abstract TSelf Or(TSelf a, TSelf b);

    /// <summary>Bitwise exclusive or.</summary>
    static abstract TSelf Xor(TSelf a, TSelf b);

    /// <summary>64-bit integer sum of the bit patterns.</summary>
    static abstract TSelf AddBits(TSelf a, TSelf b);

    /// <summary>Logical right shift of the bit patterns.</summary>
    static abstract TSelf ShiftRight(TSelf a, int count);

    /// <summary>Arithmetic right shift of the bit patterns (the sign bit is copied in).</summary>
    static abstract TSelf ShiftRightArithmetic(TSelf a, int count);

    /// <summary>Left shift of the bit patterns.</summary>
    static abstract TSelf ShiftLeft(TSelf a, int count);

    /// <summary>All-ones lanes where <c>a &lt; b</c>, zero elsewhere.</summary>
    static abstract TSelf LessThan(TSelf a, TSelf b);

    /// <summary>Per lane <paramref name="a"/> where <paramref name="mask"/> is all ones, else <paramref name="b"/>.</summary>
    static abstract TSelf Select(TSelf mask, TSelf a, TSelf b);

    /// <summary>True when any lane of <paramref name="mask"/> is nonzero.</summary>
    static abstract bool Any(TSelf mask);

    /// <summary>True when any lane lies outside <c>[lo, hi]</c> (NaN lanes do not count).</summary>
    static abstract bool AnyOutside(TSelf z, TSelf lo, TSelf hi);

    /// <summary>True when any lane is NaN.</summary>
    static abstract bool AnyNaN(TSelf a);
}
