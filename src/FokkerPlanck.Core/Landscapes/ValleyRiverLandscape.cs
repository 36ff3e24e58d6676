namespace FokkerPlanck.Core.Landscapes;

/// <summary>
/// The valley–river loss <c>L(x, y) = c(y) + ½ a(y) x²</c> with valley curvature <c>a(y) &gt; 0</c>
/// (docs/physics.md §1): x is the sharp valley direction, y the slow river.
/// </summary>
/// <remarks>
/// Integrating out x exactly, the y-marginal of <c>π_T ∝ exp(−L/T)</c> is
/// <c>∝ exp(−F_T(y)/T)</c> with the free energy <c>F_T(y) = c(y) + (T/2) ln a(y)</c>
/// (docs/physics.md §5): the river-only reduction is the 1D Fokker–Planck equation in <c>F_T</c>.
/// </remarks>
public sealed class ValleyRiverLandscape : ILandscape
{
    private readonly ScalarField1D _c;
    private readonly ScalarField1D _a;

    /// <summary>Creates the landscape from the river profile c(y) and the curvature a(y).</summary>
    public ValleyRiverLandscape(ScalarField1D c, ScalarField1D a)
    {
        _c = c ?? throw new ArgumentNullException(nameof(c));
        _a = a ?? throw new ArgumentNullException(nameof(a));
    }

    /// <summary>River profile c(y).</summary>
    public ScalarField1D River => _c;

    /// <summary>Valley curvature a(y).</summary>
    public ScalarField1D Curvature => _a;

    /// <inheritdoc/>
    public string Description => $"L = c(y) + a(y) x²/2, c = {_c.Text}, a = {_a.Text}";

    /// <inheritdoc/>
    public bool IsOneDimensional => false;

    /// <inheritdoc/>
    public double Potential(double x, double y) => _c.Value(y) + 0.5 * _a.Value(y) * x * x;

    /// <inheritdoc/>
    /// <remarks>c(y) and a(y) are evaluated once for the row; each entry is then the same expression as <see cref="Potential"/>, bit for bit.</remarks>
    public void PotentialRow(ReadOnlySpan<double> xs, double y, Span<double> output)
    {
        double c = _c.Value(y), a = _a.Value(y);
        for (int i = 0; i < xs.Length; i++) output[i] = c + 0.5 * a * xs[i] * xs[i];
    }

    /// <inheritdoc/>
    public (double Dx, double Dy) Gradient(double x, double y)
        => (_a.Value(y) * x, _c.Derivative(y) + 0.5 * _a.Derivative(y) * x * x);

    /// <inheritdoc/>
    public IReadOnlyList<double> JumpsAlongY(double yMin, double yMax)
        => _c.Jumps(yMin, yMax).Concat(_a.Jumps(yMin, yMax)).Distinct().Order().ToArray();

    /// <inheritdoc/>
    public IReadOnlyList<double> JumpsAlongX(double xMin, double xMax) => [];

    /// <summary>
    /// The river-only (1D) landscape at temperature <paramref name="temperature"/>:
    /// <c>F_T(y) = c(y) + (T/2) ln a(y)</c>.
    /// </summary>
    public PotentialLandscape1D RiverFreeEnergy(double temperature)
    {
        double t = temperature;
        var f = new ScalarField1D(
            $"{_c.Text} + ({t:R}/2)*log({_a.Text})",
            y => _c.Value(y) + 0.5 * t * Math.Log(_a.Value(y)),
            y => _c.Derivative(y) + 0.5 * t * _a.Derivative(y) / _a.Value(y),
            (lo, hi) => _c.Jumps(lo, hi).Concat(_a.Jumps(lo, hi)).Distinct().Order().ToArray());
        return new PotentialLandscape1D(f);
    }
}
