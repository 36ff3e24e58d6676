using FokkerPlanck.Core.Grids;

namespace FokkerPlanck.Core.Tests.TestSupport;

/// <summary>
/// Draws particles exactly from a density given as cell masses: a cell with probability equal to its
/// mass (inverse CDF), then uniformly inside it (independent of the library's own sampler).
/// </summary>
internal static class GridSampler
{
    /// <summary><paramref name="count"/> particles (x, y) from <paramref name="masses"/> on <paramref name="grid"/>.</summary>
    public static (double[] X, double[] Y) Draw(TensorGrid grid, ReadOnlySpan<double> masses, int count, System.Random random)
    {
        var cumulative = new double[masses.Length];
        double sum = 0;
        for (int k = 0; k < masses.Length; k++) cumulative[k] = sum += Math.Max(masses[k], 0);
        var x = new double[count];
        var y = new double[count];
        for (int n = 0; n < count; n++)
        {
            double u = random.NextDouble() * sum;
            int k = Array.BinarySearch(cumulative, u);
            k = k < 0 ? ~k : k + 1;
            k = Math.Min(k, masses.Length - 1);
            while (masses[k] <= 0) k++;
            int i = k % grid.Nx, j = k / grid.Nx;
            x[n] = grid.IsOneDimensional ? 0 : grid.X.Faces[i] + random.NextDouble() * grid.X.Widths[i];
            y[n] = grid.Y.Faces[j] + random.NextDouble() * grid.Y.Widths[j];
        }
        return (x, y);
    }

    /// <summary>The equilibrium cell masses <c>∝ |V_k| exp(−U(c_k)/T)</c> of a potential on a grid.</summary>
    public static double[] Equilibrium(TensorGrid grid, Func<double, double, double> potential, double temperature)
    {
        var logs = new double[grid.CellCount];
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
            {
                int k = grid.Index(i, j);
                logs[k] = Math.Log(grid.Volume(k)) - potential(grid.X.Centres[i], grid.Y.Centres[j]) / temperature;
            }
        double max = logs.Max();
        var m = logs.Select(l => Math.Exp(l - max)).ToArray();
        double s = m.Sum();
        return [.. m.Select(v => v / s)];
    }
}
