using FokkerPlanck.Core.Grids;
using FokkerPlanck.Core.Landscapes;
using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Discretization;

/// <summary>
/// A landscape sampled on a grid: U at every cell centre and on both sides of every interior face.
/// Independent of temperature, so operators at many temperatures (a plateau-LR scan, a decay
/// schedule) reuse one sampling.
/// </summary>
public sealed class DiscreteLandscape
{
    /// <summary>Relative offset (in cell widths) at which a jump face is sampled on each side.</summary>
    private const double JumpSideOffset = 1e-9;

    /// <summary>Faces within this fraction of a cell width of a jump count as lying on it.</summary>
    private const double JumpMatchTolerance = 1e-9;

    private readonly double[] _centre;
    private readonly double[] _xMinus, _xPlus, _yMinus, _yPlus;

    private DiscreteLandscape(TensorGrid grid, ILandscape landscape, double[] centre, double[] xMinus, double[] xPlus, double[] yMinus, double[] yPlus)
    {
        Grid = grid; Landscape = landscape; _centre = centre;
        _xMinus = xMinus; _xPlus = xPlus; _yMinus = yMinus; _yPlus = yPlus;
    }

    /// <summary>The grid.</summary>
    public TensorGrid Grid { get; }

    /// <summary>The continuous landscape.</summary>
    public ILandscape Landscape { get; }

    /// <summary>U at cell centres (flat, x fastest).</summary>
    public ReadOnlySpan<double> CentreValues => _centre;

    /// <summary>The arrays behind the spans, for the operator's parallel loops (read only by convention).</summary>
    internal (double[] Centre, double[] XMinus, double[] XPlus, double[] YMinus, double[] YPlus) Arrays => (_centre, _xMinus, _xPlus, _yMinus, _yPlus);

    /// <summary>U on x-faces from the lower side; index <c>i + (Nx−1)·j</c> for the face between (i,j) and (i+1,j).</summary>
    public ReadOnlySpan<double> XFaceMinus => _xMinus;

    /// <summary>U on x-faces from the upper side.</summary>
    public ReadOnlySpan<double> XFacePlus => _xPlus;

    /// <summary>U on y-faces from the lower side; index <c>i + Nx·j</c> for the face between (i,j) and (i,j+1).</summary>
    public ReadOnlySpan<double> YFaceMinus => _yMinus;

    /// <summary>U on y-faces from the upper side.</summary>
    public ReadOnlySpan<double> YFacePlus => _yPlus;

    /// <summary>Samples <paramref name="landscape"/> on <paramref name="grid"/>.</summary>
    /// <exception cref="ArgumentException">U is not finite somewhere; the message names the point.</exception>
    public static DiscreteLandscape Sample(TensorGrid grid, ILandscape landscape)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(landscape);
        int nx = grid.Nx, ny = grid.Ny;
        var xc = grid.X.Centres.ToArray(); var yc = grid.Y.Centres.ToArray();
        var xf = grid.X.Faces.ToArray(); var yf = grid.Y.Faces.ToArray();
        if (grid.IsOneDimensional) xc[0] = 0.0;
        var jx = grid.IsOneDimensional ? [] : landscape.JumpsAlongX(grid.X.Min, grid.X.Max);
        var jy = landscape.JumpsAlongY(grid.Y.Min, grid.Y.Max);
        bool[] jumpX = MarkJumpFaces(xf, grid.X.Widths, jx);
        bool[] jumpY = MarkJumpFaces(yf, grid.Y.Widths, jy);

        var centre = new double[nx * ny];
        var xm = new double[Math.Max(nx - 1, 0) * ny]; var xp = new double[xm.Length];
        var ym = new double[nx * (ny - 1)]; var yp = new double[ym.Length];
        // row by row (ILandscape.PotentialRow): landscapes whose y-dependence factors out evaluate it once per row
        var interiorX = nx > 1 ? xf[1..nx] : [];
        Parallel.For(0, ny, Parallelism.Options, j =>
        {
            landscape.PotentialRow(xc, yc[j], centre.AsSpan(nx * j, nx));
            if (nx > 1)
            {
                int f0 = (nx - 1) * j;
                landscape.PotentialRow(interiorX, yc[j], xm.AsSpan(f0, nx - 1));
                xm.AsSpan(f0, nx - 1).CopyTo(xp.AsSpan(f0, nx - 1));
                for (int i = 0; i + 1 < nx; i++)
                {
                    if (!jumpX[i + 1]) continue;
                    double x = xf[i + 1];
                    double eps = JumpSideOffset * Math.Min(xf[i + 1] - xf[i], xf[i + 2] - xf[i + 1]);
                    xm[f0 + i] = landscape.Potential(x - eps, yc[j]); xp[f0 + i] = landscape.Potential(x + eps, yc[j]);
                }
            }
            if (j + 1 < ny)
            {
                double y = yf[j + 1];
                var minus = ym.AsSpan(nx * j, nx);
                var plus = yp.AsSpan(nx * j, nx);
                if (jumpY[j + 1])
                {
                    double eps = JumpSideOffset * Math.Min(yf[j + 1] - yf[j], yf[j + 2] - yf[j + 1]);
                    landscape.PotentialRow(xc, y - eps, minus);
                    landscape.PotentialRow(xc, y + eps, plus);
                }
                else
                {
                    landscape.PotentialRow(xc, y, minus);
                    minus.CopyTo(plus);
                }
            }
        });
        CheckFinite(centre, k => $"cell centre (x={xc[k % nx]:G6}, y={yc[k / nx]:G6})");
        CheckFinite(xm, k => $"x-face (x={xf[k % Math.Max(nx - 1, 1) + 1]:G6}, y={yc[k / Math.Max(nx - 1, 1)]:G6})");
        CheckFinite(xp, k => $"x-face (x={xf[k % Math.Max(nx - 1, 1) + 1]:G6}, y={yc[k / Math.Max(nx - 1, 1)]:G6})");
        CheckFinite(ym, k => $"y-face (x={xc[k % nx]:G6}, y={yf[k / nx + 1]:G6})");
        CheckFinite(yp, k => $"y-face (x={xc[k % nx]:G6}, y={yf[k / nx + 1]:G6})");
        return new DiscreteLandscape(grid, landscape, centre, xm, xp, ym, yp);
    }

    private static bool[] MarkJumpFaces(double[] faces, ReadOnlySpan<double> widths, IReadOnlyList<double> jumps)
    {
        var mark = new bool[faces.Length];
        foreach (double p in jumps)
        {
            int k = Array.BinarySearch(faces, p);
            if (k < 0) k = ~k;
            for (int c = Math.Max(k - 1, 1); c <= Math.Min(k, faces.Length - 2); c++)
                if (Math.Abs(faces[c] - p) <= JumpMatchTolerance * widths[c]) mark[c] = true;
        }
        return mark;
    }

    private static void CheckFinite(double[] values, Func<int, string> where)
    {
        for (int k = 0; k < values.Length; k++)
            if (!double.IsFinite(values[k]))
                throw new ArgumentException($"The potential is {values[k]} at the {where(k)}; it must be finite on the whole domain (check the formula or shrink the domain).");
    }
}
