namespace FokkerPlanck.Core.Landscapes;

/// <summary>
/// A loss landscape / potential <c>U(x, y)</c> (energy in units of the loss; temperature
/// <c>T = κ η</c> is in the same units). One-dimensional landscapes depend on y only.
/// </summary>
public interface ILandscape
{
    /// <summary>Short description for reports, e.g. the formulas.</summary>
    string Description { get; }

    /// <summary>True when U depends on y only (x is absent).</summary>
    bool IsOneDimensional { get; }

    /// <summary>Potential <c>U(x, y)</c>.</summary>
    double Potential(double x, double y);

    /// <summary>
    /// <c>U(x_i, y)</c> for every <c>x_i</c> in <paramref name="xs"/> at one <paramref name="y"/> (a grid
    /// row): the sampling's bulk call. The default evaluates <see cref="Potential"/> point by point;
    /// landscapes whose y-dependence factors out (valley–river: <c>c(y) + ½a(y)x²</c>) evaluate it
    /// once per row. Must agree with <see cref="Potential"/> to rounding.
    /// </summary>
    void PotentialRow(ReadOnlySpan<double> xs, double y, Span<double> output)
    {
        for (int i = 0; i < xs.Length; i++) output[i] = Potential(xs[i], y);
    }

    /// <summary>Gradient <c>(∂U/∂x, ∂U/∂y)</c> (needed by Langevin dynamics).</summary>
    (double Dx, double Dy) Gradient(double x, double y);

    /// <summary>
    /// Positions in y (inside <c>[yMin, yMax]</c>) where U jumps; grid faces are placed there so the
    /// finite-volume flux keeps its order.
    /// </summary>
    IReadOnlyList<double> JumpsAlongY(double yMin, double yMax);

    /// <summary>Positions in x where U jumps (empty for 1D landscapes).</summary>
    IReadOnlyList<double> JumpsAlongX(double xMin, double xMax);
}
