namespace FokkerPlanck.Core.Scenarios;

/// <summary>Kind of landscape in a scenario file.</summary>
public enum LandscapeKind
{
    /// <summary><c>L = c(y) + a(y) x²/2</c>.</summary>
    ValleyRiver,
    /// <summary>General <c>U(x, y)</c>.</summary>
    Potential2D,
    /// <summary>One-dimensional <c>U(y)</c>.</summary>
    Potential1D,
}

/// <summary>How the x axis is meshed.</summary>
public enum RefineMode
{
    /// <summary>Cluster cells around the valley floor so the cold valley is resolved (default).</summary>
    Auto,
    /// <summary>Uniform cells.</summary>
    Uniform,
}

/// <summary>The landscape formulas of a scenario.</summary>
/// <param name="Kind">Landscape kind.</param>
/// <param name="C">River profile c(y) (valley–river).</param>
/// <param name="A">Valley curvature a(y) (valley–river).</param>
/// <param name="U">Potential (potential2d: U(x, y); potential1d: U(y)).</param>
public sealed record LandscapeSpec(LandscapeKind Kind, string? C, string? A, string? U)
{
    /// <summary>Named constants the formulas may use (the scenario's <c>"parameters"</c>, e.g. <c>{ "A": 46 }</c>); empty when the file has none.</summary>
    public IReadOnlyDictionary<string, double> Parameters { get; init; } = new Dictionary<string, double>();
}

/// <summary>Plateau learning rates to scan: <c>Points</c> log-spaced values in <c>[Min, Max]</c>.</summary>
/// <param name="Min">Smallest plateau LR.</param>
/// <param name="Max">Largest plateau LR.</param>
/// <param name="Points">Number of scan points (≥ 2).</param>
public sealed record PlateauRange(double Min, double Max, int Points)
{
    /// <summary>The log-spaced scan values.</summary>
    public double[] Values()
    {
        var v = new double[Points];
        for (int i = 0; i < Points; i++) v[i] = Min * Math.Pow(Max / Min, (double)i / (Points - 1));
        v[^1] = Max;
        return v;
    }
}

/// <summary>The cells of a scenario's grid.</summary>
/// <param name="Nx">Cells along x (1 for 1D).</param>
/// <param name="Ny">Cells along y.</param>
/// <param name="RefineX">x meshing.</param>
public sealed record GridSpec(int Nx, int Ny, RefineMode RefineX);

/// <summary>
/// The problem of a scenario: everything that defines the Fokker–Planck operator up to its
/// temperature (landscape, domain, grid, LR-to-temperature factor κ, face flux, walls).
/// </summary>
/// <param name="Landscape">Formulas.</param>
/// <param name="XRange">x domain (null for 1D).</param>
/// <param name="YRange">y domain.</param>
/// <param name="Grid">Grid cells and x meshing.</param>
/// <param name="Kappa">κ in T = κη.</param>
/// <param name="Flux">Face flux name ("sg" or "sqra").</param>
/// <param name="ReflectingAxes">Axes whose walls are part of the model (no truncation warning).</param>
public sealed record ProblemSpec(
    LandscapeSpec Landscape,
    (double Min, double Max)? XRange,
    (double Min, double Max) YRange,
    GridSpec Grid,
    double Kappa,
    string Flux,
    IReadOnlyList<string> ReflectingAxes)
{
    /// <summary>True for a 1D (potential1d) problem.</summary>
    public bool IsOneDimensional => Landscape.Kind == LandscapeKind.Potential1D;

    /// <summary>Temperature of a learning rate, T = κη.</summary>
    public double TemperatureOf(double lr) => Kappa * lr;
}

/// <summary>The Mpemba study of a scenario: plateau LR scan and number of eigenpairs.</summary>
/// <param name="Plateau">Plateau LR scan.</param>
/// <param name="Modes">Eigenpairs to compute (including λ₁ = 0).</param>
public sealed record MpembaSection(PlateauRange Plateau, int Modes);

