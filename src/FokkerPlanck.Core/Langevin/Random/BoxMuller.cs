using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// The Box–Muller transform: two independent uniforms <c>(u₁, u₂)</c> on (0, 1) give two independent
/// standard normals <c>ξ = r cos θ</c>, <c>η = r sin θ</c> with <c>r = √(−2 ln u₁)</c>, <c>θ = 2πu₂</c>
/// (Box &amp; Muller, Ann. Math. Statist. 29, 610 (1958)). With <see cref="OpenUnit"/>'s uniforms
/// <c>r ≤ √(106 ln 2) ≈ 8.57</c>: the only truncation of the normal tails.
/// </summary>
/// <remarks>
/// The vector forms use the runtime's vectorized <c>Log</c>, <c>Sqrt</c> and <c>SinCos</c>; lanes of
/// equal input give equal output at both widths. The scalar form uses <see cref="Math"/> and may differ
/// from the vector forms in the last bit.
/// </remarks>
internal static class BoxMuller
{
    private const double MinusTwo = -2.0;

    /// <summary>One pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Xi, double Eta) Transform(double u1, double u2)
    {
        double r = Math.Sqrt(MinusTwo * Math.Log(u1));
        var (s, c) = Math.SinCos(2.0 * Math.PI * u2);
        return (r * c, r * s);
    }

    /// <summary>Eight pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector512<double> Xi, Vector512<double> Eta) Transform(Vector512<double> u1, Vector512<double> u2)
    {
        var r = Vector512.Sqrt(Vector512.Create(MinusTwo) * Vector512.Log(u1));
        var (s, c) = Vector512.SinCos(Vector512.Create(2.0 * Math.PI) * u2);
        return (r * c, r * s);
    }

    /// <summary>Four pairs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double> Xi, Vector256<double> Eta) Transform(Vector256<double> u1, Vector256<double> u2)
    {
        var r = Vector256.Sqrt(Vector256.Create(MinusTwo) * Vector256.Log(u1));
        var (s, c) = Vector256.SinCos(Vector256.Create(2.0 * Math.PI) * u2);
        return (r * c, r * s);
    }
}
