using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Reporting;

/// <summary>The merged <c>sweep.csv</c>: one row per item, by plan index; coordinates, then the findings.</summary>
public static class SweepTable
{
    /// <summary>Writes the table (atomically).</summary>
    /// <param name="path">Destination.</param>
    /// <param name="merged">The merged sweep.</param>
    public static void Write(string path, MergedSweep merged)
    {
        ArgumentNullException.ThrowIfNull(merged);
        var coordinates = SweepCoordinate.All([.. merged.Results.Select(r => r.Item)]);
        var header = new List<string> { "index", "id" };
        header.AddRange(coordinates.Select(c => c.Name));
        header.AddRange(["status", "optimal_plateau_lr", "optimal_plateau_lr_error", "gain", "lambda2", "lambda3", "closest_approach_lr", "optimal_plateau_lr_1d", "strong_points"]);
        var rows = merged.Results.Select(r =>
        {
            var row = new List<object?> { r.Item.Index, r.Item.Id };
            row.AddRange(coordinates.Select(c => c.Kind == SweepAxisKind.Grid ? (object)c.Text(r.Item) : c.Value(r.Item)));
            var best = r.Optimal;
            row.AddRange([r.Status.ToString(), best?.Lr ?? double.NaN, best?.Error ?? double.NaN, r.Gain, r.Lambda2, r.Lambda3, r.ClosestApproachLr,
                r.Optimal1D?.Lr ?? double.NaN, string.Join(';', r.Points.Select(p => $"{p.Kind}:{SweepItem.Number(p.Lr)}"))]);
            return (IReadOnlyList<object?>)row;
        });
        CsvTableWriter.Write(path, header, rows);
    }
}
