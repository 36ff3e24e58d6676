using System.Diagnostics;
using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Scenarios;

/// <summary>Diagnostics of the operator at one temperature.</summary>
/// <param name="Label">"final" or "plateau max".</param>
/// <param name="LearningRate">η.</param>
/// <param name="Temperature">T = κη.</param>
/// <param name="MassResidual">Largest relative column sum of L.</param>
/// <param name="DetailedBalanceResidual">Largest log violation of detailed balance.</param>
/// <param name="CellsPerWidthX">Cells per local equilibrium width along x (π-weighted, see <see cref="Discretization.OperatorDiagnostics.CellsPerEquilibriumWidth"/>).</param>
/// <param name="CellsPerWidthY">Cells per local equilibrium width along y.</param>
/// <param name="WallMass">Equilibrium mass within two cells of each wall: x-low, x-high, y-low, y-high.</param>
/// <param name="AssemblySeconds">Time to build the operator and assemble it.</param>
public sealed record TemperatureCheck(
    string Label, double LearningRate, double Temperature, double MassResidual, double DetailedBalanceResidual,
    double CellsPerWidthX, double CellsPerWidthY, double[] WallMass, double AssemblySeconds)
{
    /// <summary>Pairs of face rates the detailed-balance residual skipped because a rate underflowed to zero.</summary>
    public int UnderflowedRates { get; init; }
}

/// <summary>Result of <c>fokkerplanck check</c>.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Landscape">Landscape description.</param>
/// <param name="Grid">The grid.</param>
/// <param name="Unknowns">Number of cells.</param>
/// <param name="NonZeros">Non-zeros of the assembled operator.</param>
/// <param name="Checks">Final-LR and plateau-max diagnostics.</param>
/// <param name="Warnings">Problems with their fixes (empty when clean).</param>
public sealed record ScenarioCheckReport(
    string Scenario, string Landscape, TensorGrid Grid, int Unknowns, int NonZeros,
    IReadOnlyList<TemperatureCheck> Checks, IReadOnlyList<string> Warnings)
{
    /// <summary>Estimated peak memory per command (<see cref="Memory.MemoryModel"/>; empty unless the caller added them, as <c>check</c> does).</summary>
    public IReadOnlyList<MemoryCommandEstimate> Memory { get; init; } = [];
}

/// <summary>The estimated peak memory of one command on a scenario.</summary>
/// <param name="Command">The command, e.g. "spectrum".</param>
/// <param name="Estimate">Its estimate (grid, terms, total).</param>
public sealed record MemoryCommandEstimate(string Command, Memory.MemoryEstimate Estimate);

/// <summary>
/// Builds grid and operator at the final and the highest plateau LR and checks invariants and
/// resolution (issue: <c>fokkerplanck check</c>).
/// </summary>
public static class ScenarioCheck
{
    /// <summary>Fewer cells than this per cold equilibrium width is a warning: the curvature of the valley is then misrepresented by more than ~2 % (3-point second difference error h²U''''/12).</summary>
    public const double MinimumCellsPerWidth = 2.0;

    /// <summary>More hot equilibrium mass than this within two cells of a wall means the domain truncates the distribution.</summary>
    public const double MaximumWallMass = 1e-6;

    /// <summary>Mass conservation must hold to round-off.</summary>
    public const double MaximumMassResidual = 1e-12;

