using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.LinearAlgebra;
using FokkerPlanck.Plotting.Models;
using FokkerPlanck.Reporting.Validation;
using FokkerPlanck.Validation.Support;
using OxyPlot;

namespace FokkerPlanck.Validation.Cases;

/// <summary>
/// Left eigenvectors (observables) of a cold tilted double well, where the equilibrium spans ~250
/// orders of magnitude.
/// </summary>
/// <remarks>
/// <para><b>Equation.</b> Backward equation <c>𝓛*v = −λv</c>, <c>𝓛* = −U′∂_y + T∂²_y</c>
/// (docs/physics.md §3), <c>U = (y² − 1)² + 0.25y</c>, T = 0.015, y ∈ [−2, 2], 400 uniform cells,
/// 4 modes. <c>π(wall)/π_max ≈ 1e-250</c>; λ₂ is a Kramers rate ~1e-24.</para>
/// <para><b>Why.</b> The naive left vector <c>v = φ/√π</c> (φ the symmetric eigenvector) divides
/// round-off of size 1e-16·‖φ‖ by √π ~ 1e-125: garbage exactly where a hot initial state puts its
/// mass (docs/physics.md §3, numerical warning). The solver instead refines v on the backward operator,
/// whose entries are well scaled.</para>
/// <para><b>Oracles.</b> (i) Residual on the backward operator,
/// <c>‖Gv + λv‖∞ / (‖G‖∞‖v‖∞) ≤ 1e-9</c>, recomputed here. (ii) Two-state (Kramers) limit for v₂:
/// with λ₂ ~ 1e-24 the slowest observable is constant in each basin, and <c>E_π[v₂] = 0</c>,
/// <c>E_π[v₂²] = 1</c> fix it to <c>−√(p_R/p_L)</c> left and <c>+√(p_L/p_R)</c> right of the
/// barrier, exact up to O(λ₂/λ₃) (metastable eigenfunctions are
/// nearly constant on each basin: Bovier, Eckhoff, Gayrard &amp; Klein, J. Eur. Math. Soc. 6, 399
/// (2004); Gardiner, <i>Stochastic Methods</i>, 4th ed., the chapter on bistability and Kramers'
/// escape); checked at both walls to 1e-6 relative. (iii) v₃, v₄
/// against inverse iteration on the backward matrix with an independent pivoted tridiagonal LU
/// (<see cref="PivotedTridiagonalLu"/>), in the cells where <c>π &lt; 1e-30·π_max</c> and
/// <c>|v| ≥ 1e-12·max|v|</c>: relative difference ≤ 1e-6. (iv) Control: the naive φ/√π must
/// be wrong by orders of magnitude where <c>π &lt; 1e-100·π_max</c> (relative error ≥ 1), otherwise
/// this case would not probe anything.</para>
/// </remarks>
internal sealed class ColdLeftEigenvectorCase : IValidationCase
{
    private const double Tilt = 0.25, Temperature = 0.015, YMin = -2, YMax = 2;
    private const int Cells = 400, Modes = 4, InverseIterationSweeps = 4;
    private const double ResidualTolerance = 1e-9, TwoStateTolerance = 1e-6, ReferenceTolerance = 1e-6;

    /// <summary>Compare only where π is tiny (the hard region) ...</summary>
    private const double TinyPi = 1e-30;

    /// <summary>... and where v itself is above the round-off floor of any double-precision method (1e-12 of its peak).</summary>
    private const double VectorFloor = 1e-12;

    /// <summary>Relative shift below λ_k for inverse iteration: amplifies mode k by ~1e6 over its neighbours per sweep.</summary>
    private const double ShiftOffset = 1e-6;

    /// <summary>The control compares the naive vector in cells with π below this fraction of its peak.</summary>
    private const double NaivePi = 1e-100;

    public string Name => "cold-left-eigenvectors";

    public string Title => "Left eigenvectors of a cold tilted double well (π down to 1e-250)";

    public string Kind => "exact spectra (left eigenvectors)";

    public string Oracle => "the two-state limit and an independent tridiagonal inverse iteration";

