using FokkerPlanck.Core.Discretization;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// The stiffest curvature of a landscape on its grid, <c>a_max = max |∂²L|</c> along each axis from
/// second differences of the sampled loss: it sets the stable and accurate step of the SDE schemes
/// (<c>h·a_max</c>) and the edge of stability of SGD (<c>η·a_max = 2</c>).
/// </summary>
public static class CurvatureBound
{
    /// <summary>
    /// <c>max |∂²L/∂x²|, |∂²L/∂y²|</c> over the interior cells (three-point second differences on the
    /// centres). For a valley–river loss the valley's own numbers are used instead: <c>max a(y)</c> and
    /// <c>max |c''(y)|</c> along the river, since <c>∂²L/∂y² = c'' + ½a''x²</c> is large only at valley
    /// walls no particle reaches (x of many valley widths).
    /// </summary>
    public static double Maximum(DiscreteLandscape sampled)
    {
        ArgumentNullException.ThrowIfNull(sampled);
        var grid = sampled.Grid;
        if (sampled.Landscape is ValleyRiverLandscape valley)
        {
            var y = grid.Y.Centres;
            double most = 0;
            for (int j = 0; j < grid.Ny; j++)
            {
                most = Math.Max(most, valley.Curvature.Value(y[j]));
                if (j > 0 && j < grid.Ny - 1)
                    most = Math.Max(most, Math.Abs(SecondDifference(y, j, valley.River.Value(y[j - 1]), valley.River.Value(y[j]), valley.River.Value(y[j + 1]))));
            }
            return most;
        }
        var u = sampled.CentreValues;
        double max = 0;
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
            {
                int k = grid.Index(i, j);
                if (!grid.IsOneDimensional && i > 0 && i < grid.Nx - 1)
                    max = Math.Max(max, Math.Abs(SecondDifference(grid.X.Centres, i, u[k - 1], u[k], u[k + 1])));
                if (j > 0 && j < grid.Ny - 1)
                    max = Math.Max(max, Math.Abs(SecondDifference(grid.Y.Centres, j, u[k - grid.Nx], u[k], u[k + grid.Nx])));
            }
        return max;
    }

    /// <summary>Second derivative through three points on a non-uniform axis.</summary>
    private static double SecondDifference(ReadOnlySpan<double> c, int i, double um, double u0, double up)
    {
        double hm = c[i] - c[i - 1], hp = c[i + 1] - c[i];
        return 2 * (hp * um - (hm + hp) * u0 + hm * up) / (hm * hp * (hm + hp));
    }
}
