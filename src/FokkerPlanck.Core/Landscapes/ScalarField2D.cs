namespace FokkerPlanck.Core.Landscapes;

/// <summary>
/// A scalar function U(x, y) with its partial derivatives and the jump locations along each axis
/// (jumps along lines x = const or y = const only; those can be put on grid faces).
/// </summary>
/// <param name="Text">The formula text, for reports.</param>
/// <param name="Value">U(x, y).</param>
/// <param name="DerivativeX">∂U/∂x.</param>
/// <param name="DerivativeY">∂U/∂y.</param>
/// <param name="JumpsX">Jump locations along x in [lo, hi]; null when none.</param>
/// <param name="JumpsY">Jump locations along y in [lo, hi]; null when none.</param>
public sealed record ScalarField2D(
    string Text,
    Func<double, double, double> Value,
    Func<double, double, double> DerivativeX,
    Func<double, double, double> DerivativeY,
    Func<double, double, IReadOnlyList<double>>? JumpsX = null,
    Func<double, double, IReadOnlyList<double>>? JumpsY = null);