/// <summary>
/// Defaults of the <c>evolve</c> command (time-stepper runs); every entry is optional (null when the
/// file does not give it).
/// </summary>
/// <param name="Schedule">LR-schedule spec as written in the file (e.g. <c>linear:10</c>), not parsed here.</param>
/// <param name="TEnd">End time of a run, in t = steps × η units.</param>
/// <param name="PlateauLrs">Plateau LRs to evolve from.</param>
public sealed record EvolveSection(string? Schedule, double? TEnd, IReadOnlyList<double>? PlateauLrs)
{
    /// <summary>The section of a file without <c>schedule</c> and <c>evolve</c> keys.</summary>
    public static EvolveSection Empty { get; } = new(null, null, null);
}

/// <summary>
/// A scenario file: the problem, the final (bath) learning rate, and the sections of the studies that
/// use them (the scenario file format of the README; keys in snake_case there).
/// </summary>
/// <param name="Name">Study name.</param>
/// <param name="Problem">What defines the operator.</param>
/// <param name="FinalLr">η_c, the final (bath) learning rate.</param>
/// <param name="Mpemba">Plateau scan and modes of the Mpemba study.</param>
/// <param name="Evolve">Defaults of the <c>evolve</c> command.</param>
/// <param name="SourcePath">File the scenario came from, if any.</param>
public sealed record Scenario(
    string Name,
    ProblemSpec Problem,
    double FinalLr,
    MpembaSection Mpemba,
    EvolveSection Evolve,
    string? SourcePath = null)
{
    /// <summary>True for a 1D (potential1d) scenario.</summary>
    public bool IsOneDimensional => Problem.IsOneDimensional;

    /// <summary>κ in T = κη.</summary>
    public double Kappa => Problem.Kappa;

    /// <summary>Final temperature T_c = κ η_c.</summary>
    public double FinalTemperature => Problem.TemperatureOf(FinalLr);

    /// <summary>Temperature of a learning rate.</summary>
    public double TemperatureOf(double lr) => Problem.TemperatureOf(lr);

    /// <summary>
    /// The scenario at another κ with the same temperatures: every learning rate (final, plateau scan,
    /// evolve plateaus) scaled by κ/κ′, so the Fokker–Planck picture is unchanged while the discrete map's
    /// <c>η·a</c> shrinks or grows (how SGD is brought below its edge of stability, docs/physics.md §7).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">κ′ is not positive and finite.</exception>
    public Scenario WithKappa(double kappa)
    {
        if (!(kappa > 0) || !double.IsFinite(kappa)) throw new ArgumentOutOfRangeException(nameof(kappa), kappa, "κ must be positive and finite.");
        double f = Kappa / kappa;
        var plateau = Mpemba.Plateau;
        return this with
        {
            Problem = Problem with { Kappa = kappa },
            FinalLr = FinalLr * f,
            Mpemba = Mpemba with { Plateau = plateau with { Min = plateau.Min * f, Max = plateau.Max * f } },
            Evolve = Evolve with { PlateauLrs = Evolve.PlateauLrs?.Select(lr => lr * f).ToArray() },
        };
    }

    /// <summary>The scenario with some of its landscape parameters set to other values (the others kept).</summary>
    /// <param name="values">New values by name; every name must be declared in the scenario's <c>"parameters"</c>.</param>
    /// <exception cref="ArgumentException">A name is not declared, or a value is not finite.</exception>
    public Scenario WithParameters(IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0) return this;
        var landscape = Problem.Landscape;
        var merged = new Dictionary<string, double>(landscape.Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            if (!merged.ContainsKey(name))
                throw new ArgumentException($"parameter '{name}' is not declared in the scenario's \"parameters\" (declared: {string.Join(", ", merged.Keys)}).", nameof(values));
            if (!double.IsFinite(value)) throw new ArgumentException($"parameter '{name}' must be finite, got {value}.", nameof(values));
            merged[name] = value;
        }
        return this with { Problem = Problem with { Landscape = landscape with { Parameters = merged } } };
    }

    /// <summary>The scenario with its cell counts overridden where given (this scenario when neither is).</summary>
    /// <param name="nx">Cells along x, or null to keep.</param>
    /// <param name="ny">Cells along y, or null to keep.</param>
    public Scenario WithGrid(int? nx, int? ny)
    {
        if (nx is null && ny is null) return this;
        var g = Problem.Grid;
        return this with { Problem = Problem with { Grid = g with { Nx = nx ?? g.Nx, Ny = ny ?? g.Ny } } };
    }
}
