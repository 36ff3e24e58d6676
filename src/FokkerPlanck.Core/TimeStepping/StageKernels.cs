using System.Numerics;
using System.Runtime.InteropServices;

namespace FokkerPlanck.Core.TimeStepping;

/// <summary>
/// The element-wise loops of a stage iteration, vectorized with <see cref="Vector{T}"/> (one pass
/// over memory each; the sums are accumulated lane by lane and then across lanes in a fixed order,
/// so they do not depend on threads or timing).
/// </summary>
internal static class StageKernels
{
    /// <summary><c>r ← b − x + c·r</c> (r holds <c>L x</c> on entry: the defect <c>b − (I − cL)x</c>).</summary>
    public static void Defect(ReadOnlySpan<double> b, ReadOnlySpan<double> x, double c, Span<double> r)
    {
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b);
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vr = MemoryMarshal.Cast<double, Vector<double>>(r);
        for (int k = 0; k < vr.Length; k++) vr[k] = vb[k] - vx[k] + c * vr[k];
        for (int i = vr.Length * Vector<double>.Count; i < r.Length; i++) r[i] = b[i] - x[i] + c * r[i];
    }

    /// <summary><c>x ← x + ω·r</c>; returns <c>Σ (ω r_i w_i)²</c>, the squared weighted norm of the correction.</summary>
    public static double Correct(Span<double> x, double omega, ReadOnlySpan<double> r, ReadOnlySpan<double> weights)
    {
        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vr = MemoryMarshal.Cast<double, Vector<double>>(r);
        var vw = MemoryMarshal.Cast<double, Vector<double>>(weights);
        var acc = Vector<double>.Zero;
        for (int k = 0; k < vx.Length; k++)
        {
            var d = omega * vr[k];
            vx[k] += d;
            var e = d * vw[k];
            acc += e * e;
        }
        double sum = Vector.Sum(acc);
        for (int i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            double d = omega * r[i], e = d * weights[i];
            x[i] += d;
            sum += e * e;
        }
        return sum;
    }

    /// <summary><c>y ← a·(u ⊙ v)</c> (y may be u or v).</summary>
    public static void ScaledProduct(ReadOnlySpan<double> u, ReadOnlySpan<double> v, double a, Span<double> y)
    {
        var vu = MemoryMarshal.Cast<double, Vector<double>>(u);
        var vv = MemoryMarshal.Cast<double, Vector<double>>(v);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y);
        for (int k = 0; k < vy.Length; k++) vy[k] = a * (vu[k] * vv[k]);
        for (int i = vy.Length * Vector<double>.Count; i < y.Length; i++) y[i] = a * (u[i] * v[i]);
    }
}
