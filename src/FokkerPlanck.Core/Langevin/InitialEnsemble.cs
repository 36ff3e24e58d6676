using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Langevin.Random;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Langevin;

/// <summary>
/// Starting positions of an ensemble: drawn exactly from a density given as the grid's cell masses
/// (a cell with probability equal to its mass, then uniformly inside it: the piecewise-constant density
/// the finite-volume solution stands for), or all at one point. Particle <c>i</c>'s start depends on
/// the seed and <c>i</c> only, like its noise.
/// </summary>
public static class InitialEnsemble
{
    /// <summary>Stream of <see cref="UniformStream"/> that picks the cell (first uniform) and the x offset in it (second).</summary>
    public const long CellStream = 0;

    /// <summary>Stream that gives the y offset inside the cell.</summary>
    public const long OffsetStream = 1;

    /// <summary>Particles drawn per block (bounds the scratch memory, not the result).</summary>
    private const int Block = 4096;

    /// <summary>Draws <paramref name="count"/> particles from the cell masses <paramref name="masses"/> (normalized here).</summary>
    /// <exception cref="ArgumentException">The masses do not fit the grid, are negative or not finite, or sum to 0.</exception>
    public static ParticleState FromMasses(TensorGrid grid, ReadOnlySpan<double> masses, int count, ulong seed)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (masses.Length != grid.CellCount) throw new ArgumentException($"the density has {masses.Length} cells, the grid {grid.CellCount} ({grid}).", nameof(masses));
        var cumulative = Cumulative(masses);
        var state = ParticleState.Allocate(count);
        int blocks = (count + Block - 1) / Block;
        Parallel.For(0, blocks, Parallelism.Options, b =>
        {
            int first = b * Block, n = Math.Min(Block, count - first);
            Span<double> u = new double[n], ox = new double[n], oy = new double[n], unused = new double[n];
            UniformStream.Fill(seed, CellStream, first, u, ox);
            UniformStream.Fill(seed, OffsetStream, first, oy, unused);
            for (int p = 0; p < n; p++)
            {
                int k = CellOf(cumulative, u[p]);
                int i = k % grid.Nx, j = k / grid.Nx;
                state.X[first + p] = grid.IsOneDimensional ? 0.0 : grid.X.Faces[i] + ox[p] * grid.X.Widths[i];
                state.Y[first + p] = grid.Y.Faces[j] + oy[p] * grid.Y.Widths[j];
            }
        });
        return state;
    }

    /// <summary><paramref name="count"/> particles at <c>(x, y)</c>.</summary>
    public static ParticleState AtPoint(double x, double y, int count)
    {
        var state = ParticleState.Allocate(count);
        Array.Fill(state.X, x);
        Array.Fill(state.Y, y);
        return state;
    }

    /// <summary>Normalized cumulative masses, the last entry exactly 1.</summary>
    private static double[] Cumulative(ReadOnlySpan<double> masses)
    {
        var c = new double[masses.Length];
        double sum = 0;
        for (int k = 0; k < masses.Length; k++)
        {
            if (!(masses[k] >= 0) || !double.IsFinite(masses[k]))
                throw new ArgumentException($"cell {k} holds mass {masses[k]}; a density to sample must be finite and ≥ 0.", nameof(masses));
            sum += masses[k];
            c[k] = sum;
        }
        if (!(sum > 0)) throw new ArgumentException("the density to sample has total mass 0.", nameof(masses));
        for (int k = 0; k < c.Length; k++) c[k] /= sum;
        c[^1] = 1.0;
        return c;
    }

    /// <summary>The first cell whose cumulative mass exceeds u (u in (0, 1)); empty cells are never chosen.</summary>
    private static int CellOf(double[] cumulative, double u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u) hi = mid; else lo = mid + 1;
        }
        return lo;
    }
}
