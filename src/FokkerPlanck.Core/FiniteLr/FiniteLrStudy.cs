using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>The three models side by side: continuous FP, the force-corrected river, and the SGD map.</summary>
/// <param name="Sgd">The SGD operator's analysis.</param>
/// <param name="FokkerPlanck">The continuous FP scan (2D, base grid).</param>
/// <param name="ForceCorrected">The force-corrected river model's scan (valley–river landscapes only).</param>
public sealed record FiniteLrComparison(SgdAnalysisResult Sgd, MpembaScanResult FokkerPlanck, MpembaScanResult? ForceCorrected);

/// <summary><c>mpemba --model sgd</c>: SGD's own strong Mpemba point beside the continuous and the first-order ones.</summary>
public static class FiniteLrStudy
{
    /// <summary>Default plateaus of the SGD scan, evenly spaced over the scenario's plateau range (each is one stationary solve).</summary>
    public const int DefaultPoints = 12;

    /// <summary>Checks, before anything is written, that SGD is stable at the scenario's final LR.</summary>
    /// <exception cref="ArgumentException">η_c·a_max ≥ 2, with the κ that fixes it.</exception>
    /// <param name="scenario">The scenario at the κ to run.</param>
    /// <param name="cellsPerNoise">The grids' resolution.</param>
    /// <param name="memory">Bytes available and where that figure comes from (null: not known, not checked).</param>
    /// <param name="command">The command, for the memory message.</param>
    /// <exception cref="Memory.MemoryLimitException">The matrices would not fit.</exception>
    public static void CheckInputs(Scenario scenario, double cellsPerNoise = SgdGrid.DefaultCellsPerNoise, (long Bytes, string Source)? memory = null, string command = "mpemba --model sgd")
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var setup = ScenarioSetup.Create(scenario);
        SgdMpembaAnalysis.CheckStable(scenario.FinalLr, CurvatureBound.Maximum(setup.Sampled), scenario.Kappa);
        if (memory is not var (bytes, source)) return;
        var model = new SgdModel(setup.Landscape, setup.Grid, scenario.Kappa, cellsPerNoise, SgdGrid.DefaultMaxCell(setup.Grid));
        SgdMemory.Enforce(command, model, scenario.FinalLr, bytes, source);
    }

    /// <summary>Runs the comparison.</summary>
    /// <param name="scenario">The scenario (its κ sets the LRs: T = κη).</param>
    /// <param name="options">SGD analysis settings.</param>
    /// <param name="points">Plateaus of the SGD scan.</param>
    /// <param name="progress">Fraction done.</param>
    /// <param name="cancellation">Stops between solves.</param>
    public static FiniteLrComparison Run(Scenario scenario, SgdAnalysisOptions options, int points, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, "The SGD scan needs at least 2 plateaus.");
        var setup = ScenarioSetup.Create(scenario);
        double curvature = CurvatureBound.Maximum(setup.Sampled);
        SgdMpembaAnalysis.CheckStable(scenario.FinalLr, curvature, scenario.Kappa);
        var model = new SgdModel(setup.Landscape, setup.Grid, scenario.Kappa, options.CellsPerNoise, options.MaxCell ?? SgdGrid.DefaultMaxCell(setup.Grid));
        var range = scenario.Mpemba.Plateau;
        double[] plateaus = [.. Enumerable.Range(0, points).Select(k => range.Min + (range.Max - range.Min) * k / (points - 1))];
        var fp = MpembaStudy.Run(scenario, new MpembaStudyOptions { GridStudy = false, Reduced1D = false, SweepPoints = 0 }).Full.Base.Scan;
        var corrected = setup.Landscape is ValleyRiverLandscape vr
            ? ForceCorrectedRiver.Scan(vr, scenario, [.. range.Values().Where(lr => lr * curvature < SgdMpembaAnalysis.EdgeOfStability)])
            : null;
        progress?.Report(0.05);
        var sgd = SgdMpembaAnalysis.Run(model, scenario.FinalLr, curvature, plateaus, options,
            progress is null ? null : new SyncProgress<double>(f => progress.Report(0.05 + 0.95 * f)), cancellation);
        return new FiniteLrComparison(sgd, fp, corrected);
    }
}