    public string Description => """
        Backward operator `𝓛*v = −λv`, `U = (y²−1)² + 0.25y`, T = 0.015, y ∈ [−2, 2], 400 cells, 4 modes; π spans ~250 decades.
        **Oracles:** (i) backward residual `‖Gv + λv‖∞/(‖G‖∞‖v‖∞) ≤ 1e-9`; (ii) two-state (Kramers) limit: v₂ = −√(p_R/p_L) left and
        +√(p_L/p_R) right of the barrier (metastable eigenfunctions are constant per basin: Bovier et al., JEMS 6, 399 (2004); Gardiner, *Stochastic Methods*, bistability chapter), checked at
        both walls to 1e-6; (iii) v₃, v₄ vs inverse iteration on the backward matrix with an independent pivoted tridiagonal LU, where
        π < 1e-30 π_max and |v| ≥ 1e-12 max|v|: ≤ 1e-6 relative; (iv) control: the naive `φ/√π` must be wrong (relative error ≥ 1) where
        π < 1e-100 π_max.
        """;

    public CaseResult Run(string outputDirectory)
    {
        var grid = TensorGrid.OneDimensional(Axis.Uniform(YMin, YMax, Cells));
        var s = Spectra.Sparse(grid, Landscapes.TiltedDoubleWell(Tilt), Temperature, Modes);
        var op = s.Operator;
        int n = op.Size;
        var lp = op.LogEquilibrium.ToArray();
        double maxLog = lp.Max();
        double log10MinPi = (lp.Min() - maxLog) / Math.Log(10);
        var g = op.Assemble(FokkerPlanckOperator.Form.Backward);
        var u = op.Landscape.CentreValues.ToArray();
        var y = grid.Y.Centres.ToArray();

        // (ii) two-state limit
        int barrier = Enumerable.Range(0, n).Where(i => Math.Abs(y[i]) < 0.5).MaxBy(i => u[i]);
        double pL = 0, pR = 0;
        for (int i = 0; i < n; i++) { if (i < barrier) pL += Math.Exp(lp[i]); else pR += Math.Exp(lp[i]); }
        var v2 = s.LeftVectors[1];
        double sign = Math.Sign(v2[n - 1]);
        double expectLeft = -sign * Math.Sqrt(pR / pL), expectRight = sign * Math.Sqrt(pL / pR);
        double errLeft = Math.Abs(v2[0] - expectLeft) / Math.Abs(expectLeft);
        double errRight = Math.Abs(v2[n - 1] - expectRight) / Math.Abs(expectRight);
        var twoState = new ResultTable("two-state", "v₂ at the walls vs the two-state limit",
            ["quantity", "value"])
            .Add("barrier cell centre y", y[barrier])
            .Add("p_L (equilibrium mass left of the barrier)", pL)
            .Add("p_R", pR)
            .Add("v₂(left wall): computed", v2[0]).Add("v₂(left wall): −√(p_R/p_L)", expectLeft).Add("relative error (left)", errLeft)
            .Add("v₂(right wall): computed", v2[n - 1]).Add("v₂(right wall): +√(p_L/p_R)", expectRight).Add("relative error (right)", errRight)
            .Add("log10 min π / π_max", log10MinPi);

        // (i), (iii), (iv) per mode
        var modes = new ResultTable("modes", "Per mode: rate, backward residual, independent inverse iteration, naive φ/√π",
            ["k", "λ_k", "backward residual", "max rel diff vs inverse iteration", "cells compared", "naive φ/√π: max rel error (π<1e-100)"]);
        double worstRes = 0, worstRef = 0, naiveWorstK3 = 0; int compared = 0;
        for (int k = 1; k < Modes; k++)
        {
            var v = s.LeftVectors[k];
            double res = BackwardResiduals.Relative(g, v, s.Eigenvalues[k]);
            worstRes = Math.Max(worstRes, res);
            double refDiff = double.NaN; int cellsCompared = 0;
            if (k >= 2)
            {
                var w = InverseIteration(g, s.Eigenvalues[k], lp);
                int peak = Enumerable.Range(0, n).MaxBy(i => Math.Abs(v[i]));
                double scale = v[peak] / w[peak];
                refDiff = 0;
                for (int i = 0; i < n; i++)
                {
                    if (lp[i] - maxLog > Math.Log(TinyPi)) continue;
                    double expected = w[i] * scale;
                    if (Math.Abs(expected) < VectorFloor * Math.Abs(v[peak])) continue;
                    refDiff = Math.Max(refDiff, Math.Abs(v[i] - expected) / Math.Abs(expected));
                    cellsCompared++;
                }
                worstRef = Math.Max(worstRef, refDiff);
                compared += cellsCompared;
            }
            var naive = Naive(s.SymmetricModes[k], lp);
            double naiveErr = 0;
            for (int i = 0; i < n; i++)
                if (lp[i] - maxLog < Math.Log(NaivePi)) naiveErr = Math.Max(naiveErr, Math.Abs(naive[i] - v[i]) / Math.Abs(v[i]));
            if (k == 2) naiveWorstK3 = naiveErr;
            modes.Add(k + 1, s.Eigenvalues[k], res, k >= 2 ? refDiff : null, k >= 2 ? cellsCompared : null, naiveErr);
        }
        var checks = new List<Check>
        {
            Check.AtMost("log10(min π / π_max) (the case must reach the underflow regime)", log10MinPi, -200),
            Check.AtMost("max backward residual of v₂…v₄", worstRes, ResidualTolerance),
            Check.AtMost("v₂ at the left wall vs −√(p_R/p_L) (relative)", errLeft, TwoStateTolerance),
            Check.AtMost("v₂ at the right wall vs +√(p_L/p_R) (relative)", errRight, TwoStateTolerance),
            Check.AtMost("v₃, v₄ vs independent inverse iteration where π < 1e-30 π_max (relative)", worstRef, ReferenceTolerance),
            Check.AtLeast("cells compared in the previous check", compared, 10),
            Check.AtLeast("control: naive φ₃/√π relative error where π < 1e-100 π_max", naiveWorstK3, 1),
        };

        double[] Log10Abs(double[] v) => v.Select(z => z == 0 || !double.IsFinite(z) ? double.NaN : Math.Log10(Math.Abs(z))).ToArray();
        var model = LineChart.Create(
        [
            new LineSeriesData("log10 π/π_max", y, lp.Select(z => (z - maxLog) / Math.Log(10)).ToArray()) { StrokeThickness = 2.5 },
            new LineSeriesData("log10 |v₂| (backward operator)", y, Log10Abs(s.LeftVectors[1])),
            new LineSeriesData("log10 |v₃| (backward operator)", y, Log10Abs(s.LeftVectors[2])),
            new LineSeriesData("log10 |φ₃/√π| (naive)", y, Log10Abs(Naive(s.SymmetricModes[2], lp))) { LineStyle = LineStyle.None, Marker = MarkerType.Circle },
        ], new LineChartOptions
        {
            Title = "Cold tilted double well (T = 0.015): left eigenvectors where π underflows",
            XAxisTitle = "y",
            YAxisTitle = "log10",
            LegendPosition = OxyPlot.Legends.LegendPosition.TopCenter,
        });
        const string notes = "λ₂ is a Kramers rate of order e^{−ΔU/T} with ΔU ≈ 0.75 from the shallow (right) well, i.e. ~1e-22 or less, far below "
            + "the round-off ε·‖A‖ ≈ 1e-13 of the symmetric operator: the solver reports max(λ₂, 0) = 0. The two-state check on v₂ does not need "
            + "λ₂; v₂ is fixed by E_π[v₂] = 0 and E_π[v₂²] = 1. The naive φ/√π is shown only as the control: it is off by 10^116 and more.";
        return new CaseResult(Name, checks, [modes, twoState], [Plots.Save(model, outputDirectory, "left-vectors.png")], notes);
    }

