using System.Numerics;
using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>
/// Two-right-hand-side variants of the <see cref="VectorOps"/> kernels used by the triangular solves:
/// each vector loaded from a factor panel is applied to two right-hand sides, halving the panel
/// traffic per right-hand side. Every output element goes through exactly the same floating-point
/// operations, in the same order, as with the single-vector kernel, so a multi-right-hand-side
/// solve is bit-identical to separate solves.
/// </summary>
internal static unsafe class MultiRhsKernels
{
    /// <summary>
    /// <c>y0 −= alpha0 · x</c> and <c>y1 −= alpha1 · x</c> over <c>[0, n)</c>; per element the same
    /// operations as <see cref="VectorOps.SubtractScaled"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubtractScaled2(double* y0, double* y1, double* x, double alpha0, double alpha1, int n)
    {
        int i = 0;
        int w = Vector<double>.Count;
        if (n >= w)
        {
            var va0 = new Vector<double>(alpha0);
            var va1 = new Vector<double>(alpha1);
            for (; i <= n - w; i += w)
            {
                var vx = Unsafe.ReadUnaligned<Vector<double>>(x + i);
                Unsafe.WriteUnaligned(y0 + i, Unsafe.ReadUnaligned<Vector<double>>(y0 + i) - va0 * vx);
                Unsafe.WriteUnaligned(y1 + i, Unsafe.ReadUnaligned<Vector<double>>(y1 + i) - va1 * vx);
            }
        }
        for (; i < n; i++)
        {
            double xi = x[i];
            y0[i] -= alpha0 * xi;
            y1[i] -= alpha1 * xi;
        }
    }

