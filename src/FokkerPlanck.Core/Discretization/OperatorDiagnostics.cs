using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// Invariants and resolution measures of a discretized operator: mass conservation, detailed
/// balance, cells per equilibrium width, equilibrium mass at the walls.
/// </summary>
public static class OperatorDiagnostics
{
    /// <summary>Largest <c>|Σ_l L_lk|</c> over columns k, relative to the largest <c>|L_kk|</c> (0 = mass exactly conserved).</summary>
    public static double MassConservationResidual(CsrMatrix forward)
    {
        ArgumentNullException.ThrowIfNull(forward);
        int n = forward.RowCount;
        var colSum = new double[n];
        double scale = 0.0;
        var rp = forward.RowPointers; var ci = forward.ColumnIndices; var v = forward.Values;
        for (int i = 0; i < n; i++)
            for (int k = rp[i]; k < rp[i + 1]; k++)
            {
                colSum[ci[k]] += v[k];
                if (ci[k] == i) scale = Math.Max(scale, Math.Abs(v[k]));
            }
        double worst = 0.0;
        foreach (double s in colSum) worst = Math.Max(worst, Math.Abs(s));
        return scale > 0 ? worst / scale : worst;
    }

    /// <summary>
    /// Largest violation of detailed balance <c>L_lk π_k = L_kl π_l</c>, measured in logs:
    /// <c>max |ln L_lk + ln π_k − ln L_kl − ln π_l|</c> (a relative error), over pairs whose rates are
    /// both representable. Also returns the number of pairs skipped because a rate underflowed.
    /// </summary>
    public static (double MaxLogError, int Skipped) DetailedBalanceResidual(CsrMatrix forward, ReadOnlySpan<double> logPi)
    {
        ArgumentNullException.ThrowIfNull(forward);
        double worst = 0.0; int skipped = 0;
        var rp = forward.RowPointers; var ci = forward.ColumnIndices; var v = forward.Values;
        for (int l = 0; l < forward.RowCount; l++)
            for (int q = rp[l]; q < rp[l + 1]; q++)
            {
                int k = ci[q];
                if (k <= l) continue;
                double lk = v[q], kl = forward[k, l];
                if (!(lk > 0) || !(kl > 0)) { skipped++; continue; }
                // one logarithm of the ratio where it is a normal number (half the work, and no cancellation
                // between two large logarithms); two where the ratio leaves the range
                double ratio = lk / kl;
                double logRatio = double.IsNormal(ratio) ? Math.Log(ratio) : Math.Log(lk) - Math.Log(kl);
                worst = Math.Max(worst, Math.Abs(logRatio + logPi[k] - logPi[l]));
            }
        return (worst, skipped);
    }

    /// <summary>
    /// Cells per local equilibrium width <c>σ = √(T/∂²U)</c> along each axis, averaged where the
    /// equilibrium lives: <c>(Σ π_k (w_k/σ_k)² / Σ π_k)^(−1/2)</c> over the cells with a convex
    /// three-point second difference of the cell-centre potential. +∞ where U is nowhere convex
    /// along that axis.
    /// </summary>
    /// <remarks>
    /// The three-point curvature error, and with it the leading eigenvalue error, scales as (w/σ)²
    /// cell by cell and enters the rates weighted by the equilibrium mass, so the π-weighted mean of
    /// (w/σ)² is what the resolution warning should judge. A minimum over "occupied" cells (the
    /// earlier measure) was set by the wide cells of a clustered grid in the far tails, which hold
    /// almost no mass, and warned about grids that resolve the equilibrium well.
    /// </remarks>
    public static (double AlongX, double AlongY) CellsPerEquilibriumWidth(FokkerPlanckOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var g = op.Grid; int nx = g.Nx, ny = g.Ny;
        var u = op.Landscape.CentreValues; var lp = op.LogEquilibrium;
        double sumX = 0, massX = 0, sumY = 0, massY = 0;
        var xc = g.X.Centres; var yc = g.Y.Centres; var wx = g.X.Widths; var wy = g.Y.Widths;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int k = i + nx * j;
                double p = Math.Exp(lp[k]);
                if (p == 0.0) continue;
                if (i > 0 && i + 1 < nx)
                {
                    double c = SecondDifference(xc[i - 1], xc[i], xc[i + 1], u[k - 1], u[k], u[k + 1]);
                    if (c > 0) { double r = wx[i] * wx[i] * c / op.Temperature; sumX += p * r; massX += p; }
                }
                if (j > 0 && j + 1 < ny)
                {
                    double c = SecondDifference(yc[j - 1], yc[j], yc[j + 1], u[k - nx], u[k], u[k + nx]);
                    if (c > 0) { double r = wy[j] * wy[j] * c / op.Temperature; sumY += p * r; massY += p; }
                }
            }
        double x = massX > 0 ? 1.0 / Math.Sqrt(sumX / massX) : double.PositiveInfinity;
        double y = massY > 0 ? 1.0 / Math.Sqrt(sumY / massY) : double.PositiveInfinity;
        return (g.IsOneDimensional ? double.PositiveInfinity : x, y);
    }

    /// <summary>Equilibrium mass within <paramref name="cells"/> cells of each wall: (x-low, x-high, y-low, y-high); x walls are NaN in 1D.</summary>
    public static (double XLow, double XHigh, double YLow, double YHigh) WallMass(FokkerPlanckOperator op, int cells = 2)
    {
        ArgumentNullException.ThrowIfNull(op);
        var g = op.Grid; int nx = g.Nx, ny = g.Ny;
        var lp = op.LogEquilibrium;
        double xl = 0, xh = 0, yl = 0, yh = 0;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                double m = Math.Exp(lp[i + nx * j]);
                if (i < cells) xl += m;
                if (i >= nx - cells) xh += m;
                if (j < cells) yl += m;
                if (j >= ny - cells) yh += m;
            }
        return g.IsOneDimensional ? (double.NaN, double.NaN, yl, yh) : (xl, xh, yl, yh);
    }

    private static double SecondDifference(double x0, double x1, double x2, double u0, double u1, double u2)
        => 2.0 * ((u2 - u1) / (x2 - x1) - (u1 - u0) / (x1 - x0)) / (x2 - x0);
}
