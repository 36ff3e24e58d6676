using System.Runtime.CompilerServices;

namespace FokkerPlanck.Core.Langevin.Random;

/// <summary>
/// The Box–Muller transform: two independent uniforms <c>(u₁, u₂)</c> on (0, 1) give two independent
/// standard normals <c>ξ = r cos θ</c>, <c>η = r sin θ</c> with <c>r = √(−2 ln u₁)</c> and the angle
/// <c>θ = 2π(u₂ − ½)</c>, uniform on (−π, π) (Box &amp; Muller, Ann. Math. Statist. 29, 610 (1958)).
/// With <see cref="OpenUnit"/>'s uniforms <c>r ≤ √(106 ln 2) ≈ 8.57</c>: the only truncation of the
/// normal tails.
/// </summary>
/// <remarks>
/// Written against <see cref="IDoubleLanes{TSelf}"/> with our own logarithm and sine/cosine
/// (<see cref="LanesMath"/>), so AVX-512, AVX2 and the scalar path give the same bits.
/// </remarks>
internal static class BoxMuller
{
    /// <summary>The pairs of the lanes of <paramref name="u1"/> and <paramref name="u2"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (T Xi, T Eta) Transform<T>(T u1, T u2)
        where T : struct, IDoubleLanes<T>
    {
        var r = T.Sqrt(T.Create(-2.0) * LanesMath.Log(u1));
        var (sin, cos) = LanesMath.SinCosOfTurns(u2 - T.Create(0.5));
        return (r * cos, r * sin);
    }
}
