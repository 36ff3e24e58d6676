namespace FokkerPlanck.Core.Grids;

/// <summary>
/// One axis of a cell-centred finite-volume grid: <c>N</c> cells between <c>N + 1</c> strictly
/// increasing faces, possibly non-uniform.
/// </summary>
/// <remarks>
/// Cell <c>i</c> occupies <c>[f_i, f_{i+1}]</c>; its centre is the midpoint
/// <c>c_i = (f_i + f_{i+1}) / 2</c> and its width <c>w_i = f_{i+1} − f_i</c>. The distance between
/// neighbouring centres is <c>d_{i+½} = c_{i+1} − c_i</c>. The walls are the first and last faces.
/// On a smoothly stretched axis (faces the image of a uniform grid under a smooth map) the
/// two-point finite-volume flux stays second order; abrupt spacing changes reduce it to first order
/// (Ferziger &amp; Perić, Computational Methods for Fluid Dynamics, 3rd ed., §3.3).
/// </remarks>
public sealed class Axis
{
    private readonly double[] _faces;
    private readonly double[] _centres;
    private readonly double[] _widths;

    /// <summary>Creates an axis from its faces (copied).</summary>
    /// <exception cref="ArgumentException">Fewer than two faces, non-finite or not strictly increasing.</exception>
    public Axis(ReadOnlySpan<double> faces)
    {
        if (faces.Length < 2) throw new ArgumentException($"An axis needs at least 2 faces (1 cell); got {faces.Length}.", nameof(faces));
        for (int i = 0; i < faces.Length; i++)
        {
            if (!double.IsFinite(faces[i])) throw new ArgumentException($"Face {i} is not finite ({faces[i]}).", nameof(faces));
            if (i > 0 && !(faces[i] > faces[i - 1])) throw new ArgumentException($"Faces must increase strictly: face {i} = {faces[i]} ≤ face {i - 1} = {faces[i - 1]}.", nameof(faces));
        }
        _faces = faces.ToArray();
        int n = faces.Length - 1;
        _centres = new double[n];
        _widths = new double[n];
        for (int i = 0; i < n; i++)
        {
            _centres[i] = 0.5 * (_faces[i] + _faces[i + 1]);
            _widths[i] = _faces[i + 1] - _faces[i];
        }
    }

    /// <summary>Number of cells.</summary>
    public int Count => _centres.Length;

    /// <summary>Lower wall.</summary>
    public double Min => _faces[0];

    /// <summary>Upper wall.</summary>
    public double Max => _faces[^1];

    /// <summary>Length <c>Max − Min</c>.</summary>
    public double Length => Max - Min;

    /// <summary>Face positions, <c>Count + 1</c> values.</summary>
    public ReadOnlySpan<double> Faces => _faces;

    /// <summary>Cell centres (midpoints of the faces), <c>Count</c> values.</summary>
    public ReadOnlySpan<double> Centres => _centres;

    /// <summary>Cell widths, <c>Count</c> values.</summary>
    public ReadOnlySpan<double> Widths => _widths;

    /// <summary>Smallest cell width.</summary>
    public double MinWidth => _widths.Min();

    /// <summary>Largest cell width.</summary>
    public double MaxWidth => _widths.Max();

    /// <summary>Whether all widths agree to round-off.</summary>
    public bool IsUniform => MaxWidth - MinWidth <= UniformityTolerance * MaxWidth;

    /// <summary>Relative width spread below which an axis counts as uniform (round-off of face sums).</summary>
    private const double UniformityTolerance = 1e-10;

    /// <summary>Index of the cell containing <paramref name="x"/> (clamped to the axis).</summary>
    public int CellOf(double x)
    {
        int k = Array.BinarySearch(_faces, x);
        if (k < 0) k = ~k - 1;
        return Math.Clamp(k, 0, Count - 1);
    }

    /// <summary>Uniform axis with <paramref name="cells"/> cells on <c>[min, max]</c>.</summary>
    /// <exception cref="ArgumentException">Empty interval or fewer than one cell.</exception>
    public static Axis Uniform(double min, double max, int cells)
    {
        CheckInterval(min, max, cells);
        var f = new double[cells + 1];
        for (int i = 0; i <= cells; i++) f[i] = min + (max - min) * i / cells;
        f[cells] = max;
        return new Axis(f);
    }

