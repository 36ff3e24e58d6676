using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// Bilinear interpolation of a cell-centred function (a left eigenvector) to other points, constant beyond the
/// outermost centres: how a mode computed on one grid meets masses computed on another (second order, like the
/// finite-volume discretization).
/// </summary>
public sealed class CellInterpolator(TensorGrid grid, double[] values)
{
    /// <summary>The value at (x, y).</summary>
    public double At(double x, double y)
    {
        var (j0, j1, wy) = Bracket(grid.Y.Centres, y);
        if (grid.IsOneDimensional) return (1 - wy) * values[j0] + wy * values[j1];
        var (i0, i1, wx) = Bracket(grid.X.Centres, x);
        double lo = (1 - wx) * values[grid.Index(i0, j0)] + wx * values[grid.Index(i1, j0)];
        double hi = (1 - wx) * values[grid.Index(i0, j1)] + wx * values[grid.Index(i1, j1)];
        return (1 - wy) * lo + wy * hi;
    }

    /// <summary><c>Σ_J m_J f(centre_J)</c> for masses on <paramref name="target"/>.</summary>
    public double Pair(TensorGrid target, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(target);
        double s = 0;
        for (int k = 0; k < target.CellCount; k++)
            s += masses[k] * At(target.IsOneDimensional ? 0 : target.X.Centres[k % target.Nx], target.Y.Centres[k / target.Nx]);
        return s;
    }

    private static (int Lo, int Hi, double Weight) Bracket(ReadOnlySpan<double> centres, double z)
    {
        if (z <= centres[0]) return (0, 0, 0);
        if (z >= centres[^1]) return (centres.Length - 1, centres.Length - 1, 0);
        int k = centres.BinarySearch(z);
        if (k >= 0) return (k, k, 0);
        int hi = ~k, lo = hi - 1;
        return (lo, hi, (z - centres[lo]) / (centres[hi] - centres[lo]));
    }
}
