using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Reporting.Validation;
using FokkerPlanck.Validation.Support;
using OxyPlot;

namespace FokkerPlanck.Validation.Cases;

/// <summary>
/// River-only (1D) reduction of the valley–river model against the full 2D operator, as the
/// valley sharpens.
/// </summary>
/// <remarks>
/// <para><b>Equation.</b> 2D: <c>∂_t p = ∇·(p∇L) + T∇²p</c> with <c>L = c(y) + a(y)x²/2</c>,
/// c = 0.5y⁴ − y² − 0.02y, a = s·(58 + 46 tanh 3y), T = 0.145, x ∈ [−2.5, 2.5], y ∈ [−1.25, 2.45].
/// 1D: <c>∂_t p = ∂_y(p F_T′) + T∂²_y p</c> with the river free energy
/// <c>F_T(y) = c(y) + (T/2) ln a(y)</c> (<see cref="Core.Landscapes.ValleyRiverLandscape.RiverFreeEnergy"/>).</para>
/// <para><b>Claim.</b> Integrating out x exactly gives the y-marginal <c>∝ e^{−F_T/T}</c>
/// (docs/physics.md §5); when the valley relaxes much faster than the river (a ≫ λ_river) the river
/// obeys the 1D equation in F_T (adiabatic elimination of a fast variable: Gardiner, <i>Stochastic
/// Methods</i>, 4th ed., the chapter on adiabatic elimination; Risken 1989, the section on
/// eliminating fast variables in ch. 8). The correction is O(λ/a), so the relative
/// difference of λ₂ and λ₃ between 2D and 1D must fall roughly like 1/s.</para>
/// <para><b>Discretization.</b> y: 300 uniform cells (h = 0.0123, ≈ 15 cells per equilibrium width
/// σ_y = √(T/c″) in the wells), the same y axis in 1D and 2D. x: 160 cells clustered around the
/// valley floor (<see cref="Axis.Clustered"/>, focus 0, β = 10: narrowest cell ≈ 0.0021, widest
/// ≈ 0.16 at the walls, where the equilibrium is below e^{−60}), so the sharpest valley (s = 4,
/// σ_x = √(T/a) ≥ 0.0187) has ≥ 8.8 cells per width at its floor. The grid dependence of the
/// 2D–1D difference itself is measured at s = 4 by refining both axes (and the 1D axis) 1.5×.</para>
/// <para><b>Tolerances.</b> The relative difference must decrease monotonically in s for λ₂ and λ₃;
/// its fitted slope in log–log must be ≤ −0.7 (O(1/s) expected); at s = 4 the difference must be
/// ≤ 2 % and at least 10× its own change under the 1.5× refinement (so it is a property of the
/// model, not of the grid).</para>
/// </remarks>
internal sealed class RiverReductionCase : IValidationCase
{
    private const double Temperature = 0.145, XHalf = 2.5, YMin = -1.25, YMax = 2.45;
    private const int Nx = 160, Ny = 300, Modes = 3;
    private const double XStretching = 10;
    private const double RefineFactor = 1.5;
    private const double SlopeCeiling = -0.7, FinalTolerance = 0.02, ResolvedFactor = 10;

    private static readonly double[] Separations = [0.25, 0.5, 1, 2, 4];

    public string Name => "river-reduction";

    public string Title => "River-only (1D) reduction vs the 2D valley–river operator";

    public string Kind => "1D vs 2D";

    public string Oracle => "the river-only 1D rates as the valley sharpens";

    public string Description => """
        2D `L = c(y) + a(y)x²/2`, c = 0.5y⁴ − y² − 0.02y, a = s·(58 + 46 tanh 3y), s = 0.25…4, T = 0.145, x ∈ [−2.5, 2.5] (160 cells,
        `Axis.Clustered(focus 0, β = 10)`, ≥ 8.8 cells per valley width σ_x at the floor), y ∈ [−1.25, 2.45] (300 cells) vs the 1D operator on `F_T = c + (T/2) ln a`
        (`ValleyRiverLandscape.RiverFreeEnergy`) on the same y axis.
        **Claim:** exact y-marginal `∝ e^{−F_T/T}` (docs/physics.md §5); with time-scale separation the river obeys the 1D equation
        (adiabatic elimination of fast variables; Gardiner, *Stochastic Methods*; Risken 1989, ch. 8), correction O(λ/a) ∝ 1/s.
        **Tolerance:** relative 2D–1D difference of λ₂ and λ₃ decreasing in s, fitted log–log slope ≤ −0.7, ≤ 2 % at s = 4 and ≥ 10× its own
        change when both axes (and the 1D axis) are refined 1.5× at s = 4.
        """;