    /// <summary>
    /// <c>y0 += Σⱼ a0[j]·xⱼ</c> and <c>y1 += Σⱼ a1[j]·xⱼ</c> (j = 0..3) over <c>[0, n)</c>, reading
    /// the four columns once; per element the same fused operations, in the same order, as
    /// <see cref="VectorOps.AddScaled4"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddScaled4x2(double* y0, double* y1, double* x0, double* x1, double* x2, double* x3,
        double* a0, double* a1, int n)
    {
        int i = 0;
        int w = Vector<double>.Count;
        if (n >= w)
        {
            var v00 = new Vector<double>(a0[0]);
            var v01 = new Vector<double>(a0[1]);
            var v02 = new Vector<double>(a0[2]);
            var v03 = new Vector<double>(a0[3]);
            var v10 = new Vector<double>(a1[0]);
            var v11 = new Vector<double>(a1[1]);
            var v12 = new Vector<double>(a1[2]);
            var v13 = new Vector<double>(a1[3]);
            for (; i <= n - w; i += w)
            {
                var c0 = Unsafe.ReadUnaligned<Vector<double>>(x0 + i);
                var c1 = Unsafe.ReadUnaligned<Vector<double>>(x1 + i);
                var c2 = Unsafe.ReadUnaligned<Vector<double>>(x2 + i);
                var c3 = Unsafe.ReadUnaligned<Vector<double>>(x3 + i);
                var s0 = Unsafe.ReadUnaligned<Vector<double>>(y0 + i);
                var s1 = Unsafe.ReadUnaligned<Vector<double>>(y1 + i);
                s0 = Vector.FusedMultiplyAdd(v00, c0, s0);
                s1 = Vector.FusedMultiplyAdd(v10, c0, s1);
                s0 = Vector.FusedMultiplyAdd(v01, c1, s0);
                s1 = Vector.FusedMultiplyAdd(v11, c1, s1);
                s0 = Vector.FusedMultiplyAdd(v02, c2, s0);
                s1 = Vector.FusedMultiplyAdd(v12, c2, s1);
                s0 = Vector.FusedMultiplyAdd(v03, c3, s0);
                s1 = Vector.FusedMultiplyAdd(v13, c3, s1);
                Unsafe.WriteUnaligned(y0 + i, s0);
                Unsafe.WriteUnaligned(y1 + i, s1);
            }
        }
        for (; i < n; i++)
        {
            double s0 = y0[i], s1 = y1[i];
            s0 = Math.FusedMultiplyAdd(a0[0], x0[i], s0);
            s1 = Math.FusedMultiplyAdd(a1[0], x0[i], s1);
            s0 = Math.FusedMultiplyAdd(a0[1], x1[i], s0);
            s1 = Math.FusedMultiplyAdd(a1[1], x1[i], s1);
            s0 = Math.FusedMultiplyAdd(a0[2], x2[i], s0);
            s1 = Math.FusedMultiplyAdd(a1[2], x2[i], s1);
            s0 = Math.FusedMultiplyAdd(a0[3], x3[i], s0);
            s1 = Math.FusedMultiplyAdd(a1[3], x3[i], s1);
            y0[i] = s0;
            y1[i] = s1;
        }
    }

    /// <summary>
    /// The dot products of <c>x</c> with <c>y0</c> and with <c>y1</c> over <c>[0, n)</c>, reading
    /// x once; the same accumulators and summation order as <see cref="VectorOps.Dot(double*, double*, int)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Dot2(double* x, double* y0, double* y1, int n, out double d0, out double d1)
    {
        int i = 0;
        int w = Vector<double>.Count;
        d0 = 0;
        d1 = 0;
        if (n >= 2 * w)
        {
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var b0 = Vector<double>.Zero;
            var b1 = Vector<double>.Zero;
            for (; i <= n - 2 * w; i += 2 * w)
            {
                var xa = Unsafe.ReadUnaligned<Vector<double>>(x + i);
                var xb = Unsafe.ReadUnaligned<Vector<double>>(x + i + w);
                a0 += xa * Unsafe.ReadUnaligned<Vector<double>>(y0 + i);
                a1 += xb * Unsafe.ReadUnaligned<Vector<double>>(y0 + i + w);
                b0 += xa * Unsafe.ReadUnaligned<Vector<double>>(y1 + i);
                b1 += xb * Unsafe.ReadUnaligned<Vector<double>>(y1 + i + w);
            }
            d0 = Vector.Sum(a0 + a1);
            d1 = Vector.Sum(b0 + b1);
        }
        for (; i < n; i++)
        {
            double xi = x[i];
            d0 += xi * y0[i];
            d1 += xi * y1[i];
        }
    }

    /// <summary>
    /// Adds to the lane accumulators <c>acc0[j]</c> and <c>acc1[j]</c> (j = 0..3) the lane-wise
    /// products of column <c>xⱼ</c> with <c>y0</c> and with <c>y1</c> over <c>[0, n)</c>, where n is a
    /// multiple of <see cref="Vector{T}.Count"/>. Called on consecutive row ranges and finished by
    /// <see cref="FinishDot4"/>, this gives the same sums as <see cref="VectorOps.Dot4"/> over the
    /// whole length: each lane accumulates the same products in the same order.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AccumulateDot4x2(double* x0, double* x1, double* x2, double* x3, double* y0, double* y1, int n,
        Vector<double>* acc0, Vector<double>* acc1)
    {
        int w = Vector<double>.Count;
        var s00 = acc0[0];
        var s01 = acc0[1];
        var s02 = acc0[2];
        var s03 = acc0[3];
        var s10 = acc1[0];
        var s11 = acc1[1];
        var s12 = acc1[2];
        var s13 = acc1[3];
        for (int i = 0; i < n; i += w)
        {
            var c0 = Unsafe.ReadUnaligned<Vector<double>>(x0 + i);
            var c1 = Unsafe.ReadUnaligned<Vector<double>>(x1 + i);
            var c2 = Unsafe.ReadUnaligned<Vector<double>>(x2 + i);
            var c3 = Unsafe.ReadUnaligned<Vector<double>>(x3 + i);
            var u0 = Unsafe.ReadUnaligned<Vector<double>>(y0 + i);
            var u1 = Unsafe.ReadUnaligned<Vector<double>>(y1 + i);
            s00 = Vector.FusedMultiplyAdd(c0, u0, s00);
            s01 = Vector.FusedMultiplyAdd(c1, u0, s01);
            s02 = Vector.FusedMultiplyAdd(c2, u0, s02);
            s03 = Vector.FusedMultiplyAdd(c3, u0, s03);
            s10 = Vector.FusedMultiplyAdd(c0, u1, s10);
            s11 = Vector.FusedMultiplyAdd(c1, u1, s11);
            s12 = Vector.FusedMultiplyAdd(c2, u1, s12);
            s13 = Vector.FusedMultiplyAdd(c3, u1, s13);
        }
        acc0[0] = s00;
        acc0[1] = s01;
        acc0[2] = s02;
        acc0[3] = s03;
        acc1[0] = s10;
        acc1[1] = s11;
        acc1[2] = s12;
        acc1[3] = s13;
    }

    /// <summary>
    /// One-right-hand-side counterpart of <see cref="AccumulateDot4x2"/> (for an odd count).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AccumulateDot4(double* x0, double* x1, double* x2, double* x3, double* y, int n, Vector<double>* acc)
    {
        int w = Vector<double>.Count;
        var s0 = acc[0];
        var s1 = acc[1];
        var s2 = acc[2];
        var s3 = acc[3];
        for (int i = 0; i < n; i += w)
        {
            var u = Unsafe.ReadUnaligned<Vector<double>>(y + i);
            s0 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x0 + i), u, s0);
            s1 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x1 + i), u, s1);
            s2 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x2 + i), u, s2);
            s3 = Vector.FusedMultiplyAdd(Unsafe.ReadUnaligned<Vector<double>>(x3 + i), u, s3);
        }
        acc[0] = s0;
        acc[1] = s1;
        acc[2] = s2;
        acc[3] = s3;
    }

    /// <summary>
    /// Completes four dot products started with <see cref="AccumulateDot4x2"/> or
    /// <see cref="AccumulateDot4"/> over the vector part <c>[0, start)</c>: sums the lanes and adds
    /// the scalar tail <c>[start, n)</c>, exactly as <see cref="VectorOps.Dot4"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void FinishDot4(double* x0, double* x1, double* x2, double* x3, double* y, int start, int n,
        Vector<double>* acc, out double d0, out double d1, out double d2, out double d3)
    {
        d0 = Vector.Sum(acc[0]);
        d1 = Vector.Sum(acc[1]);
        d2 = Vector.Sum(acc[2]);
        d3 = Vector.Sum(acc[3]);
        for (int i = start; i < n; i++)
        {
            double yi = y[i];
            d0 += x0[i] * yi; d1 += x1[i] * yi; d2 += x2[i] * yi; d3 += x3[i] * yi;
        }
    }
}
