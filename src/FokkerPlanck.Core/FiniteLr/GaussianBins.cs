using MathNet.Numerics;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// One SGD step's Gaussian increment along one uniform axis, as probabilities of landing in each cell:
/// <c>N(m, s′²)</c> integrated over the cells, folded back at the reflecting walls, truncated at
/// <see cref="TailSigmas"/> standard deviations and renormalized.
/// </summary>
/// <remarks>
/// <para><b>Moment matching.</b> A chain on cell centres that bins <c>N(m, s′²)</c> lands, on average, at
/// <c>m</c> with variance <c>s′² + h²/12</c> (Sheppard's correction: binning adds the variance of a
/// uniform law on one cell; W. F. Sheppard, Proc. London Math. Soc. 29, 353 (1898)). Binning with
/// <c>s′² = s² − h²/12</c> therefore gives the chain exactly the step's mean and variance, so a linear
/// map (a quadratic valley) keeps its exact stationary variance <c>T/(a(1 − ηa/2))</c> on any grid, and
/// the remaining error is O(h²) in the higher moments. The identity holds up to terms that oscillate with
/// where in its cell the mean falls, of order <c>exp(−2π² s′²/h²)</c> (Poisson summation): measured worst
/// case over the offset, the variance is off by 6.1·10⁻⁵ (relative) and the mean by 5.4·10⁻⁶ cells at the
/// smallest resolution accepted (<see cref="MinNoiseCells"/> = 0.8 cells), 5.2·10⁻⁸ and 4.4·10⁻⁹ at one cell.</para>
/// <para><b>Walls.</b> A uniform axis whose walls are cell faces maps onto itself under reflection, so the
/// unfolded line is tiled by mirror images of the cells: unfolded cell q lands in cell
/// <c>q mod 2n</c> or its mirror. That is exactly the particles' triangle-wave fold.</para>
/// <para><b>Truncation.</b> The Gaussian mass beyond ±<see cref="TailSigmas"/>·s′ is dropped and the rest
/// renormalized, so each column sums to 1 to round-off; the dropped mass per axis is
/// <see cref="TailMass"/>.</para>
/// </remarks>
public static class GaussianBins
{
    /// <summary>Truncation of the Gaussian: 7 standard deviations drop 2.6·10⁻¹² of the mass per axis.</summary>
    public const double TailSigmas = 7;

    /// <summary>
    /// The smallest noise width, in cells, the discretization accepts: at <c>s = 0.8 h</c> the Sheppard
    /// identity holds to 6.1·10⁻⁵ in the variance; at 0.7 cells the error is already 1.2·10⁻³ (below it the
    /// chain's variance depends on where in its cell the mean falls).
    /// </summary>
    public const double MinNoiseCells = 0.8;

    /// <summary>The probability mass dropped per axis, <c>erfc(K/√2)</c> with K = <see cref="TailSigmas"/>.</summary>
    public static double TailMass { get; } = SpecialFunctions.Erfc(TailSigmas / Math.Sqrt(2));

    /// <summary>The binned width <c>s′ = √(s² − h²/12)</c>; NaN when the noise is narrower than <see cref="MinNoiseCells"/> cells.</summary>
    public static double BinnedWidth(double noise, double cell)
        => noise >= MinNoiseCells * cell ? Math.Sqrt(noise * noise - cell * cell / 12) : double.NaN;

    /// <summary>The most cells one step's kernel can touch along an axis (for buffer sizes).</summary>
    public static int MaxSpan(double noise, double cell, int cells)
        => Math.Min(cells, (int)Math.Ceiling(2 * TailSigmas * BinnedWidth(noise, cell) / cell) + 2);

    /// <summary>
    /// Writes the cells (ascending, distinct) and probabilities of one step landing from mean
    /// <paramref name="mean"/> with binned width <paramref name="width"/> on the uniform axis
    /// <c>[min, min + n·h]</c>; returns how many were written. The probabilities sum to 1.
    /// </summary>
    /// <param name="mean">The step's mean (may lie beyond a wall: it is folded).</param>
    /// <param name="width">The binned width s′ (<see cref="BinnedWidth"/>).</param>
    /// <param name="min">The axis's lower wall.</param>
    /// <param name="h">The cell width.</param>
    /// <param name="n">The number of cells.</param>
    /// <param name="cells">Receives the cell indices; length at least the unfolded span (see <see cref="MaxSpan"/>).</param>
    /// <param name="weights">Receives the probabilities, same length.</param>
    public static int Fill(double mean, double width, double min, double h, int n, Span<int> cells, Span<double> weights)
    {
        double lo = mean - TailSigmas * width, hi = mean + TailSigmas * width;
        long qLo = (long)Math.Floor((lo - min) / h), qHi = (long)Math.Floor((hi - min) / h);
        int count = 0;
        double total = 0;
        for (long q = qLo; q <= qHi; q++)
        {
            double a = Math.Max(lo, min + q * h), b = Math.Min(hi, min + (q + 1) * h);
            double p = Mass((a - mean) / width, (b - mean) / width);
            if (p <= 0) continue;
            count = Accumulate(Fold(q, n), p, cells, weights, count);
            total += p;
        }
        for (int k = 0; k < count; k++) weights[k] /= total;
        return count;
    }

    /// <summary>The cell of the axis that unfolded cell <paramref name="q"/> lands in (mirror images at the walls).</summary>
    public static int Fold(long q, int n)
    {
        long period = 2L * n;
        long r = q % period;
        if (r < 0) r += period;
        return (int)(r < n ? r : period - 1 - r);
    }

    /// <summary>
    /// <c>Φ(b) − Φ(a)</c>, from the tail on the side the interval lies (a difference of two numbers near 1
    /// would lose the tail's digits).
    /// </summary>
    private static double Mass(double a, double b)
    {
        const double invSqrt2 = 0.70710678118654752440;
        if (a >= 0) return 0.5 * (SpecialFunctions.Erfc(a * invSqrt2) - SpecialFunctions.Erfc(b * invSqrt2));
        if (b <= 0) return 0.5 * (SpecialFunctions.Erfc(-b * invSqrt2) - SpecialFunctions.Erfc(-a * invSqrt2));
        return 1 - 0.5 * (SpecialFunctions.Erfc(-a * invSqrt2) + SpecialFunctions.Erfc(b * invSqrt2));
    }

    /// <summary>Adds <paramref name="p"/> to cell <paramref name="cell"/>, keeping the list sorted and distinct.</summary>
    private static int Accumulate(int cell, double p, Span<int> cells, Span<double> weights, int count)
    {
        int k = count - 1;
        while (k >= 0 && cells[k] > cell) k--;
        if (k >= 0 && cells[k] == cell)
        {
            weights[k] += p;
            return count;
        }
        int at = k + 1;
        for (int m = count; m > at; m--)
        {
            cells[m] = cells[m - 1];
            weights[m] = weights[m - 1];
        }
        cells[at] = cell;
        weights[at] = p;
        return count + 1;
    }
}
