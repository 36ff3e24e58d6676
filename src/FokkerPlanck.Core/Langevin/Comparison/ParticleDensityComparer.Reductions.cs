using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>The input checks and the reductions of <see cref="ParticleDensityComparer"/>.</summary>
public sealed partial class ParticleDensityComparer
{
    /// <summary>
    /// Cell masses down to this fraction of the total below 0 count as round-off and are set to 0 (the
    /// time stepper's default absolute tolerance is 10⁻⁹ of the total mass); more negative ones are refused.
    /// </summary>
    public const double NegativeRoundOff = 1e-9;

    /// <summary>Simpson's weights 1, 4, 1 (over 6) at the low face, the centre and the high face of a cell.</summary>
    private static readonly double[] SimpsonWeights = [1.0 / 6, 4.0 / 6, 1.0 / 6];

    /// <summary>Per-particle reductions of one pass: histograms along both axes and the running means.</summary>
    private sealed record Sums(long Count, long[] CountsX, long[] CountsY, RunningMean Loss, RunningMean[] Amplitudes);

    private void CheckInputs(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> masses, IReadOnlyList<double>? amplitudes)
    {
        if (masses.Length != Grid.CellCount) throw new ArgumentException($"the density has {masses.Length} cells, the grid {Grid.CellCount} ({Grid}).", nameof(masses));
        if (y.Length < 2) throw new ArgumentException($"a comparison needs at least 2 particles (a standard error), got {y.Length}.", nameof(y));
        bool oneD = Grid.IsOneDimensional;
        if (!oneD && x.Length != y.Length) throw new ArgumentException($"{x.Length} x positions for {y.Length} y positions.", nameof(x));
        if (oneD && x.Length != 0 && x.Length != y.Length) throw new ArgumentException($"{x.Length} x positions for {y.Length} y positions (on a 1D grid x may be empty).", nameof(x));
        if (amplitudes is not null && amplitudes.Count != Options.LeftVectors.Count)
            throw new ArgumentException($"{amplitudes.Count} FP amplitudes for {Options.LeftVectors.Count} left vectors.", nameof(amplitudes));
        if (OutsideMessage(x, y) is { } message) throw new ArgumentException(message, nameof(y));
    }

    /// <summary>How many particles lie outside the grid box (or are not finite), on which sides, and the first; null when none.</summary>
    private string? OutsideMessage(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Axis ax = Grid.X, ay = Grid.Y;
        bool checkX = !Grid.IsOneDimensional;
        int[] sides = new int[5];
        int first = -1, outside = 0;
        for (int i = 0; i < y.Length; i++)
        {
            double xi = checkX ? x[i] : 0;
            bool notFinite = !double.IsFinite(y[i]) || checkX && !double.IsFinite(xi);
            bool left = checkX && xi < ax.Min, right = checkX && xi > ax.Max, below = y[i] < ay.Min, above = y[i] > ay.Max;
            if (!(left || right || below || above || notFinite)) continue;
            sides[0] += left ? 1 : 0; sides[1] += right ? 1 : 0; sides[2] += below ? 1 : 0; sides[3] += above ? 1 : 0; sides[4] += notFinite ? 1 : 0;
            if (outside++ == 0) first = i;
        }
        if (outside == 0) return null;
        string[] names = [$"x < {ax.Min:G6}", $"x > {ax.Max:G6}", $"y < {ay.Min:G6}", $"y > {ay.Max:G6}", "not finite"];
        string where = string.Join(", ", names.Zip(sides).Where(s => s.Second > 0).Select(s => $"{s.Second} {s.First}"));
        string box = checkX ? $"x ∈ [{ax.Min:G6}, {ax.Max:G6}], y ∈ [{ay.Min:G6}, {ay.Max:G6}]" : $"y ∈ [{ay.Min:G6}, {ay.Max:G6}]";
        string at = checkX ? $"({x[first]:G6}, {y[first]:G6})" : $"y = {y[first]:G6}";
        return $"{outside} of {y.Length} particles lie outside the grid box {box} ({where}); the first is particle {first} at {at}. "
            + "The Fokker–Planck walls reflect, so particles of this model stay inside: check the domain or the units.";
    }

