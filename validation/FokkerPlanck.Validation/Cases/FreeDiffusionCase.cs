using FokkerPlanck.Core.Grids;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Reporting.Validation;
using FokkerPlanck.Validation.Support;
using OxyPlot;

namespace FokkerPlanck.Validation.Cases;

/// <summary>
/// Free diffusion in a box with reflecting walls, 1D and 2D, on uniform and clustered grids.
/// </summary>
/// <remarks>
/// <para><b>Equation.</b> <c>∂_t p = T ∇²p</c> (U ≡ 0) on <c>[0, Lx] × [0, Ly]</c> (2D) or
/// <c>[0, L]</c> (1D), zero normal flux at the walls.</para>
/// <para><b>Parameters.</b> T = 0.5; 1D: L = 2.5, N = 25 … 800; 2D: Lx = 1, Ly = 1.4,
/// Nx = Ny = N = 24 … 192. Clustered grids: <see cref="Axis.Clustered"/> with focus at 30 % of the
/// box and β = 1.5 (widest/narrowest cell ≈ 1.5).</para>
/// <para><b>Oracle 1 (exact discrete).</b> On a uniform grid with U ≡ 0 both fluxes reduce to the
/// standard cell-centred Neumann Laplacian, whose eigenvalues are known in closed form:
/// <c>μ_m = (4/h²) sin²(mπ/(2N))</c>, m = 0 … N−1. Derivation (self-contained): the vectors
/// <c>cos(mπ(i+½)/N)</c> satisfy the interior stencil with the factor <c>2 − 2cos(mπ/N)</c> and the
/// zero-flux end rows by the symmetry <c>cos(mπ(−½)/N) = cos(mπ(½)/N)</c>; this is the DCT-II
/// diagonalization of the Neumann second-difference matrix (cf. LeVeque, <i>Finite Difference
/// Methods for ODEs and PDEs</i>, SIAM 2007, ch. 2, for the Dirichlet analogue). In 2D the rates
/// are <c>T(μ^x_m + μ^y_n)</c> (Kronecker sum).
/// Tolerance: relative error ≤ 1e-10 (round-off and the Lanczos tolerance, not discretization).</para>
/// <para><b>Oracle 2 (continuum).</b> <c>λ_{m,n} = Tπ²(m²/Lx² + n²/Ly²)</c> (separation of
/// variables with Neumann eigenfunctions <c>cos(mπx/Lx)cos(nπy/Ly)</c>; Carslaw &amp; Jaeger,
/// <i>Conduction of Heat in Solids</i>, 2nd ed. 1959, the chapters on the slab and rectangle). The error must fall as O(h²): observed order between the two finest grids
/// within [1.8, 2.2] on both grid kinds. Error measure: max over the 5 (1D) / 7 (2D) slowest
/// non-zero rates of <c>|λ − λ_exact| / λ_exact</c>.</para>
/// </remarks>
internal sealed class FreeDiffusionCase : IValidationCase
{
    private const double Temperature = 0.5;
    private const double Length1D = 2.5;
    private const double Lx = 1.0, Ly = 1.4;
    private const double FocusFraction = 0.3, Stretching = 1.5;
    private const int Modes1D = 6, Modes2D = 8;

    /// <summary>Exact discrete rates agree to round-off plus the eigensolver tolerance.</summary>
    private const double DiscreteTolerance = 1e-10;

    /// <summary>Accepted band of the observed order around the design order 2.</summary>
    private const double OrderLow = 1.8, OrderHigh = 2.2;

    private static readonly int[] Cells1D = [25, 50, 100, 200, 400, 800];
    private static readonly int[] Cells2D = [24, 48, 96, 192];

    public string Name => "free-diffusion";

    public string Title => "Free diffusion in a box (1D and 2D, uniform and clustered)";

    public string Kind => "exact spectra, convergence order";

    public string Oracle => "exact discrete eigenvalues (DCT-II) and the continuum limit";

    public string Description => """
        `∂_t p = T∇²p`, U ≡ 0, reflecting walls; T = 0.5, 1D: L = 2.5 (N = 25…800), 2D: Lx = 1, Ly = 1.4 (N×N, N = 24…192).
        Clustered grids: `Axis.Clustered(focus = 30 % of the box, β = 1.5)`.
        **Oracle 1 (exact discrete, uniform grids):** the cell-centred Neumann Laplacian has eigenvalues
        `μ_m = (4/h²) sin²(mπ/2N)` (DCT-II: the cosine vectors `cos(mπ(i+½)/N)` are exact eigenvectors; cf. LeVeque 2007, ch. 2); 2D rates are
        `T(μ^x_m + μ^y_n)`. Tolerance: max relative error ≤ 1e-10.
        **Oracle 2 (continuum):** `λ = Tπ²(m²/Lx² + n²/Ly²)` (separation of variables; Carslaw & Jaeger 1959); error = max relative error over the
        slowest 5 (1D) / 7 (2D) non-zero rates; observed order between the two finest grids must lie in [1.8, 2.2] on both grid kinds.
        """;

