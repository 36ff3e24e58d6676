using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Langevin.Sgd;

/// <summary>The barrier between a river's two basins, and the mass on its low side.</summary>
public static class BasinSplit
{
    /// <summary>
    /// The y of the deepest interior minimum of the river (y) marginal density of <paramref name="masses"/>:
    /// the minimum whose lower neighbouring peak is highest (the barrier between the two main basins);
    /// null when the marginal has no interior minimum (one basin).
    /// </summary>
    public static double? Find(TensorGrid grid, ReadOnlySpan<double> masses)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var density = new double[grid.Ny];
        for (int j = 0; j < grid.Ny; j++)
        {
            double m = 0;
            for (int i = 0; i < grid.Nx; i++) m += masses[grid.Index(i, j)];
            density[j] = m / grid.Y.Widths[j];
        }
        int best = -1;
        double bestDepth = 0;
        for (int j = 1; j < grid.Ny - 1; j++)
        {
            if (!(density[j] < density[j - 1] && density[j] <= density[j + 1])) continue;
            double left = density[..j].Max(), right = density[(j + 1)..].Max();
            double depth = Math.Min(left, right) - density[j];
            if (depth > bestDepth) { bestDepth = depth; best = j; }
        }
        return best < 0 ? null : grid.Y.Centres[best];
    }

    /// <summary>Mass of the cells whose centre lies below <paramref name="split"/>.</summary>
    public static double MassBelow(TensorGrid grid, ReadOnlySpan<double> masses, double split)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double below = 0, total = 0;
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
            {
                double m = masses[grid.Index(i, j)];
                total += m;
                if (grid.Y.Centres[j] < split) below += m;
            }
        return below / total;
    }

    /// <summary>
    /// The low basin's weight under SGD's force-corrected river free energy
    /// <c>F = c + (T/2) ln[a/(1 − ηa/2)]</c> (docs/physics.md §7), integrated on the grid's y cells; NaN where
    /// <c>ηa ≥ 2</c> somewhere (past the edge of stability the valley has no stationary width).
    /// </summary>
    public static double CorrectedMassBelow(ValleyRiverLandscape valley, TensorGrid grid, double lr, double temperature, double split)
    {
        ArgumentNullException.ThrowIfNull(valley);
        ArgumentNullException.ThrowIfNull(grid);
        var f = new double[grid.Ny];
        for (int j = 0; j < grid.Ny; j++)
        {
            double y = grid.Y.Centres[j], a = valley.Curvature.Value(y);
            if (!(lr * a < 2)) return double.NaN;
            f[j] = valley.River.Value(y) + 0.5 * temperature * Math.Log(a / (1 - lr * a / 2));
        }
        double fMin = f.Min(), below = 0, total = 0;
        for (int j = 0; j < grid.Ny; j++)
        {
            double w = grid.Y.Widths[j] * Math.Exp(-(f[j] - fMin) / temperature);
            total += w;
            if (grid.Y.Centres[j] < split) below += w;
        }
        return below / total;
    }
}
