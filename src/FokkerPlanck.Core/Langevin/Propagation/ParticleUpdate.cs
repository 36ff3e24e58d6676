using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FokkerPlanck.Core.Langevin.Random;

namespace FokkerPlanck.Core.Langevin.Propagation;

/// <summary>
/// One coordinate of one step for a block of particles: <c>z ← z − h·g + a·n</c>, then the walls.
/// The noise <c>n</c> is <c>ξₙ</c> (Euler–Maruyama, SGD) or <c>ξₙ + ξₙ₊₁</c> with the amplitude
/// halved by the caller (Leimkuhler–Matthews). Written once over <see cref="IDoubleLanes{TSelf}"/>:
/// whole vectors at the machine's width, the ragged end with <see cref="Lane1"/>, the same operations
/// (two fused multiply-adds) in both, so the bits do not depend on where a block ends.
/// </summary>
internal static class ParticleUpdate
{
    /// <summary>Advances <paramref name="z"/> in place; false when some new position is not finite.</summary>
    /// <param name="z">Positions (this coordinate).</param>
    /// <param name="gradient">∂L/∂z at the old positions.</param>
    /// <param name="noise">ξₙ.</param>
    /// <param name="nextNoise">ξₙ₊₁ for Leimkuhler–Matthews (negated where a wall mirrored the coordinate, <see cref="ReflectingWalls"/>), empty otherwise.</param>
    /// <param name="step">h.</param>
    /// <param name="amplitude">√(2Th), or half of it with <paramref name="nextNoise"/>.</param>
    /// <param name="lo">Lower wall.</param>
    /// <param name="hi">Upper wall.</param>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    public static bool Advance<T>(Span<double> z, ReadOnlySpan<double> gradient, ReadOnlySpan<double> noise, Span<double> nextNoise,
        double step, double amplitude, double lo, double hi)
        where T : struct, IDoubleLanes<T>
    {
        int full = z.Length - z.Length % T.Count;
        bool finite = Range<T>(z, gradient, noise, nextNoise, 0, full, step, amplitude, lo, hi);
        return Range<Lane1>(z, gradient, noise, nextNoise, full, z.Length, step, amplitude, lo, hi) && finite;
    }

    /// <summary><see cref="Advance{T}"/> at the machine's widest lanes (the stage timing of the benchmark calls it alone).</summary>
    public static bool AdvancePreferred(Span<double> z, ReadOnlySpan<double> gradient, ReadOnlySpan<double> noise, Span<double> nextNoise,
        double step, double amplitude, double lo, double hi) => SimdSupport.Preferred switch
        {
            SimdWidth.Vector512 => Advance<Lanes512>(z, gradient, noise, nextNoise, step, amplitude, lo, hi),
            SimdWidth.Vector256 => Advance<Lanes256>(z, gradient, noise, nextNoise, step, amplitude, lo, hi),
            _ => Advance<Lane1>(z, gradient, noise, nextNoise, step, amplitude, lo, hi),
        };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Range<T>(Span<double> z, ReadOnlySpan<double> gradient, ReadOnlySpan<double> noise, Span<double> nextNoise,
        int from, int to, double step, double amplitude, double lo, double hi)
        where T : struct, IDoubleLanes<T>
    {
        ref double rz = ref MemoryMarshal.GetReference(z);
        ref double rg = ref MemoryMarshal.GetReference(gradient);
        ref double rn = ref MemoryMarshal.GetReference(noise);
        ref double rm = ref MemoryMarshal.GetReference(nextNoise);
        bool averaged = !nextNoise.IsEmpty;
        T minusH = T.Create(-step), a = T.Create(amplitude), low = T.Create(lo), high = T.Create(hi), zero = T.Create(0.0);
        T check = zero; // stays 0 unless a new position is ±∞ or NaN (0·∞ = NaN)
        bool outside = false;
        for (int i = from; i < to; i += T.Count)
        {
            var n = T.Load(ref rn, i);
            if (averaged) n += T.Load(ref rm, i);
            var moved = T.Fma(a, n, T.Fma(minusH, T.Load(ref rg, i), T.Load(ref rz, i)));
            check = T.Fma(moved, zero, check);
            T.Store(moved, ref rz, i);
            outside |= T.AnyOutside(moved, low, high);
        }
        bool finite = !T.AnyNaN(check);
        // rare (the walls are far from most particles): a second pass, so that no call in the loop spills its registers
        if (outside) ReflectingWalls.Fold(z[from..to], lo, hi, averaged ? nextNoise[from..to] : default);
        return finite;
    }
}