    /// <summary>Runs the check.</summary>
    public static ScenarioCheckReport Run(Scenario scenario, ILandscape landscape, TensorGrid grid)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(landscape);
        ArgumentNullException.ThrowIfNull(grid);
        return Run(scenario, landscape, grid, DiscreteLandscape.Sample(grid, landscape));
    }

    /// <summary>
    /// Runs the check on a scenario already sampled on its grid: the landscape is not sampled again, and
    /// the operators come from <see cref="ScenarioSetup.OperatorAt"/> (the final LR's is then the one a
    /// solve at that LR gets).
    /// </summary>
    public static ScenarioCheckReport Run(ScenarioSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        return Run(setup.Scenario, setup.Landscape, setup.Grid, setup.OperatorAt);
    }

    private static ScenarioCheckReport Run(Scenario scenario, ILandscape landscape, TensorGrid grid, DiscreteLandscape sampled)
    {
        var flux = FaceFluxCatalog.Get(scenario.Problem.Flux);
        return Run(scenario, landscape, grid, lr => FokkerPlanckOperator.Create(sampled, scenario.TemperatureOf(lr), flux));
    }

    private static ScenarioCheckReport Run(Scenario scenario, ILandscape landscape, TensorGrid grid, Func<double, FokkerPlanckOperator> operatorAt)
    {
        // the plateau maximum is checked first so that the final LR's operator is the one made last,
        // which ScenarioSetup keeps for a solve at that LR; the report lists the final LR first
        var (hot, _) = CheckAt("plateau max", scenario.Mpemba.Plateau.Max, operatorAt);
        var (final, nonZeros) = CheckAt("final", scenario.FinalLr, operatorAt);
        List<string> warnings = [.. OperatorWarnings(final), .. ResolutionWarnings(final), .. OperatorWarnings(hot), .. TruncationWarnings(scenario, hot)];
        return new ScenarioCheckReport(scenario.Name, landscape.Description, grid, grid.CellCount, nonZeros, [final, hot], warnings);
    }

    /// <summary>The diagnostics of the operator at one learning rate, and the non-zeros of its matrix.</summary>
    private static (TemperatureCheck Check, int NonZeros) CheckAt(string label, double lr, Func<double, FokkerPlanckOperator> operatorAt)
    {
        var sw = Stopwatch.StartNew();
        var op = operatorAt(lr);
        var l = op.Assemble(FokkerPlanckOperator.Form.Forward);
        double seconds = sw.Elapsed.TotalSeconds;
        double mass = OperatorDiagnostics.MassConservationResidual(l);
        var (db, skipped) = OperatorDiagnostics.DetailedBalanceResidual(l, op.LogEquilibrium);
        var (cx, cy) = OperatorDiagnostics.CellsPerEquilibriumWidth(op);
        var w = OperatorDiagnostics.WallMass(op);
        return (new TemperatureCheck(label, lr, op.Temperature, mass, db, cx, cy, [w.XLow, w.XHigh, w.YLow, w.YHigh], seconds) { UnderflowedRates = skipped }, l.NonZerosCount);
    }

    /// <summary>Mass conservation and underflowing rates, at any learning rate.</summary>
    private static IEnumerable<string> OperatorWarnings(TemperatureCheck c)
    {
        if (c.MassResidual > MaximumMassResidual) yield return $"mass conservation residual {c.MassResidual:E2} at η = {c.LearningRate} exceeds {MaximumMassResidual:E0}: the potential has extreme jumps between neighbouring cells; refine the grid.";
        if (c.UnderflowedRates > 0) yield return $"{c.UnderflowedRates} face rates underflow at η = {c.LearningRate} (|ΔU|/T between neighbours too large): refine the grid.";
    }

    /// <summary>Cells per cold equilibrium width, judged at the final learning rate.</summary>
    private static IEnumerable<string> ResolutionWarnings(TemperatureCheck c)
    {
        if (c.CellsPerWidthX < MinimumCellsPerWidth) yield return $"only {c.CellsPerWidthX:F2} cells per cold valley width along x at the final LR η = {c.LearningRate} (need ≥ {MinimumCellsPerWidth}): increase grid.nx or use refine_x \"auto\".";
        if (c.CellsPerWidthY < MinimumCellsPerWidth) yield return $"only {c.CellsPerWidthY:F2} cells per cold equilibrium width along y at the final LR η = {c.LearningRate} (need ≥ {MinimumCellsPerWidth}): increase grid.ny.";
    }

    /// <summary>Equilibrium mass at the walls, judged at the highest plateau learning rate; walls listed as reflecting are part of the model.</summary>
    private static IEnumerable<string> TruncationWarnings(Scenario scenario, TemperatureCheck c)
    {
        string[] names = ["x-low", "x-high", "y-low", "y-high"];
        for (int q = 0; q < 4; q++)
        {
            string axis = names[q][..1];
            if (double.IsNaN(c.WallMass[q]) || scenario.Problem.ReflectingAxes.Contains(axis)) continue;
            if (c.WallMass[q] > MaximumWallMass)
                yield return $"the equilibrium at the highest plateau LR η = {c.LearningRate} has mass {c.WallMass[q]:E2} within two cells of the {names[q]} wall (limit {MaximumWallMass:E0}): widen domain.{axis}, or list \"{axis}\" under \"reflecting\" if the wall is part of the model.";
        }
    }
}
