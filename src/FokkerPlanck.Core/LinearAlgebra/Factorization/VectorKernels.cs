using System.Numerics;
using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.LinearAlgebra.Factorization;

/// <summary>Level-1 kernels (axpy, scale, dot) on raw pointers, vectorized with <see cref="Vector{T}"/>.</summary>
internal static unsafe class VectorKernels
{
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
}
