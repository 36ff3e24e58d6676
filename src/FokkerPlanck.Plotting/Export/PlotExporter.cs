using FokkerPlanck.Core.IO;
using OxyPlot;

namespace FokkerPlanck.Plotting.Export;

/// <summary>
/// Renders a <see cref="PlotModel"/> to a PNG (SkiaSharp) or SVG (OxyPlot's managed exporter) file,
/// chosen by the file extension, and writes it atomically.
/// </summary>
/// <remarks>
/// The image goes to a temporary file in the destination folder that is moved into place only
/// after rendering succeeded (<see cref="AtomicFile"/>): a failed PNG export (for instance a
/// missing native library) would otherwise leave a 0-byte file behind. A model without a visible
/// background is exported on white. For PNG, if the model's font family is not installed, an
/// installed family is substituted during the export (<see cref="FontResolver"/>) so that text is
/// drawn. The model is restored afterwards; do not export the same model from two threads at once.
/// </remarks>
public static class PlotExporter
{
    /// <summary>Resolution used for PNG output (OxyPlot units are 1/96 inch).</summary>
    public const float PngDpi = 96;

    /// <summary>Exports <paramref name="model"/> to <paramref name="path"/>.</summary>
    /// <param name="model">The plot.</param>
    /// <param name="path">Destination; the extension <c>.png</c> or <c>.svg</c> (any case) selects the format. The folder must exist.</param>
    /// <param name="width">Width in pixels (PNG) or user units (SVG).</param>
    /// <param name="height">Height in pixels (PNG) or user units (SVG).</param>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> or <paramref name="path"/> is null.</exception>
    /// <exception cref="ArgumentException">The extension is neither <c>.png</c> nor <c>.svg</c>, or the path is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> or <paramref name="height"/> is not positive.</exception>
    /// <exception cref="DirectoryNotFoundException">The destination folder does not exist.</exception>
    public static void Export(PlotModel model, string path, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var format = FormatOf(path);

        OxyColor originalBackground = model.Background;
        string? originalFont = model.DefaultFont;
        try
        {
            if (model.Background.IsInvisible())
                model.Background = OxyColors.White;
            if (format == ImageFormat.Png)
            {
                model.DefaultFont = FontResolver.Resolve(model.DefaultFont);
                AtomicFile.Write(path, stream =>
                {
                    var exporter = new OxyPlot.SkiaSharp.PngExporter { Width = width, Height = height, Dpi = PngDpi };
                    exporter.Export(model, stream);
                });
            }
            else
            {
                AtomicFile.Write(path, stream =>
                {
                    var exporter = new SvgExporter { Width = width, Height = height };
                    exporter.Export(model, stream);
                });
            }
        }
        finally
        {
            model.Background = originalBackground;
            model.DefaultFont = originalFont;
        }
    }

    private enum ImageFormat
    {
        Png,
        Svg,
    }

    private static ImageFormat FormatOf(string path)
    {
        string extension = Path.GetExtension(path);
        if (extension.Equals(".png", StringComparison.OrdinalIgnoreCase))
            return ImageFormat.Png;
        if (extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
            return ImageFormat.Svg;
        throw new ArgumentException($"Unsupported image extension '{extension}' in '{path}'; use .png or .svg.", nameof(path));
    }
}
