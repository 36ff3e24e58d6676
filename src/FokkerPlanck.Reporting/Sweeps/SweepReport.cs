using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Reporting;

/// <summary>Writes the outputs of a merge: <c>sweep.csv</c>, <c>sweep.json</c> and <c>sweep.png</c>, each atomically.</summary>
public static class SweepReport
{
    /// <summary>File names of the outputs, in the order they are written.</summary>
    public static readonly IReadOnlyList<string> FileNames = ["sweep.csv", "sweep.json", "sweep.png"];

    /// <summary>Reads the shard folders, checks that they form one whole plan, and writes the merged outputs.</summary>
    /// <param name="shardFolders">The shard folders.</param>
    /// <param name="outDir">Output folder (created).</param>
    /// <returns>The merged sweep.</returns>
    /// <exception cref="SweepException">A folder is not a shard folder, or the shards do not form one whole plan; nothing is written then.</exception>
    public static MergedSweep Merge(IReadOnlyList<string> shardFolders, string outDir)
    {
        ArgumentNullException.ThrowIfNull(shardFolders);
        var merged = SweepMerge.Combine([.. shardFolders.Select(SweepFolder.Read)]);
        Directory.CreateDirectory(outDir);
        SweepTable.Write(Path.Combine(outDir, FileNames[0]), merged);
        JsonOutput.Write(Path.Combine(outDir, FileNames[1]), SweepJson.Build(merged));
        SweepFigures.OptimalPlateau(merged, Path.Combine(outDir, FileNames[2]));
        return merged;
    }
}
