using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Benchmarks;

/// <summary>
/// One of the two benchmark problems of the SciPy peer (<c>cases.py</c>, docs/performance.md "Running the peers"): a landscape,
/// a temperature and a rectangle, discretized on N × N uniform cells with zero-flux walls and the
/// SQRA flux, exactly as <c>sqra_ref.py</c> builds them.
/// </summary>
/// <param name="Name">Case name as the peer spells it (<c>valley</c>, <c>harmonic</c>).</param>
/// <param name="Landscape">The potential U(x, y) (energy in units of k_BT·T⁻¹, i.e. the same units as T).</param>
/// <param name="Temperature">Temperature T (unit friction, so the diffusion constant is T).</param>
/// <param name="XMin">Left wall.</param>
/// <param name="XMax">Right wall.</param>
/// <param name="YMin">Lower wall.</param>
/// <param name="YMax">Upper wall.</param>
public sealed record BenchmarkCase(string Name, ILandscape Landscape, double Temperature, double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>Valley temperature (cases.py <c>VALLEY["T"]</c>).</summary>
    public const double ValleyTemperature = 0.25;

    /// <summary>Valley half-width in x: x ∈ [−1, 1] (cases.py <c>Lx = 2</c>).</summary>
    public const double ValleyHalfWidthX = 1.0;

    /// <summary>Valley half-height in y: y ∈ [−2.5, 2.5] (cases.py <c>Ly = 5</c>).</summary>
    public const double ValleyHalfHeightY = 2.5;

    /// <summary>Base valley stiffness in <c>a(y) = 20 (1 + ½ tanh y)</c>.</summary>
    public const double ValleyStiffness = 20.0;

    /// <summary>Harmonic stiffness along x (cases.py <c>kx</c>).</summary>
    public const double HarmonicKx = 1.0;

    /// <summary>Harmonic stiffness along y (cases.py <c>ky</c>).</summary>
    public const double HarmonicKy = 1.3;

    /// <summary>Harmonic temperature (cases.py <c>HARM["T"]</c>).</summary>
    public const double HarmonicTemperature = 1.0;

    /// <summary>Harmonic box half-width: [−6, 6]² (cases.py <c>Lx = Ly = 12</c>).</summary>
    public const double HarmonicHalfWidth = 6.0;

    /// <summary>
    /// The valley–river case: <c>U = c(y) + a(y) x²/2</c>, <c>c = 0.5y⁴ − y² + 0.3y</c>,
    /// <c>a = 20(1 + 0.5 tanh y)</c>, T = 0.25, x ∈ [−1, 1], y ∈ [−2.5, 2.5].
    /// </summary>
    public static BenchmarkCase Valley { get; } = new(
        "valley",
        new ValleyRiverLandscape(
            new ScalarField1D("0.5*y^4 - y^2 + 0.3*y", y => 0.5 * y * y * y * y - y * y + 0.3 * y, y => 2 * y * y * y - 2 * y + 0.3),
            new ScalarField1D("20*(1 + 0.5*tanh(y))", y => ValleyStiffness * (1 + 0.5 * Math.Tanh(y)),
                y => 0.5 * ValleyStiffness / (Math.Cosh(y) * Math.Cosh(y)))),
        ValleyTemperature, -ValleyHalfWidthX, ValleyHalfWidthX, -ValleyHalfHeightY, ValleyHalfHeightY);

    /// <summary>The 2D harmonic case: <c>U = (kx x² + ky y²)/2</c>, kx = 1, ky = 1.3, T = 1, box [−6, 6]².</summary>
    public static BenchmarkCase Harmonic { get; } = new(
        "harmonic",
        new PotentialLandscape2D(new ScalarField2D("0.5*(x^2 + 1.3*y^2)",
            (x, y) => 0.5 * (HarmonicKx * x * x + HarmonicKy * y * y), (x, _) => HarmonicKx * x, (_, y) => HarmonicKy * y)),
        HarmonicTemperature, -HarmonicHalfWidth, HarmonicHalfWidth, -HarmonicHalfWidth, HarmonicHalfWidth);

    /// <summary>All cases by name.</summary>
    public static IReadOnlyList<BenchmarkCase> All { get; } = [Valley, Harmonic];

    /// <summary>Looks a case up by name (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static BenchmarkCase FromName(string name)
        => All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new ArgumentException($"Unknown benchmark case '{name}'; known: {string.Join(", ", All.Select(c => c.Name))}.", nameof(name));

    /// <summary>The N × N uniform grid (cell centres <c>x_i = x_min + (i + ½) h</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">N &lt; 2.</exception>
    public TensorGrid CreateGrid(int cellsPerAxis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellsPerAxis, 2);
        return new TensorGrid(Axis.Uniform(XMin, XMax, cellsPerAxis), Axis.Uniform(YMin, YMax, cellsPerAxis));
    }

    /// <summary>Samples the landscape and builds the SQRA operator on the N × N grid.</summary>
    public FokkerPlanckOperator CreateOperator(int cellsPerAxis)
        => FokkerPlanckOperator.Create(DiscreteLandscape.Sample(CreateGrid(cellsPerAxis), Landscape), Temperature, new SquareRootApproximationFlux());

    /// <summary>
    /// The continuum rates <c>n kx + m ky</c> (the harmonic case only; null otherwise). The SQRA rates
    /// approach them as O(h²).
    /// </summary>
    public double[]? ContinuumRates(int count)
    {
        if (!ReferenceEquals(this, Harmonic)) return null;
        var r = new List<double>();
        for (int n = 0; n < count; n++)
            for (int m = 0; m < count; m++) r.Add(n * HarmonicKx + m * HarmonicKy);
        return [.. r.Order().Take(count)];
    }
}
