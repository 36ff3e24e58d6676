using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// The block kernels of <see cref="BlockProgram"/> that <see cref="TensorPrimitives"/> does not
/// provide as needed: tanh and sinh accurate near 0, sign with NaN, and integer and general powers.
/// Each has a Vector512 loop, a Vector256 loop and a scalar tail; inputs and output must not overlap.
/// </summary>
internal static class BlockFunctions
{
    /// <summary>
    /// Below this |u|, tanh and sinh come from the sinh Taylor series. TensorPrimitives computes
    /// both from <c>exp(u) − 1</c>, which loses all relative accuracy as u → 0 (measured with
    /// System.Numerics.Tensors 10.0.12: 2.7e-5 relative error for tanh and 1.6e-4 for sinh at
    /// |u| ≈ 1.5e-12; the error falls like 3e-17/|u|, so it is ≈ 1 ulp only from |u| ≈ 0.5 on).
    /// </summary>
    private const double SeriesLimit = 0.5;

    // sinh u = u (1 + z/3! + z²/5! + … + z⁶/13!), z = u²: the first omitted term, u¹⁵/15!, is
    // below 5e-17 of sinh u for |u| < SeriesLimit.
    private const double S3 = 1.0 / 6.0;
    private const double S5 = 1.0 / 120.0;
    private const double S7 = 1.0 / 5040.0;
    private const double S9 = 1.0 / 362880.0;
    private const double S11 = 1.0 / 39916800.0;
    private const double S13 = 1.0 / 6227020800.0;

    /// <summary>d = tanh(u): TensorPrimitives, and s / √(1 + s²) with s = sinh u from the series for |u| &lt; 0.5 (≈ 3 ulp).</summary>
    public static void Tanh(ReadOnlySpan<double> u, Span<double> d)
    {
        TensorPrimitives.Tanh(u, d);
        ReplaceNearZero(u, d, tanh: true);
    }

    /// <summary>d = sinh(u): TensorPrimitives, and the series for |u| &lt; 0.5.</summary>
    public static void Sinh(ReadOnlySpan<double> u, Span<double> d)
    {
        TensorPrimitives.Sinh(u, d);
        ReplaceNearZero(u, d, tanh: false);
    }

