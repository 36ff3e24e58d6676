namespace FokkerPlanck.Core.Landscapes;

/// <summary>A one-dimensional potential <c>U(y)</c> (a river only, or a validation case).</summary>
public sealed class PotentialLandscape1D : ILandscape
{
    private readonly ScalarField1D _u;

    /// <summary>Creates the landscape.</summary>
    public PotentialLandscape1D(ScalarField1D u) => _u = u ?? throw new ArgumentNullException(nameof(u));

    /// <summary>The potential.</summary>
    public ScalarField1D Field => _u;

    /// <inheritdoc/>
    public string Description => $"U(y) = {_u.Text}";

    /// <inheritdoc/>
    public bool IsOneDimensional => true;

    /// <inheritdoc/>
    public double Potential(double x, double y) => _u.Value(y);

    /// <inheritdoc/>
    public (double Dx, double Dy) Gradient(double x, double y) => (0.0, _u.Derivative(y));

    /// <inheritdoc/>
    public IReadOnlyList<double> JumpsAlongY(double yMin, double yMax) => _u.Jumps(yMin, yMax);

    /// <inheritdoc/>
    public IReadOnlyList<double> JumpsAlongX(double xMin, double xMax) => [];
}
