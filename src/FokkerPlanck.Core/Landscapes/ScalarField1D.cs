namespace FokkerPlanck.Core.Landscapes;

/// <summary>
/// A scalar function of one variable with its derivative and jump locations (usually compiled from
/// a scenario formula).
/// </summary>
/// <param name="Text">The formula text, for reports.</param>
/// <param name="Value">f(y).</param>
/// <param name="Derivative">f′(y).</param>
/// <param name="JumpFinder">Locations of jumps in [lo, hi]; null when f is continuous.</param>
public sealed record ScalarField1D(
    string Text,
    Func<double, double> Value,
    Func<double, double> Derivative,
    Func<double, double, IReadOnlyList<double>>? JumpFinder = null)
{
    /// <summary>Jump locations of f inside <c>[lo, hi]</c>.</summary>
    public IReadOnlyList<double> Jumps(double lo, double hi) => JumpFinder?.Invoke(lo, hi) ?? [];
}