    /// <summary>The masses as probabilities: round-off below 0 set to 0, normalized to 1.</summary>
    private static double[] Probabilities(ReadOnlySpan<double> masses)
    {
        double total = 0;
        foreach (double m in masses)
        {
            if (!double.IsFinite(m)) throw new ArgumentException($"a cell mass is {m}; the density must be finite.", nameof(masses));
            if (m > 0) total += m;
        }
        if (!(total > 0)) throw new ArgumentException("the density has no positive mass.", nameof(masses));
        var p = new double[masses.Length];
        for (int k = 0; k < p.Length; k++)
        {
            if (masses[k] < -NegativeRoundOff * total)
                throw new ArgumentException($"cell {k} has mass {masses[k]:G4}, below the round-off allowance −{NegativeRoundOff:G1} of the total {total:G6}.", nameof(masses));
            p[k] = Math.Max(masses[k], 0) / total;
        }
        return p;
    }

    /// <summary>One pass over the particles: their cells on the faces, histograms, loss and amplitude means.</summary>
    private Sums Accumulate(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        bool oneD = Grid.IsOneDimensional;
        var sums = new Sums(y.Length, new long[Grid.Nx], new long[Grid.Ny], new RunningMean(),
            [.. Options.LeftVectors.Select(_ => new RunningMean())]);
        double reference = Options.EquilibriumLoss ?? 0;
        for (int n = 0; n < y.Length; n++)
        {
            double xn = oneD ? 0 : x[n];
            int i = oneD ? 0 : Grid.X.CellOf(xn), j = Grid.Y.CellOf(y[n]);
            sums.CountsX[i]++;
            sums.CountsY[j]++;
            sums.Loss.Add(_landscape.Potential(xn, y[n]) - reference);
            int k = Grid.Index(i, j);
            for (int m = 0; m < sums.Amplitudes.Length; m++) sums.Amplitudes[m].Add(Options.LeftVectors[m][k]);
        }
        return sums;
    }

    private double[] MarginalY(double[] p)
    {
        var r = new double[Grid.Ny];
        for (int k = 0; k < p.Length; k++) r[k / Grid.Nx] += p[k];
        return r;
    }

    private double[] MarginalX(double[] p)
    {
        var r = new double[Grid.Nx];
        for (int k = 0; k < p.Length; k++) r[k % Grid.Nx] += p[k];
        return r;
    }

    /// <summary>
    /// <c>L(c_k)</c> and <c>L̄_k − L(c_k)</c> per cell, with <c>L̄_k</c> the 3×3 tensor Simpson rule on the
    /// cell's faces and centre (exact for cubics in each coordinate); rows through
    /// <see cref="ILandscape.PotentialRow"/>. A non-finite average counts as no correction.
    /// </summary>
    private static (double[] Centre, double[] Correction) SampleLoss(TensorGrid grid, ILandscape landscape)
    {
        int nx = grid.Nx, ny = grid.Ny;
        var nodes = new double[2 * nx + 1];
        for (int i = 0; i < nx; i++) { nodes[2 * i] = grid.X.Faces[i]; nodes[2 * i + 1] = grid.X.Centres[i]; }
        nodes[2 * nx] = grid.X.Faces[nx];
        if (grid.IsOneDimensional) Array.Clear(nodes);
        double[][] rows = [new double[nodes.Length], new double[nodes.Length], new double[nodes.Length]];
        var centre = new double[grid.CellCount];
        var correction = new double[grid.CellCount];
        for (int j = 0; j < ny; j++)
        {
            double[] ys = [grid.Y.Faces[j], grid.Y.Centres[j], grid.Y.Faces[j + 1]];
            for (int b = 0; b < 3; b++) landscape.PotentialRow(nodes, ys[b], rows[b]);
            for (int i = 0; i < nx; i++)
            {
                double average = 0;
                for (int b = 0; b < 3; b++)
                    average += SimpsonWeights[b] * (SimpsonWeights[0] * rows[b][2 * i] + SimpsonWeights[1] * rows[b][2 * i + 1] + SimpsonWeights[2] * rows[b][2 * i + 2]);
                int k = grid.Index(i, j);
                centre[k] = rows[1][2 * i + 1];
                correction[k] = double.IsFinite(average) ? average - centre[k] : 0;
            }
        }
        return (centre, correction);
    }
}