    public CaseResult Run(string outputDirectory)
    {
        var table = new ResultTable("errors", "Relative errors of the slowest rates vs the exact discrete formula and the continuum",
            ["dim", "grid", "N", "h", "max rel err (discrete)", "max rel err (continuum)", "order"]);
        var checks = new List<Check>();
        var series = new List<LineSeriesData>();
        foreach (bool twoD in new[] { false, true })
        {
            foreach (bool clustered in new[] { false, true })
            {
                var cells = twoD ? Cells2D : Cells1D;
                var hs = new List<double>(); var cont = new List<double>(); var disc = new List<double>();
                foreach (int n in cells)
                {
                    var (rates, h) = Solve(twoD, clustered, n);
                    var exact = ContinuumRates(twoD, rates.Length);
                    cont.Add(MaxRelativeError(rates, exact));
                    disc.Add(clustered ? double.NaN : MaxRelativeError(rates, DiscreteRates(twoD, n, rates.Length)));
                    hs.Add(h);
                }
                var orders = ConvergenceOrder.Pairwise(cells, cont);
                string dim = twoD ? "2D" : "1D", kind = clustered ? "clustered" : "uniform";
                for (int k = 0; k < cells.Length; k++)
                    table.Add(dim, kind, twoD ? $"{cells[k]}×{cells[k]}" : cells[k].ToString(System.Globalization.CultureInfo.InvariantCulture),
                        hs[k], clustered ? null : disc[k], cont[k], double.IsNaN(orders[k]) ? null : orders[k]);
                if (!clustered) checks.Add(Check.AtMost($"{dim} uniform: max rel. error vs exact discrete rates (all N)", disc.Max(), DiscreteTolerance));
                checks.Add(Check.Between($"{dim} {kind}: observed order (finest pair)", orders[^1], OrderLow, OrderHigh));
                series.Add(new LineSeriesData($"{dim} {kind}", hs.ToArray(), cont.ToArray())
                { Marker = clustered ? MarkerType.Square : MarkerType.Circle });
                if (!clustered && twoD)
                    series.Add(ReferenceSlope.Create("O(h²)", hs.ToArray(), 2, hs[0], cont[0] * 1.5));
            }
        }
        var model = LineChart.Create(series, new LineChartOptions
        {
            Title = "Free diffusion: error of the slowest rates vs the continuum",
            XAxisTitle = "h (mean cell width along the refined axis)",
            YAxisTitle = "max |λ − λ_exact| / λ_exact",
            LogX = true,
            LogY = true,
            LegendPosition = OxyPlot.Legends.LegendPosition.BottomRight,
        });
        string plot = Plots.Save(model, outputDirectory, "error-vs-h.png");
        return new CaseResult(Name, checks, [table], [plot]);
    }

    private static (double[] Rates, double H) Solve(bool twoD, bool clustered, int n)
    {
        Axis Make(double length) => clustered ? Axis.Clustered(0, length, n, FocusFraction * length, Stretching) : Axis.Uniform(0, length, n);
        if (!twoD)
            return (Spectra.SparseRates(TensorGrid.OneDimensional(Make(Length1D)), Landscapes.Flat1D(), Temperature, Modes1D, tolerance: 1e-12), Length1D / n);
        var grid = new TensorGrid(Make(Lx), Make(Ly));
        return (Spectra.SparseRates(grid, Landscapes.Flat2D(), Temperature, Modes2D, tolerance: 1e-12), Ly / n);
    }

    /// <summary>The slowest <paramref name="count"/> continuum rates, ascending (λ = 0 first).</summary>
    private static double[] ContinuumRates(bool twoD, int count)
    {
        double c = Temperature * Math.PI * Math.PI;
        if (!twoD) return Enumerable.Range(0, count).Select(m => c * m * m / (Length1D * Length1D)).ToArray();
        var all = new List<double>();
        for (int m = 0; m < 12; m++)
            for (int k = 0; k < 12; k++) all.Add(c * (m * m / (Lx * Lx) + k * k / (Ly * Ly)));
        return all.Order().Take(count).ToArray();
    }

    /// <summary>The slowest <paramref name="count"/> exact discrete rates on the uniform N (×N) grid.</summary>
    private static double[] DiscreteRates(bool twoD, int n, int count)
    {
        static double Mu(double length, int n, int m) { double h = length / n, s = Math.Sin(m * Math.PI / (2.0 * n)); return 4 / (h * h) * s * s; }
        if (!twoD) return Enumerable.Range(0, count).Select(m => Temperature * Mu(Length1D, n, m)).ToArray();
        var all = new List<double>();
        for (int m = 0; m < Math.Min(n, 12); m++)
            for (int k = 0; k < Math.Min(n, 12); k++) all.Add(Temperature * (Mu(Lx, n, m) + Mu(Ly, n, k)));
        return all.Order().Take(count).ToArray();
    }

    private static double MaxRelativeError(double[] got, double[] exact)
        => Enumerable.Range(1, got.Length - 1).Max(k => Math.Abs(got[k] - exact[k]) / exact[k]);
}
