using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// The two transcendental functions of Box–Muller, written once for every lane width
/// (<see cref="IDoubleLanes{TSelf}"/>) so that all widths give the same bits: the natural logarithm of
/// a positive normal double, and the sine and cosine of 2π·v for v ∈ [−½, ½].
/// </summary>
internal static class LanesMath
{
    // fdlibm e_log.c (Sun Microsystems 1993): ln 2 split so that k·Ln2High is exact for |k| < 2¹¹,
    // and the minimax coefficients of R(z) ≈ log((1+s)/(1−s)) − 2s on |s| ≤ 0.1716 (error < 2⁻⁵⁸·⁴⁵).
    private const double Ln2High = 6.93147180369123816490e-01; // 0x3FE62E42FEE00000
    private const double Ln2Low = 1.90821492927058770002e-10; // 0x3DEA39EF35793C76
    private const double Lg1 = 6.666666666666735130e-01;
    private const double Lg2 = 3.999999999940941908e-01;
    private const double Lg3 = 2.857142874366239149e-01;
    private const double Lg4 = 2.222219843214978396e-01;
    private const double Lg5 = 1.818357216161805012e-01;
    private const double Lg6 = 1.531383769920937332e-01;
    private const double Lg7 = 1.479819860511658591e-01;

    private const ulong MantissaMask = 0x000F_FFFF_FFFF_FFFFUL;
    private const ulong OneExponent = 0x3FF0_0000_0000_0000UL;
    private const ulong ExponentLowestBit = 1UL << 52;

    /// <summary>fdlibm's 0x95f64 on the high word: adding it carries into bit 52 exactly when the mantissa ≥ 1.41421 (≈ √2).</summary>
    private const ulong SqrtTwoCarry = 0x0009_5F64_0000_0000UL;

    /// <summary>Bits of 2⁵²: <c>(k | TwoTo52Bits) − 2⁵²</c> is the small integer k as a double, without a conversion instruction.</summary>
    private const ulong TwoTo52Bits = 0x4330_0000_0000_0000UL;
    private const double TwoTo52PlusBias = 4503599627370496.0 + 1023.0;

    /// <summary>1.5·2⁵²: adding and subtracting it rounds |y| ≤ 2⁵¹ to the nearest integer, whose two's complement is in the low mantissa bits.</summary>
    private const double RoundingMagic = 6755399441055744.0;

    // Taylor coefficients of sin(2πt) and cos(2πt) in t, (±)(2π)ⁿ/n! correctly rounded (mpmath, 60 digits).
    // For |t| ≤ 1/8 the first omitted terms are 8·10⁻²⁰ (t¹⁹) and 2·10⁻¹⁸ (t¹⁸): below 0.02 ulp.
    private const double S1 = 6.283185307179586, S3 = -41.34170224039976, S5 = 81.60524927607506, S7 = -76.70585975306139, S9 = 42.058693944897655;
    private const double S11 = -15.09464257682299, S13 = 3.819952584848282, S15 = -0.7181223017785006, S17 = 0.10422916220813984;
    private const double C2 = -19.739208802178716, C4 = 64.9393940226683, C6 = -85.45681720669373, C8 = 60.24464137187666;
    private const double C10 = -26.4262567833744, C12 = 7.903536371318469, C14 = -1.714390711088672, C16 = 0.28200596845579123;

    /// <summary>
    /// ln x for positive normal finite x (no checks: the callers' uniforms are in [2⁻⁵³, 1)). fdlibm's
    /// algorithm: <c>x = 2ᵏ(1 + f)</c> with <c>1 + f ∈ [√½, √2)</c>, <c>s = f/(2 + f)</c>,
    /// <c>ln(1 + f) = f − ½f² + s(½f² + R(s²))</c>; error below 1 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Log<T>(T x)
        where T : struct, IDoubleLanes<T>
    {
        var mantissa = T.And(x, T.FromBits(MantissaMask));
        var half = T.And(T.AddBits(mantissa, T.FromBits(SqrtTwoCarry)), T.FromBits(ExponentLowestBit));
        var m = T.Or(mantissa, T.Xor(half, T.FromBits(OneExponent)));
        var biased = T.AddBits(T.ShiftRight(x, 52), T.ShiftRight(half, 52));
        var k = T.Or(biased, T.FromBits(TwoTo52Bits)) - T.Create(TwoTo52PlusBias);
        var f = m - T.Create(1.0);
        var hfsq = T.Create(0.5) * f * f;
        var s = f / (T.Create(2.0) + f);
        var z = s * s;
        var w = z * z;
        var t1 = w * T.Fma(w, T.Fma(w, T.Create(Lg6), T.Create(Lg4)), T.Create(Lg2));
        var t2 = z * T.Fma(w, T.Fma(w, T.Fma(w, T.Create(Lg7), T.Create(Lg5)), T.Create(Lg3)), T.Create(Lg1));
        var r = t2 + t1;
        return k * T.Create(Ln2High) - ((hfsq - (s * (hfsq + r) + k * T.Create(Ln2Low))) - f);
    }

    /// <summary>
    /// <c>(sin 2πv, cos 2πv)</c> for v ∈ [−½, ½] whose multiples by 4 have no rounding issue (any
    /// multiple of 2⁻⁵³ does). Exact reduction: <c>q = round(4v)</c>, <c>t = v − q/4 ∈ [−⅛, ⅛]</c> (exact),
    /// Taylor polynomials of sin and cos of 2πt, then the quadrant's swap and signs; error ≈ 1 ulp.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T Sin, T Cos) SinCosOfTurns<T>(T v)
        where T : struct, IDoubleLanes<T>
    {
        var magic = T.Create(RoundingMagic);
        var shifted = T.Fma(v, T.Create(4.0), magic);
        var q = shifted - magic;
        var t = T.Fma(q, T.Create(-0.25), v);
        var t2 = t * t;
        var ps = T.Fma(t2, T.Fma(t2, T.Fma(t2, T.Fma(t2, T.Create(S17), T.Create(S15)), T.Create(S13)), T.Create(S11)), T.Create(S9));
        ps = T.Fma(t2, T.Fma(t2, T.Fma(t2, T.Fma(t2, ps, T.Create(S7)), T.Create(S5)), T.Create(S3)), T.Create(S1));
        var pc = T.Fma(t2, T.Fma(t2, T.Fma(t2, T.Fma(t2, T.Create(C16), T.Create(C14)), T.Create(C12)), T.Create(C10)), T.Create(C8));
        pc = T.Fma(t2, T.Fma(t2, T.Fma(t2, T.Fma(t2, pc, T.Create(C6)), T.Create(C4)), T.Create(C2)), T.Create(1.0));
        var sin = t * ps;
        // quadrant q mod 4 is in the low bits of shifted: odd swaps sin and cos; sin negates in quadrants 2, 3; cos in 1, 2
        var odd = T.ShiftRightArithmetic(T.ShiftLeft(shifted, 63), 63);
        var sinSign = T.ShiftLeft(T.And(shifted, T.FromBits(2)), 62);
        var cosSign = T.ShiftLeft(T.And(T.AddBits(shifted, T.FromBits(1)), T.FromBits(2)), 62);
        return (T.Xor(T.Select(odd, pc, sin), sinSign), T.Xor(T.Select(odd, sin, pc), cosSign));
    }
}
