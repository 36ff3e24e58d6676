using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>Landscapes built from C# lambdas (independent of the formula parser).</summary>
internal static class TestLandscapes
{
    public static PotentialLandscape2D Flat2D() => new(new ScalarField2D("0", (x, y) => 0, (x, y) => 0, (x, y) => 0));

    public static PotentialLandscape1D Flat1D() => new(new ScalarField1D("0", y => 0, y => 0));

    public static PotentialLandscape2D Harmonic(double kx, double ky)
        => new(new ScalarField2D($"({kx}x²+{ky}y²)/2", (x, y) => 0.5 * (kx * x * x + ky * y * y), (x, y) => kx * x, (x, y) => ky * y));

    public static PotentialLandscape1D Harmonic1D(double k) => new(new ScalarField1D($"{k}y²/2", y => 0.5 * k * y * y, y => k * y));

    /// <summary>U = 0 for y &lt; y0, Δ for y ≥ y0: a potential step (exact spectrum from a transcendental equation).</summary>
    public static PotentialLandscape1D Step1D(double y0, double delta)
        => new(new ScalarField1D($"if(y<{y0},0,{delta})", y => y < y0 ? 0 : delta, y => 0, (lo, hi) => y0 > lo && y0 < hi ? [y0] : []));

    public static ValleyRiverLandscape ValleyRiver(Func<double, double> c, Func<double, double> dc, Func<double, double> a, Func<double, double> da)
        => new(new ScalarField1D("c", c, dc), new ScalarField1D("a", a, da));

    /// <summary>The peer benchmark valley: c = 0.5y⁴ − y² + 0.3y, a = 20(1 + 0.5 tanh y).</summary>
    public static ValleyRiverLandscape PeerValley()
        => ValleyRiver(y => 0.5 * Math.Pow(y, 4) - y * y + 0.3 * y, y => 2 * Math.Pow(y, 3) - 2 * y + 0.3,
                       y => 20 * (1 + 0.5 * Math.Tanh(y)), y => 10 / Math.Pow(Math.Cosh(y), 2));
}
