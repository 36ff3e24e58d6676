using FokkerPlanck.Plotting.Export;
using OxyPlot;

namespace FokkerPlanck.Validation.Support;

/// <summary>Writes plots of a case as PNG into its output folder.</summary>
internal static class Plots
{
    /// <summary>Exports <paramref name="model"/> to <c>outputDirectory/fileName</c> and returns <paramref name="fileName"/>.</summary>
    public static string Save(PlotModel model, string outputDirectory, string fileName)
    {
        PlotExporter.Export(model, Path.Combine(outputDirectory, fileName), 900, 600);
        return fileName;
    }
}
