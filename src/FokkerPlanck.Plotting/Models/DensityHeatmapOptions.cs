namespace FokkerPlanck.Plotting.Models;

/// <summary>Labels and colour mapping for <see cref="DensityHeatmap"/>.</summary>
public sealed record DensityHeatmapOptions
{
    /// <summary>Default maximum raster resolution per axis used to resample non-uniform grids.</summary>
    public const int DefaultRasterResolution = 800;

    /// <summary>Plot title, or null.</summary>
    public string? Title { get; init; }

    /// <summary>Subtitle, or null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Title of the horizontal axis (physical coordinate x).</summary>
    public string XAxisTitle { get; init; } = "x";

    /// <summary>Title of the vertical axis (physical coordinate y).</summary>
    public string YAxisTitle { get; init; } = "y";

    /// <summary>Label of the colour bar (the quantity; for <see cref="HeatmapColorScale.Log10"/> it is shown as <c>log₁₀(label)</c>).</summary>
    public string ColorBarTitle { get; init; } = "value";

    /// <summary>Colour mapping; default <see cref="HeatmapColorScale.Linear"/>.</summary>
    public HeatmapColorScale ColorScale { get; init; } = HeatmapColorScale.Linear;

    /// <summary>Lower end of the colour range in data units (not log), or null to derive it from the data. Values below are drawn in the lowest colour.</summary>
    public double? ColorMinimum { get; init; }

    /// <summary>Upper end of the colour range in data units (not log), or null to derive it from the data. Values above are drawn in the highest colour.</summary>
    public double? ColorMaximum { get; init; }

    /// <summary>For <see cref="HeatmapColorScale.Log10"/> without <see cref="ColorMinimum"/>: number of decades shown below the maximum (default 6).</summary>
    public double LogDecades { get; init; } = 6;

    /// <summary>
    /// Maximum horizontal raster resolution (pixels of the resampled image) for a non-uniform x grid.
    /// The raster uses 4 pixels per smallest cell width up to this limit; lower it to shrink SVG files.
    /// </summary>
    public int RasterWidth { get; init; } = DefaultRasterResolution;

    /// <summary>Maximum vertical raster resolution for a non-uniform y grid (see <see cref="RasterWidth"/>).</summary>
    public int RasterHeight { get; init; } = DefaultRasterResolution;

    /// <summary>If true, one unit in x has the same length on screen as one unit in y.</summary>
    public bool EqualAspect { get; init; }
}
