using OxyPlot;

namespace FokkerPlanck.Plotting;

/// <summary>
/// Shared look of all plots built in this project: font, font sizes, background, series colours
/// and the neutral colour used for undefined values.
/// </summary>
public static class PlotTheme
{
    /// <summary>
    /// Font family set on every model. DejaVu Sans ships with Debian/Ubuntu (<c>fonts-dejavu-core</c>)
    /// and covers Greek letters, subscripts and ∞; the PNG exporter substitutes an installed family
    /// when it is missing (see <see cref="Export.PlotExporter"/>).
    /// </summary>
    public const string FontFamily = "DejaVu Sans";

    /// <summary>Base font size in points (tick labels, legend).</summary>
    public const double FontSize = 13;

    /// <summary>Font size of axis titles in points.</summary>
    public const double AxisTitleFontSize = 14;

    /// <summary>Font size of the plot title in points.</summary>
    public const double TitleFontSize = 16;

    /// <summary>Neutral colour for heat-map cells whose value is NaN or ±∞.</summary>
    public static OxyColor UndefinedValueColor { get; } = OxyColor.FromRgb(0xB8, 0xB8, 0xB8);

    /// <summary>Colour of grid lines.</summary>
    public static OxyColor GridLineColor { get; } = OxyColor.FromRgb(0xDD, 0xDD, 0xDD);

    /// <summary>Colour of reference lines (zero line, marker lines, reference slopes).</summary>
    public static OxyColor ReferenceLineColor { get; } = OxyColor.FromRgb(0x55, 0x55, 0x55);

    /// <summary>
    /// Series colours in order (the widely used "tab10" qualitative palette, distinguishable for
    /// most colour-vision deficiencies in its first entries).
    /// </summary>
    public static IReadOnlyList<OxyColor> SeriesColors { get; } =
    [
        OxyColor.FromRgb(0x1F, 0x77, 0xB4), OxyColor.FromRgb(0xFF, 0x7F, 0x0E), OxyColor.FromRgb(0x2C, 0xA0, 0x2C),
        OxyColor.FromRgb(0xD6, 0x27, 0x28), OxyColor.FromRgb(0x94, 0x67, 0xBD), OxyColor.FromRgb(0x8C, 0x56, 0x4B),
        OxyColor.FromRgb(0xE3, 0x77, 0xC2), OxyColor.FromRgb(0x7F, 0x7F, 0x7F), OxyColor.FromRgb(0xBC, 0xBD, 0x22),
        OxyColor.FromRgb(0x17, 0xBE, 0xCF),
    ];

    /// <summary>Creates an empty model with the theme applied (white background, fonts, colours).</summary>
    /// <param name="title">Plot title, or null for none.</param>
    /// <param name="subtitle">Subtitle, or null for none.</param>
    /// <returns>A new model.</returns>
    public static PlotModel CreateModel(string? title, string? subtitle = null)
    {
        var model = new PlotModel
        {
            Title = title,
            Subtitle = subtitle,
            DefaultFont = FontFamily,
            DefaultFontSize = FontSize,
            TitleFontSize = TitleFontSize,
            TitleFontWeight = FontWeights.Bold,
            SubtitleFontSize = FontSize,
            Background = OxyColors.White,
            PlotAreaBackground = OxyColors.White,
            PlotAreaBorderColor = OxyColor.FromRgb(0x40, 0x40, 0x40),
            PlotAreaBorderThickness = new OxyThickness(1),
            TextColor = OxyColors.Black,
        };
        model.DefaultColors = [.. SeriesColors];
        return model;
    }
}
