namespace FokkerPlanck.Plotting.Models;

/// <summary>
/// Resamples a field on a non-uniform tensor grid to a uniform raster by cell lookup: each
/// raster pixel takes the value of the grid cell that contains the pixel centre. Cells thus keep
/// their true positions and extents to within one pixel.
/// </summary>
internal static class TensorGridRaster
{
    /// <summary>
    /// Raster pixels per smallest cell: with this many, every cell edge is placed within a quarter
    /// of the smallest cell width, and the raster is no larger than needed (SVG embeds it).
    /// </summary>
    private const int PixelsPerSmallestCell = 4;

    /// <summary>Relative tolerance for treating face spacings as uniform (then no resampling is needed).</summary>
    private const double UniformSpacingTolerance = 1e-9;

    /// <summary>
    /// Builds the raster <c>data[p, q]</c> (p along x, q along y) over
    /// <c>[xFaces[0], xFaces[^1]] × [yFaces[0], yFaces[^1]]</c>. A uniform axis uses its cells
    /// directly (no resampling); a non-uniform one gets <see cref="PixelCount"/> pixels.
    /// </summary>
    public static double[,] Build(double[] xFaces, double[] yFaces, double[] values, int maxWidth, int maxHeight)
    {
        int nx = xFaces.Length - 1;
        int[] columnCell = IsUniform(xFaces) ? Identity(nx) : CellLookup(xFaces, PixelCount(xFaces, maxWidth));
        int[] rowCell = IsUniform(yFaces) ? Identity(yFaces.Length - 1) : CellLookup(yFaces, PixelCount(yFaces, maxHeight));

        var data = new double[columnCell.Length, rowCell.Length];
        for (int q = 0; q < rowCell.Length; q++)
        {
            int j = rowCell[q];
            for (int p = 0; p < columnCell.Length; p++)
                data[p, q] = values[columnCell[p] + nx * j];
        }
        return data;
    }

    /// <summary>True if all spacings equal the mean spacing within <see cref="UniformSpacingTolerance"/>.</summary>
    public static bool IsUniform(double[] faces)
    {
        double mean = (faces[^1] - faces[0]) / (faces.Length - 1);
        for (int i = 0; i + 1 < faces.Length; i++)
        {
            if (Math.Abs(faces[i + 1] - faces[i] - mean) > UniformSpacingTolerance * mean)
                return false;
        }
        return true;
    }

    /// <summary>
    /// Pixels for a non-uniform axis: <see cref="PixelsPerSmallestCell"/> per smallest cell width
    /// across the whole range, at least one per cell, at most <paramref name="maxPixels"/>.
    /// </summary>
    public static int PixelCount(double[] faces, int maxPixels)
    {
        double minWidth = double.PositiveInfinity;
        for (int i = 0; i + 1 < faces.Length; i++)
            minWidth = Math.Min(minWidth, faces[i + 1] - faces[i]);
        double wanted = Math.Ceiling(PixelsPerSmallestCell * (faces[^1] - faces[0]) / minWidth);
        return (int)Math.Min(maxPixels, Math.Max(faces.Length - 1, wanted));
    }

    private static int[] Identity(int n)
    {
        var map = new int[n];
        for (int i = 0; i < n; i++)
            map[i] = i;
        return map;
    }

    /// <summary>For <paramref name="pixels"/> uniform pixels over the face range, the index of the cell holding each pixel centre.</summary>
    private static int[] CellLookup(double[] faces, int pixels)
    {
        int n = faces.Length - 1;
        double start = faces[0], width = (faces[^1] - faces[0]) / pixels;
        var map = new int[pixels];
        int cell = 0;
        for (int p = 0; p < pixels; p++)
        {
            double centre = start + (p + 0.5) * width;
            while (cell < n - 1 && centre >= faces[cell + 1])
                cell++;
            map[p] = cell;
        }
        return map;
    }
}
