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
public sealed record LandscapeSpec(LandscapeKind Kind, string? C, string? A, string? U);

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

/// <summary>
/// One study: landscape, domain, grid, LR-to-temperature factor κ, final LR and plateau scan
/// (the scenario file format of the README; keys in snake_case there).
/// </summary>
/// <param name="Name">Study name.</param>
/// <param name="Landscape">Formulas.</param>
/// <param name="XRange">x domain (null for 1D).</param>
/// <param name="YRange">y domain.</param>
/// <param name="Nx">Cells along x (1 for 1D).</param>
/// <param name="Ny">Cells along y.</param>
/// <param name="RefineX">x meshing.</param>
/// <param name="Kappa">κ in T = κη.</param>
/// <param name="FinalLr">η_c, the final (bath) learning rate.</param>
/// <param name="Plateau">Plateau LR scan.</param>
/// <param name="Modes">Eigenpairs to compute (including λ₁ = 0).</param>
/// <param name="Flux">Face flux name ("sg" or "sqra").</param>
/// <param name="ReflectingAxes">Axes whose walls are part of the model (no truncation warning).</param>
/// <param name="SourcePath">File the scenario came from, if any.</param>
public sealed record Scenario(
    string Name,
    LandscapeSpec Landscape,
    (double Min, double Max)? XRange,
    (double Min, double Max) YRange,
    int Nx,
    int Ny,
    RefineMode RefineX,
    double Kappa,
    double FinalLr,
    PlateauRange Plateau,
    int Modes,
    string Flux,
    IReadOnlyList<string> ReflectingAxes,
    string? SourcePath = null)
{
    /// <summary>True for a 1D (potential1d) scenario.</summary>
    public bool IsOneDimensional => Landscape.Kind == LandscapeKind.Potential1D;

    /// <summary>Final temperature T_c = κ η_c.</summary>
    public double FinalTemperature => Kappa * FinalLr;

    /// <summary>Temperature of a learning rate.</summary>
    public double TemperatureOf(double lr) => Kappa * lr;
}
