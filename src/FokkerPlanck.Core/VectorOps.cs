using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace FokkerPlanck.Core;

/// <summary>
/// The one home of the level-1 vector kernels (dot, axpy, scale), vectorized with
/// <see cref="Vector{T}"/>: on spans for the eigensolvers and the analyses, and on raw pointers for the
/// factorization's fronts and panels and the Krylov basis (<c>Dot4</c>, <c>AddScaled4</c>: four columns
/// of a panel in one pass). The span forms call the pointer forms, so both give the same values.
/// In the root namespace so that every part of the library reaches it without a using.
/// </summary>
internal static unsafe class VectorOps
{
    /// <summary>Returns xᵀy (fixed summation order: deterministic).</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (y.Length != x.Length) throw new ArgumentException($"Vectors of lengths {x.Length} and {y.Length}.", nameof(y));
        fixed (double* px = x, py = y) return Dot(px, py, x.Length);
    }

    /// <summary>Returns ‖x‖₂ (without overflow protection; the vectors here are O(1)).</summary>
    public static double Norm(ReadOnlySpan<double> x) => Math.Sqrt(Dot(x, x));

    /// <summary>y ← y + a·x.</summary>
    public static void AddScaled(Span<double> y, double a, ReadOnlySpan<double> x)
    {
        if (y.Length != x.Length) throw new ArgumentException($"Vectors of lengths {y.Length} and {x.Length}.", nameof(x));
        // y − (−a)·x is y + a·x to the bit: negation is exact
        fixed (double* py = y, px = x) SubtractScaled(py, px, -a, y.Length);
    }

    /// <summary>x ← a·x.</summary>
    public static void Scale(Span<double> x, double a)
    {
        fixed (double* px = x) Scale(px, a, x.Length);
    }

    /// <summary>True when every entry is finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> x)
    {
        foreach (double v in x) if (!double.IsFinite(v)) return false;
        return true;
    }

    /// <summary><c>y[0..n) −= alpha · x[0..n)</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubtractScaled(double* y, double* x, double alpha, int n)
    {
        int i = 0;
        int w = Vector<double>.Count;
        if (n >= w)
        {
            var va = new Vector<double>(alpha);
            for (; i <= n - w; i += w)
            {
                var vy = Unsafe.ReadUnaligned<Vector<double>>(y + i);
                var vx = Unsafe.ReadUnaligned<Vector<double>>(x + i);
                Unsafe.WriteUnaligned(y + i, vy - va * vx);
            }
        }
        for (; i < n; i++) y[i] -= alpha * x[i];
    }

    /// <summary><c>y[0..n) ·= alpha</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Scale(double* y, double alpha, int n)
    {
        int i = 0;
        int w = Vector<double>.Count;
        if (n >= w)
        {
            var va = new Vector<double>(alpha);
            for (; i <= n - w; i += w)
                Unsafe.WriteUnaligned(y + i, Unsafe.ReadUnaligned<Vector<double>>(y + i) * va);
        }
        for (; i < n; i++) y[i] *= alpha;
    }

    /// <summary>Dot product of <c>x[0..n)</c> and <c>y[0..n)</c> (fixed summation order: deterministic).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(double* x, double* y, int n)
    {
        int i = 0;
        int w = Vector<double>.Count;
        double s = 0;
        if (n >= 2 * w)
        {
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i <= n - 2 * w; i += 2 * w)
            {
                acc0 += Unsafe.ReadUnaligned<Vector<double>>(x + i) * Unsafe.ReadUnaligned<Vector<double>>(y + i);
                acc1 += Unsafe.ReadUnaligned<Vector<double>>(x + i + w) * Unsafe.ReadUnaligned<Vector<double>>(y + i + w);
            }
            s = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++) s += x[i] * y[i];
        return s;
    }

    /// <summary>
    /// <c>y[0..n) += a0·x0 + a1·x1 + a2·x2 + a3·x3</c> in one pass over y (four columns of a panel at
    /// once: a quarter of the loads and stores of four separate axpys), as fused multiply-adds.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled4(double* y, double* x0, double* x1, double* x2, double* x3,
        double a0, double a1, double a2, double a3, int n)
        => Combine4(y, x0, x1, x2, x3, a0, a1, a2, a3, n, subtractUnfused: false);

    /// <summary>
    /// <c>y[0..n) −= a0·x0 + a1·x1 + a2·x2 + a3·x3</c> in one pass over y, each element as
    /// <c>(((y − a0·x0) − a1·x1) − a2·x2) − a3·x3</c> with every product and difference rounded: the
    /// same values, to the bit, as four <see cref="SubtractScaled"/> calls in that order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubtractScaled4(double* y, double* x0, double* x1, double* x2, double* x3,
        double a0, double a1, double a2, double a3, int n)
        => Combine4(y, x0, x1, x2, x3, a0, a1, a2, a3, n, subtractUnfused: true);

    /// <summary>
    /// The one-pass four-column update shared by <see cref="AddScaled4"/> (<c>y + Σ a·x</c>, fused) and
    /// <see cref="SubtractScaled4"/> (<c>y − Σ a·x</c>, each product rounded); the flag is a constant at
    /// both call sites, so each inlined copy keeps only its own arithmetic.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Combine4(double* y, double* x0, double* x1, double* x2, double* x3,
        double a0, double a1, double a2, double a3, int n, bool subtractUnfused)
    {
        int i = 0;
        int w = Vector<double>.Count;
        if (n >= w)
        {
            var v0 = new Vector<double>(a0);
            var v1 = new Vector<double>(a1);
            var v2 = new Vector<double>(a2);
            var v3 = new Vector<double>(a3);
            for (; i <= n - w; i += w)
            {
                var acc = Unsafe.ReadUnaligned<Vector<double>>(y + i);
                var c0 = Unsafe.ReadUnaligned<Vector<double>>(x0 + i);
                var c1 = Unsafe.ReadUnaligned<Vector<double>>(x1 + i);
                var c2 = Unsafe.ReadUnaligned<Vector<double>>(x2 + i);
                var c3 = Unsafe.ReadUnaligned<Vector<double>>(x3 + i);
                if (subtractUnfused)
                {
                    acc -= v0 * c0;
                    acc -= v1 * c1;
                    acc -= v2 * c2;
                    acc -= v3 * c3;
                }
                else
                {
                    acc = Vector.FusedMultiplyAdd(v0, c0, acc);
                    acc = Vector.FusedMultiplyAdd(v1, c1, acc);
                    acc = Vector.FusedMultiplyAdd(v2, c2, acc);
                    acc = Vector.FusedMultiplyAdd(v3, c3, acc);
                }
                Unsafe.WriteUnaligned(y + i, acc);
            }
        }
        for (; i < n; i++)
        {
            double acc = y[i];
            if (subtractUnfused)
            {
                acc -= a0 * x0[i];
                acc -= a1 * x1[i];
                acc -= a2 * x2[i];
                acc -= a3 * x3[i];
            }
            else
            {
                acc = Math.FusedMultiplyAdd(a0, x0[i], acc);
                acc = Math.FusedMultiplyAdd(a1, x1[i], acc);
                acc = Math.FusedMultiplyAdd(a2, x2[i], acc);
                acc = Math.FusedMultiplyAdd(a3, x3[i], acc);
            }
            y[i] = acc;
        }
    }

    /// <summary>
    /// The four dot products of <c>x0..x3</c> with <c>y</c> over <c>[0, n)</c>, reading y once
    /// (fixed summation order: deterministic).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dot4(double* x0, double* x1, double* x2, double* x3, double* y, int n,
        out double d0, out double d1, out double d2, out double d3)
    {
        int i = 0;
        int w = Vector<double>.Count;
        d0 = 0; d1 = 0; d2 = 0; d3 = 0;
        if (n >= w)
        {
            var s0 = Vector<double>.Zero;
            var s1 = Vector<double>.Zero;
            var s2 = Vector<double>.Zero;
            var s3 = Vector<double>.Zero;
            for (; i <= n - w; i += w)
            {
                var vy = Unsafe.ReadUnaligned<Vector<double>>(y + i);
                s0 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x0 + i), vy, s0);
                s1 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x1 + i), vy, s1);
                s2 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x2 + i), vy, s2);
                s3 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x3 + i), vy, s3);
            }
            d0 = Vector.Sum(s0); d1 = Vector.Sum(s1); d2 = Vector.Sum(s2); d3 = Vector.Sum(s3);
        }
        for (; i < n; i++)
        {
            double yi = y[i];
            d0 += x0[i] * yi; d1 += x1[i] * yi; d2 += x2[i] * yi; d3 += x3[i] * yi;
        }
    }
}
