namespace FokkerPlanck.Core.Landscapes;

/// <summary>A general two-dimensional potential <c>U(x, y)</c>.</summary>
public sealed class PotentialLandscape2D : ILandscape
{
    private readonly ScalarField2D _u;

    /// <summary>Creates the landscape.</summary>
    public PotentialLandscape2D(ScalarField2D u) => _u = u ?? throw new ArgumentNullException(nameof(u));

    /// <inheritdoc/>
    public string Description => $"U(x, y) = {_u.Text}";

    /// <inheritdoc/>
    public bool IsOneDimensional => false;

    /// <inheritdoc/>
    public double Potential(double x, double y) => _u.Value(x, y);

    /// <inheritdoc/>
    public (double Dx, double Dy) Gradient(double x, double y) => (_u.DerivativeX(x, y), _u.DerivativeY(x, y));

    /// <inheritdoc/>
    public IReadOnlyList<double> JumpsAlongY(double yMin, double yMax) => _u.JumpsY?.Invoke(yMin, yMax) ?? [];

    /// <inheritdoc/>
    public IReadOnlyList<double> JumpsAlongX(double xMin, double xMax) => _u.JumpsX?.Invoke(xMin, xMax) ?? [];
}
