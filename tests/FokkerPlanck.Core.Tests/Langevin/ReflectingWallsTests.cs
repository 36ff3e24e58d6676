using FokkerPlanck.Core.Langevin.Propagation;

namespace FokkerPlanck.Core.Tests.Langevin;

/// <summary>The fold of <see cref="ReflectingWalls"/> against repeated mirroring, overshoots of many box widths included.</summary>
public sealed class ReflectingWallsTests
{
    /// <summary>Rounding of the fold's modulo against the mirror loop: a few ulp of the box's scale, times the number of widths crossed.</summary>
    private const double Tolerance = 1e-12;

    /// <summary>The definition: mirror at whichever wall is crossed until inside.</summary>
    private static double MirrorUntilInside(double z, double lo, double hi, out int reflections)
    {
        reflections = 0;
        while (z < lo || z > hi)
        {
            z = z < lo ? 2 * lo - z : 2 * hi - z;
            reflections++;
        }
        return z;
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.2)]
    [InlineData(1.7)]
    [InlineData(-3.45)]
    [InlineData(7.9)]
    [InlineData(-25.125)]
    [InlineData(104.6)]
    public void Fold_AnyOvershoot_EqualsRepeatedMirroring(double z)
    {
        const double lo = -0.5, hi = 1.0;
        double folded = ReflectingWalls.Fold(z, lo, hi, out bool mirrored);
        Assert.InRange(folded, lo, hi);
        Assert.Equal(MirrorUntilInside(z, lo, hi, out int reflections), folded, Tolerance * Math.Max(1, Math.Abs(z)));
        Assert.Equal(reflections % 2 == 1, mirrored);
    }

    [Fact]
    public void Fold_InsideOrOnAWall_IsUnchanged()
    {
        Assert.Equal(0.25, ReflectingWalls.Fold(0.25, 0, 1));
        Assert.Equal(0.0, ReflectingWalls.Fold(0.0, 0, 1));
        Assert.Equal(1.0, ReflectingWalls.Fold(1.0, 0, 1));
    }

    [Fact]
    public void Fold_SingleOvershoot_IsTheMirror()
    {
        Assert.Equal(2 * 1.0 - 1.25, ReflectingWalls.Fold(1.25, 0, 1));
        Assert.Equal(2 * 0.0 - -0.3, ReflectingWalls.Fold(-0.3, 0, 1));
    }

    [Fact]
    public void Fold_Span_NegatesTheCarriedNoiseOfOddReflectionsOnly()
    {
        double[] z = [0.5, 1.2, -0.3, 2.5, 3.5];
        double[] noise = [1, 2, 3, 4, 5];
        ReflectingWalls.Fold(z, 0, 1, noise);
        Assert.Equal([0.5, 0.8, 0.3, 0.5, 0.5], z.Select(v => Math.Round(v, 12)));
        Assert.Equal([1.0, -2, -3, 4, -5], noise);
    }

    [Fact]
    public void Fold_NonFinite_GivesNaN()
    {
        Assert.True(double.IsNaN(ReflectingWalls.Fold(double.PositiveInfinity, 0, 1)));
        Assert.True(double.IsNaN(ReflectingWalls.Fold(double.NaN, 0, 1)));
    }
}
