using FokkerPlanck.Core.LinearAlgebra;

namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// Invariants and resolution measures of a discretized operator: mass conservation, detailed
/// balance, cells per equilibrium width, equilibrium mass at the walls.
/// </summary>
public static class OperatorDiagnostics
{
    /// <summary>Cells whose equilibrium mass is at least this fraction of the largest one count as "occupied" when measuring resolution (a 1e-8 tail does not need resolving).</summary>
    public const double OccupiedMassFraction = 1e-8;

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
                worst = Math.Max(worst, Math.Abs(Math.Log(lk) + logPi[k] - Math.Log(kl) - logPi[l]));
            }
        return (worst, skipped);
    }

    /// <summary>
    /// Smallest number of cells per local equilibrium width <c>σ = √(T/∂²U)</c> along each axis over
    /// the occupied cells (<see cref="OccupiedMassFraction"/>); curvature from three-point second
    /// differences of the cell-centre potential. +∞ where U is nowhere convex along that axis.
    /// </summary>
    public static (double AlongX, double AlongY) CellsPerEquilibriumWidth(FokkerPlanckOperator op)
    {
        ArgumentNullException.ThrowIfNull(op);
        var g = op.Grid; int nx = g.Nx, ny = g.Ny;
        var u = op.Landscape.CentreValues; var lp = op.LogEquilibrium;
        double maxLog = double.NegativeInfinity;
        foreach (double z in lp) maxLog = Math.Max(maxLog, z);
        double threshold = maxLog + Math.Log(OccupiedMassFraction);
        double bestX = double.PositiveInfinity, bestY = double.PositiveInfinity;
        var xc = g.X.Centres; var yc = g.Y.Centres; var wx = g.X.Widths; var wy = g.Y.Widths;
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++)
            {
                int k = i + nx * j;
                if (lp[k] < threshold) continue;
                if (i > 0 && i + 1 < nx)
                {
                    double c = SecondDifference(xc[i - 1], xc[i], xc[i + 1], u[k - 1], u[k], u[k + 1]);
                    if (c > 0) bestX = Math.Min(bestX, Math.Sqrt(op.Temperature / c) / wx[i]);
                }
                if (j > 0 && j + 1 < ny)
                {
                    double c = SecondDifference(yc[j - 1], yc[j], yc[j + 1], u[k - nx], u[k], u[k + nx]);
                    if (c > 0) bestY = Math.Min(bestY, Math.Sqrt(op.Temperature / c) / wy[j]);
                }
            }
        return (g.IsOneDimensional ? double.PositiveInfinity : bestX, bestY);
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