    public CaseResult Run(string outputDirectory)
    {
        var table = new ResultTable("rates", "λ₂, λ₃ of the 2D operator and of the 1D river reduction",
            ["s", "min a", "cells per σ_x at x = 0", "cells per σ_x (occupied, min)", "λ₂ (2D)", "λ₂ (1D)", "rel diff λ₂", "λ₃ (2D)", "λ₃ (1D)", "rel diff λ₃"]);
        var d2 = new List<double>(); var d3 = new List<double>();
        double[]? last2D = null;
        foreach (double s in Separations)
        {
            var land = Landscapes.ValleyRiver(s);
            var yAxis = Axis.Uniform(YMin, YMax, Ny);
            var grid = new TensorGrid(Axis.Clustered(-XHalf, XHalf, Nx, 0.0, XStretching), yAxis);
            var full = Spectra.Sparse(grid, land, Temperature, Modes);
            var river = Spectra.SparseRates(TensorGrid.OneDimensional(yAxis), land.RiverFreeEnergy(Temperature), Temperature, Modes);
            var (cellsX, _) = OperatorDiagnostics.CellsPerEquilibriumWidth(full.Operator);
            double minA = yAxis.Centres.ToArray().Min(y => land.Curvature.Value(y));
            double maxA = yAxis.Centres.ToArray().Max(y => land.Curvature.Value(y));
            double floorCells = Math.Sqrt(Temperature / maxA) / grid.X.MinWidth;
            double r2 = Math.Abs(full.Eigenvalues[1] - river[1]) / river[1];
            double r3 = Math.Abs(full.Eigenvalues[2] - river[2]) / river[2];
            d2.Add(r2); d3.Add(r3);
            table.Add(s, minA, floorCells, cellsX, full.Eigenvalues[1], river[1], r2, full.Eigenvalues[2], river[2], r3);
            last2D = full.Eigenvalues;
        }
        // discretization error of the 2D rates at the sharpest valley
        var sharp = Landscapes.ValleyRiver(Separations[^1]);
        int nxFine = (int)(Nx * RefineFactor), nyFine = (int)(Ny * RefineFactor);
        var yFine = Axis.Uniform(YMin, YMax, nyFine);
        var fine = Spectra.SparseRates(new TensorGrid(Axis.Clustered(-XHalf, XHalf, nxFine, 0.0, XStretching), yFine), sharp, Temperature, Modes);
        var fineRiver = Spectra.SparseRates(TensorGrid.OneDimensional(yFine), sharp.RiverFreeEnergy(Temperature), Temperature, Modes);
        double f2 = Math.Abs(fine[1] - fineRiver[1]) / fineRiver[1], f3 = Math.Abs(fine[2] - fineRiver[2]) / fineRiver[2];
        double disc2 = Math.Abs(f2 - d2[^1]), disc3 = Math.Abs(f3 - d3[^1]);
        var resolution = new ResultTable("resolution", $"Grid dependence of the 2D–1D difference at s = {Separations[^1]}: {Nx}×{Ny} (1D: {Ny}) vs {nxFine}×{nyFine} (1D: {nyFine})",
            ["mode", "λ (2D, fine)", "λ (1D, fine)", $"rel diff {Nx}×{Ny}", $"rel diff {nxFine}×{nyFine}", "change", "ratio diff / change"])
            .Add("λ₂", fine[1], fineRiver[1], d2[^1], f2, disc2, d2[^1] / disc2)
            .Add("λ₃", fine[2], fineRiver[2], d3[^1], f3, disc3, d3[^1] / disc3);
        _ = last2D;

        var sLog = Separations.Select(s => (int)Math.Round(s * 4)).ToArray(); // s·4 = 1, 2, 4, 8, 16: same ratios as s
        double slope2 = -ConvergenceOrder.Fitted(sLog, d2);
        double slope3 = -ConvergenceOrder.Fitted(sLog, d3);
        var checks = new List<Check>
        {
            Check.AtMost("λ₂: increases of the rel. diff along s (must decrease)", Increases(d2), 0),
            Check.AtMost("λ₃: increases of the rel. diff along s (must decrease)", Increases(d3), 0),
            Check.AtMost("λ₂: fitted log–log slope of rel. diff vs s", slope2, SlopeCeiling),
            Check.AtMost("λ₃: fitted log–log slope of rel. diff vs s", slope3, SlopeCeiling),
            Check.AtMost("λ₂: rel. diff at s = 4", d2[^1], FinalTolerance),
            Check.AtMost("λ₃: rel. diff at s = 4", d3[^1], FinalTolerance),
            Check.AtLeast("λ₂: rel. diff / its change under 1.5× refinement, s = 4", d2[^1] / disc2, ResolvedFactor),
            Check.AtLeast("λ₃: rel. diff / its change under 1.5× refinement, s = 4", d3[^1] / disc3, ResolvedFactor),
        };
        var model = LineChart.Create(
        [
            new LineSeriesData("λ₂: |λ(2D) − λ(1D)| / λ(1D)", Separations, d2.ToArray()) { Marker = MarkerType.Circle },
            new LineSeriesData("λ₃: |λ(2D) − λ(1D)| / λ(1D)", Separations, d3.ToArray()) { Marker = MarkerType.Square },
            ReferenceSlope.Create("∝ 1/s", Separations, -1, Separations[0], Math.Max(d2[0], d3[0]) * 1.5),
        ], new LineChartOptions
        {
            Title = "River-only reduction: 2D vs 1D relaxation rates (T = 0.145)",
            XAxisTitle = "valley separation factor s (a = s·(58 + 46 tanh 3y))",
            YAxisTitle = "relative difference",
            LogX = true,
            LogY = true,
        });
        const string notes = "The 1D rates do not depend on s: `F_T = c + (T/2) ln a` and `ln(s·a₀) = ln s + ln a₀` only shifts F_T by a constant. "
            + "The 2D rates lie below the 1D ones and approach them from below. 'cells per σ_x (occupied, min)' is "
            + "`OperatorDiagnostics.CellsPerEquilibriumWidth`, the minimum over all cells holding ≥ 1e-8 of the peak mass, i.e. far out in the "
            + "Gaussian tails where the clustered cells are wide; 'at x = 0' is the resolution of the valley floor.";
        return new CaseResult(Name, checks, [table, resolution], [Plots.Save(model, outputDirectory, "difference-vs-s.png")], notes);
    }

    private static int Increases(List<double> d) => Enumerable.Range(1, d.Count - 1).Count(k => d[k] >= d[k - 1]);
}
