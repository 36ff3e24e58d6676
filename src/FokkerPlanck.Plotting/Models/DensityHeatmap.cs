using OxyPlot;
using OxyPlot.Axes;
using OxyPlot.Series;

namespace FokkerPlanck.Plotting.Models;

/// <summary>
/// Builds a heat map of a 2D field on a (possibly non-uniform) tensor-product grid, with a colour
/// bar, axes in physical coordinates and a sequential, logarithmic or diverging colour scale.
/// Pure: data in, <see cref="PlotModel"/> out, nothing is rendered.
/// </summary>
/// <remarks>
/// Cell <c>(i, j)</c> is the rectangle <c>[xFaces[i], xFaces[i+1]] × [yFaces[j], yFaces[j+1]]</c>
/// with value <c>values[i + nx * j]</c> (x fastest). A non-uniform axis is resampled to a uniform
/// raster by cell lookup (each pixel shows the cell containing its centre), with 4 pixels per
/// smallest cell up to <see cref="DensityHeatmapOptions.RasterWidth"/> (x) or
/// <see cref="DensityHeatmapOptions.RasterHeight"/> (y), so every cell is drawn at its true
/// position; a uniform axis is drawn cell for cell. NaN and ±∞ are drawn in
/// <see cref="PlotTheme.UndefinedValueColor"/>; finite values outside the colour range are clamped
/// to its ends.
/// </remarks>
public static class DensityHeatmap
{
    /// <summary>Key of the colour axis in the returned model.</summary>
    public const string ColorAxisKey = "color";

    /// <summary>Width of the colour bar in device-independent pixels (OxyPlot draws the colour band as wide as the major tick size).</summary>
    private const double ColorBarWidth = 18;

    /// <summary>Gap between the plot area and the colour bar.</summary>
    private const double ColorBarGap = 10;

    /// <summary>Number of colours in the sequential palette.</summary>
    private const int SequentialPaletteSize = 256;

    /// <summary>Odd, so that the middle colour of the diverging palette is exactly white at 0.</summary>
    private const int DivergingPaletteSize = 255;

    /// <summary>Builds the heat map.</summary>
    /// <param name="xCenters">Cell centres along x, length <c>nx</c>; <c>xFaces[i] ≤ xCenters[i] ≤ xFaces[i+1]</c>.</param>
    /// <param name="yCenters">Cell centres along y, length <c>ny</c>; <c>yFaces[j] ≤ yCenters[j] ≤ yFaces[j+1]</c>.</param>
    /// <param name="xFaces">Cell faces along x, length <c>nx + 1</c>, strictly increasing.</param>
    /// <param name="yFaces">Cell faces along y, length <c>ny + 1</c>, strictly increasing.</param>
    /// <param name="values">Cell values, length <c>nx * ny</c>, index <c>i + nx * j</c>.</param>
    /// <param name="options">Labels and colour mapping; null for defaults.</param>
    /// <returns>A model with a heat-map series, bottom and left linear axes and a colour axis on the right.</returns>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="ArgumentException">The array lengths are inconsistent, faces are not strictly increasing, a centre lies outside its cell, or an option is invalid.</exception>
    public static PlotModel Create(
        double[] xCenters, double[] yCenters, double[] xFaces, double[] yFaces, double[] values,
        DensityHeatmapOptions? options = null)
    {
        options ??= new DensityHeatmapOptions();
        Validate(xCenters, xFaces, nameof(xCenters), nameof(xFaces));
        Validate(yCenters, yFaces, nameof(yCenters), nameof(yFaces));
        ArgumentNullException.ThrowIfNull(values);
        int nx = xCenters.Length, ny = yCenters.Length;
        if (values.Length != nx * ny)
            throw new ArgumentException($"values must have nx * ny = {nx} * {ny} = {nx * ny} entries, got {values.Length}.", nameof(values));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RasterWidth, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.RasterHeight, nameof(options));
        if (!(options.LogDecades > 0))
            throw new ArgumentException($"LogDecades must be positive, got {options.LogDecades}.", nameof(options));

        var scale = HeatmapColorRange.Compute(values, options);
        double[] mapped = new double[values.Length];
        for (int k = 0; k < values.Length; k++)
            mapped[k] = scale.Map(values[k]);

        var model = PlotTheme.CreateModel(options.Title, options.Subtitle);
        if (options.EqualAspect)
            model.PlotType = PlotType.Cartesian;
        model.Axes.Add(CreateAxis(AxisPosition.Bottom, options.XAxisTitle, xFaces));
        model.Axes.Add(CreateAxis(AxisPosition.Left, options.YAxisTitle, yFaces));
        model.Axes.Add(new LinearColorAxis
        {
            Key = ColorAxisKey,
            Position = AxisPosition.Right,
            Title = options.ColorScale == HeatmapColorScale.Log10 ? $"log₁₀({options.ColorBarTitle})" : options.ColorBarTitle,
            Palette = options.ColorScale == HeatmapColorScale.Diverging
                ? OxyPalettes.BlueWhiteRed(DivergingPaletteSize)
                : OxyPalettes.Viridis(SequentialPaletteSize),
            Minimum = scale.Minimum,
            Maximum = scale.Maximum,
            InvalidNumberColor = PlotTheme.UndefinedValueColor,
            RenderAsImage = true,
            AxisDistance = ColorBarGap,
            MajorTickSize = ColorBarWidth,
            TitleFontSize = PlotTheme.AxisTitleFontSize,
        });
        model.Series.Add(new HeatMapSeries
        {
            ColorAxisKey = ColorAxisKey,
            X0 = xFaces[0],
            X1 = xFaces[^1],
            Y0 = yFaces[0],
            Y1 = yFaces[^1],
            CoordinateDefinition = HeatMapCoordinateDefinition.Edge,
            Interpolate = false,
            RenderMethod = HeatMapRenderMethod.Bitmap,
            Data = TensorGridRaster.Build(xFaces, yFaces, mapped, options.RasterWidth, options.RasterHeight),
        });
        return model;
    }

    private static LinearAxis CreateAxis(AxisPosition position, string title, double[] faces) => new()
    {
        Position = position,
        Title = title,
        Minimum = faces[0],
        Maximum = faces[^1],
        MinimumPadding = 0,
        MaximumPadding = 0,
        TickStyle = TickStyle.Outside,
        TitleFontSize = PlotTheme.AxisTitleFontSize,
    };

    private static void Validate(double[] centers, double[] faces, string centersName, string facesName)
    {
        ArgumentNullException.ThrowIfNull(centers, centersName);
        ArgumentNullException.ThrowIfNull(faces, facesName);
        if (centers.Length == 0)
            throw new ArgumentException("At least one cell is needed.", centersName);
        if (faces.Length != centers.Length + 1)
            throw new ArgumentException($"{facesName} must have {centersName}.Length + 1 = {centers.Length + 1} entries, got {faces.Length}.", facesName);
        for (int i = 0; i < centers.Length; i++)
        {
            if (!double.IsFinite(faces[i]) || !double.IsFinite(faces[i + 1]) || !(faces[i + 1] > faces[i]))
                throw new ArgumentException($"{facesName} must be finite and strictly increasing; {facesName}[{i}] = {faces[i]}, {facesName}[{i + 1}] = {faces[i + 1]}.", facesName);
            if (!(centers[i] >= faces[i] && centers[i] <= faces[i + 1]))
                throw new ArgumentException($"{centersName}[{i}] = {centers[i]} lies outside its cell [{faces[i]}, {faces[i + 1]}].", centersName);
        }
    }
}