    private static void ReplaceNearZero(ReadOnlySpan<double> u, Span<double> d, bool tanh)
    {
        ref double us = ref MemoryMarshal.GetReference(u);
        ref double ds = ref MemoryMarshal.GetReference(d);
        int i = 0, n = u.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref us, (nuint)i);
                var small = Vector512.LessThan(Vector512.Abs(v), Vector512.Create(SeriesLimit));
                if (small != Vector512<double>.Zero)
                {
                    var z = v * v;
                    var p = Vector512.Create(S11) + z * S13;
                    p = Vector512.Create(S9) + z * p;
                    p = Vector512.Create(S7) + z * p;
                    p = Vector512.Create(S5) + z * p;
                    p = Vector512.Create(S3) + z * p;
                    var s = v + v * z * p;
                    var r = tanh ? s / Vector512.Sqrt(Vector512<double>.One + s * s) : s;
                    Vector512.ConditionalSelect(small, r, Vector512.LoadUnsafe(ref ds, (nuint)i)).StoreUnsafe(ref ds, (nuint)i);
                }
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref us, (nuint)i);
                var small = Vector256.LessThan(Vector256.Abs(v), Vector256.Create(SeriesLimit));
                if (small != Vector256<double>.Zero)
                {
                    var z = v * v;
                    var p = Vector256.Create(S11) + z * S13;
                    p = Vector256.Create(S9) + z * p;
                    p = Vector256.Create(S7) + z * p;
                    p = Vector256.Create(S5) + z * p;
                    p = Vector256.Create(S3) + z * p;
                    var s = v + v * z * p;
                    var r = tanh ? s / Vector256.Sqrt(Vector256<double>.One + s * s) : s;
                    Vector256.ConditionalSelect(small, r, Vector256.LoadUnsafe(ref ds, (nuint)i)).StoreUnsafe(ref ds, (nuint)i);
                }
            }
        }

        for (; i < n; i++)
        {
            double v = u[i];
            if (Math.Abs(v) < SeriesLimit)
            {
                double z = v * v;
                double s = v + v * z * (S3 + z * (S5 + z * (S7 + z * (S9 + z * (S11 + z * S13)))));
                d[i] = tanh ? s / Math.Sqrt(1.0 + s * s) : s;
            }
        }
    }

    /// <summary>d = sign(u): −1, 0 or 1, NaN for NaN (<see cref="FunctionTable.Sign"/>).</summary>
    public static void Sign(ReadOnlySpan<double> u, Span<double> d)
    {
        ref double us = ref MemoryMarshal.GetReference(u);
        ref double ds = ref MemoryMarshal.GetReference(d);
        int i = 0, n = u.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var v = Vector512.LoadUnsafe(ref us, (nuint)i);
                var notNaN = Vector512.Equals(v, v);
                var r = Vector512.ConditionalSelect(Vector512.GreaterThan(v, Vector512<double>.Zero), Vector512<double>.One,
                    Vector512.ConditionalSelect(Vector512.LessThan(v, Vector512<double>.Zero), -Vector512<double>.One,
                    Vector512.ConditionalSelect(notNaN, Vector512<double>.Zero, v)));
                r.StoreUnsafe(ref ds, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var v = Vector256.LoadUnsafe(ref us, (nuint)i);
                var notNaN = Vector256.Equals(v, v);
                var r = Vector256.ConditionalSelect(Vector256.GreaterThan(v, Vector256<double>.Zero), Vector256<double>.One,
                    Vector256.ConditionalSelect(Vector256.LessThan(v, Vector256<double>.Zero), -Vector256<double>.One,
                    Vector256.ConditionalSelect(notNaN, Vector256<double>.Zero, v)));
                r.StoreUnsafe(ref ds, (nuint)i);
            }
        }

        for (; i < n; i++) d[i] = FunctionTable.Sign(u[i]);
    }

    /// <summary>d = uⁿ for an integer n, by repeated squaring (a few ulp from <see cref="Math.Pow"/>; n &lt; 0 as 1/u⁻ⁿ).</summary>
    public static void PowerInteger(ReadOnlySpan<double> u, int exponent, Span<double> d)
    {
        PowerBySquaring(u, Math.Abs(exponent), d);
        if (exponent < 0)
        {
            TensorPrimitives.Divide(1.0, d, d);
        }
    }

    private static void PowerBySquaring(ReadOnlySpan<double> u, int m, Span<double> d)
    {
        ref double us = ref MemoryMarshal.GetReference(u);
        ref double ds = ref MemoryMarshal.GetReference(d);
        int i = 0, n = u.Length;
        if (Vector512.IsHardwareAccelerated)
        {
            for (; i + Vector512<double>.Count <= n; i += Vector512<double>.Count)
            {
                var b = Vector512.LoadUnsafe(ref us, (nuint)i);
                var r = Vector512<double>.One;
                for (int e = m; ; b *= b)
                {
                    if ((e & 1) != 0) r *= b;
                    if ((e >>= 1) == 0) break;
                }

                r.StoreUnsafe(ref ds, (nuint)i);
            }
        }

        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<double>.Count <= n; i += Vector256<double>.Count)
            {
                var b = Vector256.LoadUnsafe(ref us, (nuint)i);
                var r = Vector256<double>.One;
                for (int e = m; ; b *= b)
                {
                    if ((e & 1) != 0) r *= b;
                    if ((e >>= 1) == 0) break;
                }

                r.StoreUnsafe(ref ds, (nuint)i);
            }
        }

        for (; i < n; i++)
        {
            double b = u[i], r = 1.0;
            for (int e = m; ; b *= b)
            {
                if ((e & 1) != 0) r *= b;
                if ((e >>= 1) == 0) break;
            }

            d[i] = r;
        }
    }

    /// <summary>d = a ^ b point by point with <see cref="FunctionTable.Power"/> (bit for bit the scalar result; <see cref="TensorPrimitives.Pow{T}(ReadOnlySpan{T}, ReadOnlySpan{T}, Span{T})"/> is not faster for double).</summary>
    public static void Power(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = FunctionTable.Power(a[i], b[i]);
    }
}