    /// <summary>
    /// Axis whose cells cluster around <paramref name="focus"/>: faces are the image of a uniform
    /// grid under the smooth map <c>x(ξ) = focus + w·sinh(β(ξ − ξ₀))</c>, with <c>w</c> and <c>ξ₀</c>
    /// fixed by the walls. The ratio of the widest to the narrowest cell is about
    /// <c>cosh(β·max(ξ₀, 1 − ξ₀))</c>; <c>β → 0</c> is the uniform grid.
    /// </summary>
    /// <param name="min">Lower wall.</param>
    /// <param name="max">Upper wall.</param>
    /// <param name="cells">Number of cells.</param>
    /// <param name="focus">Point to cluster around, inside <c>(min, max)</c>.</param>
    /// <param name="stretching">β ≥ 0; the stretching strength.</param>
    /// <exception cref="ArgumentException">Invalid interval, focus outside it, or negative stretching.</exception>
    public static Axis Clustered(double min, double max, int cells, double focus, double stretching)
    {
        CheckInterval(min, max, cells);
        if (!(focus > min && focus < max)) throw new ArgumentException($"Cluster focus {focus} must lie strictly inside [{min}, {max}].", nameof(focus));
        if (!(stretching >= 0) || !double.IsFinite(stretching)) throw new ArgumentException($"Stretching must be finite and ≥ 0, got {stretching}.", nameof(stretching));
        if (stretching < NegligibleStretching) return Uniform(min, max, cells);
        double beta = stretching;
        double ratio = (max - focus) / (focus - min);
        // solve sinh(β(1−ξ₀)) / sinh(β ξ₀) = ratio for ξ₀ ∈ (0, 1): the left side decreases in ξ₀.
        double lo = 0.0, hi = 1.0;
        for (int it = 0; it < BisectionSteps; it++)
        {
            double mid = 0.5 * (lo + hi);
            double r = Math.Sinh(beta * (1 - mid)) / Math.Sinh(beta * mid);
            if (r > ratio) lo = mid; else hi = mid;
        }
        double xi0 = 0.5 * (lo + hi);
        double w = (max - focus) / Math.Sinh(beta * (1 - xi0));
        var f = new double[cells + 1];
        for (int i = 0; i <= cells; i++) f[i] = focus + w * Math.Sinh(beta * ((double)i / cells - xi0));
        f[0] = min;
        f[cells] = max;
        return new Axis(f);
    }

    /// <summary>Below this β the sinh map is the identity to round-off; use the uniform grid.</summary>
    private const double NegligibleStretching = 1e-6;

    /// <summary>Bisection steps for ξ₀: 60 halvings of [0, 1] reach double precision.</summary>
    private const int BisectionSteps = 60;

    /// <summary>
    /// Returns an axis with the face nearest to each of <paramref name="points"/> moved onto it
    /// (used to put faces on the jumps of a piecewise potential). A face is only moved if the two
    /// cells it separates keep at least a third of their width, so the grid stays smooth enough.
    /// </summary>
    public Axis SnapFacesTo(IEnumerable<double> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var f = _faces.ToArray();
        foreach (double p in points)
        {
            if (!(p > Min && p < Max)) continue;
            int k = Array.BinarySearch(f, p);
            if (k >= 0) continue;
            k = ~k; // f[k-1] < p < f[k]
            int nearest = p - f[k - 1] < f[k] - p ? k - 1 : k;
            if (nearest == 0 || nearest == f.Length - 1) continue;
            double left = p - f[nearest - 1], right = f[nearest + 1] - p;
            double wl = f[nearest] - f[nearest - 1], wr = f[nearest + 1] - f[nearest];
            if (left >= SnapMinimumFraction * wl && right >= SnapMinimumFraction * wr) f[nearest] = p;
        }
        return new Axis(f);
    }

    /// <summary>A snapped face keeps each neighbouring cell at least this fraction of its width.</summary>
    private const double SnapMinimumFraction = 1.0 / 3.0;

    private static void CheckInterval(double min, double max, int cells)
    {
        if (!double.IsFinite(min) || !double.IsFinite(max) || !(max > min))
            throw new ArgumentException($"The interval [{min}, {max}] is empty or not finite; the upper bound must exceed the lower.", nameof(max));
        if (cells < 1) throw new ArgumentOutOfRangeException(nameof(cells), cells, "An axis needs at least one cell.");
    }
}