    /// <summary>The naive left vector φ_k / √π (what this case shows to be wrong).</summary>
    private static double[] Naive(double[] phi, double[] logPi)
        => phi.Select((p, i) => p * Math.Exp(-0.5 * logPi[i])).ToArray();

    /// <summary>Inverse iteration on <c>−G − μI</c> (μ just below λ) with the π-mean (λ₁ = 0 mode) removed each sweep.</summary>
    private static double[] InverseIteration(CsrMatrix g, double lambda, double[] logPi)
    {
        int n = g.RowCount;
        double mu = lambda - ShiftOffset * Math.Max(lambda, 1.0);
        var sub = new double[n]; var diag = new double[n]; var sup = new double[n];
        for (int i = 0; i < n; i++)
        {
            diag[i] = -g[i, i] - mu;
            if (i > 0) sub[i] = -g[i, i - 1];
            if (i + 1 < n) sup[i] = -g[i, i + 1];
        }
        var lu = new PivotedTridiagonalLu(sub, diag, sup);
        var x = Enumerable.Range(0, n).Select(i => 1.0 + 0.1 * Math.Sin(i)).ToArray();
        for (int sweep = 0; sweep < InverseIterationSweeps; sweep++)
        {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += Math.Exp(logPi[i]) * x[i];
            for (int i = 0; i < n; i++) x[i] -= mean;
            x = lu.Solve(x);
            double norm = x.Max(Math.Abs);
            for (int i = 0; i < n; i++) x[i] /= norm;
        }
        return x;
    }
}
