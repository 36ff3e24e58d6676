using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Validation.Support;

/// <summary>Validation landscapes written as C# lambdas with hand-derived derivatives (no formula parser involved).</summary>
internal static class Landscapes
{
    /// <summary>U ≡ 0 in 1D.</summary>
    public static PotentialLandscape1D Flat1D() => new(new ScalarField1D("0", _ => 0, _ => 0));

    /// <summary>U ≡ 0 in 2D.</summary>
    public static PotentialLandscape2D Flat2D() => new(new ScalarField2D("0", (_, _) => 0, (_, _) => 0, (_, _) => 0));

    /// <summary>U = (kx x² + ky y²)/2.</summary>
    public static PotentialLandscape2D Harmonic(double kx, double ky)
        => new(new ScalarField2D($"({kx}*x^2 + {ky}*y^2)/2", (x, y) => 0.5 * (kx * x * x + ky * y * y), (x, _) => kx * x, (_, y) => ky * y));

    /// <summary>U = 0 for y &lt; y₀, Δ for y ≥ y₀, with its jump reported so faces can be snapped onto it.</summary>
    public static PotentialLandscape1D Step(double y0, double delta)
        => new(new ScalarField1D($"if(y<{y0},0,{delta})", y => y < y0 ? 0 : delta, _ => 0, (lo, hi) => y0 > lo && y0 < hi ? [y0] : []));

    /// <summary>Tilted double well U = (y² − 1)² + b·y.</summary>
    public static PotentialLandscape1D TiltedDoubleWell(double tilt)
        => new(new ScalarField1D($"(y^2-1)^2 + {tilt}*y", y => Math.Pow(y * y - 1, 2) + tilt * y, y => 4 * y * (y * y - 1) + tilt));

    /// <summary>
    /// Valley–river loss of case 6: c = 0.5y⁴ − y² − 0.02y, a = s·(58 + 46 tanh 3y).
    /// </summary>
    public static ValleyRiverLandscape ValleyRiver(double separation)
    {
        double s = separation;
        var c = new ScalarField1D("0.5*y^4 - y^2 - 0.02*y", y => 0.5 * Math.Pow(y, 4) - y * y - 0.02 * y, y => 2 * Math.Pow(y, 3) - 2 * y - 0.02);
        var a = new ScalarField1D($"{s}*(58 + 46*tanh(3*y))", y => s * (58 + 46 * Math.Tanh(3 * y)), y => s * 138 / Math.Pow(Math.Cosh(3 * y), 2));
        return new ValleyRiverLandscape(c, a);
    }
}
