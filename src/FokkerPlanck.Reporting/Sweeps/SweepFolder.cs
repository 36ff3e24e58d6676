using FokkerPlanck.Core.Sweeps;

namespace FokkerPlanck.Reporting;

/// <summary>
/// The output folder of one shard: <c>manifest.json</c> and one <c>items/ID.json</c> per finished item, each written
/// atomically as soon as it exists. Reopening a folder for the same plan and shard resumes it (finished items are
/// skipped); a folder of another plan or shard is refused before anything is written.
/// </summary>
public sealed class SweepFolder
{
    /// <summary>Name of the manifest file.</summary>
    public const string ManifestName = "manifest.json";

    /// <summary>Name of the item subfolder.</summary>
    public const string ItemsName = "items";

    private readonly SweepPlan _plan;
    private readonly SweepShard _shard;
    private readonly string _sweepFile;
    private readonly HashSet<string> _finished;

    private SweepFolder(string path, SweepPlan plan, SweepShard shard, string sweepFile, HashSet<string> finished)
    {
        Path = path;
        _plan = plan;
        _shard = shard;
        _sweepFile = sweepFile;
        _finished = finished;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>Items of the shard that already have a result (found when the folder was opened, or written since).</summary>
    public int FinishedCount => _finished.Count;

    /// <summary>Opens (creating or resuming) the folder of shard <paramref name="shard"/> of <paramref name="plan"/> and writes its manifest.</summary>
    /// <param name="path">The folder.</param>
    /// <param name="plan">The plan.</param>
    /// <param name="shard">The shard.</param>
    /// <param name="sweepFile">The sweep file (recorded in the manifest).</param>
    /// <exception cref="SweepException">The folder holds a shard of another plan or another shard.</exception>
    public static SweepFolder Open(string path, SweepPlan plan, SweepShard shard, string sweepFile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(shard);
        string manifestPath = System.IO.Path.Combine(path, ManifestName);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(manifestPath))
        {
            var old = SweepManifestJson.Read(manifestPath);
            if (old.Fingerprint != plan.Fingerprint || old.Shard != shard)
                throw new SweepException("--out", $"'{path}' holds shard {old.Shard} of plan {old.Fingerprint}, not shard {shard} of plan {plan.Fingerprint}; use another folder (a rerun resumes only the same sweep and shard).");
            foreach (var item in plan.ItemsOf(shard))
                if (IsWritten(path, item, plan.Fingerprint)) finished.Add(item.Id);
        }
        var folder = new SweepFolder(path, plan, shard, sweepFile, finished);
        Directory.CreateDirectory(System.IO.Path.Combine(path, ItemsName));
        folder.WriteManifest();
        return folder;
    }

    /// <summary>Whether <paramref name="item"/> already has its result here.</summary>
    public bool IsFinished(SweepItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return _finished.Contains(item.Id);
    }

    /// <summary>Writes an item's result (atomically); the manifest turns complete with the shard's last item.</summary>
    public void Write(SweepItemResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        JsonOutput.Write(ItemPath(Path, result.Item.Id), SweepItemJson.File(result, _plan.Fingerprint));
        _finished.Add(result.Item.Id);
        if (_finished.Count == _plan.ItemsOf(_shard).Count) WriteManifest();
    }

    /// <summary>Reads a shard folder back for a merge.</summary>
    /// <param name="path">The folder.</param>
    /// <exception cref="SweepException">The folder has no manifest, or a file in it is not what it should be.</exception>
    public static SweepShardContents Read(string path)
    {
        string manifestPath = System.IO.Path.Combine(path, ManifestName);
        if (!File.Exists(manifestPath))
            throw new SweepException($"'{path}'", Directory.Exists(path) ? $"is not a shard folder (no {ManifestName})." : "does not exist.");
        var manifest = SweepManifestJson.Read(manifestPath);
        var results = new List<SweepItemResult>();
        string items = System.IO.Path.Combine(path, ItemsName);
        if (Directory.Exists(items))
            foreach (string file in Directory.EnumerateFiles(items, "*.json").Order(StringComparer.Ordinal))
            {
                var (fingerprint, result) = SweepItemJson.Read(file);
                if (fingerprint != manifest.Fingerprint)
                    throw new SweepException($"item {result.Item.Id}", $"'{file}' belongs to plan {fingerprint}, but its folder to plan {manifest.Fingerprint}.");
                results.Add(result);
            }
        return new SweepShardContents(path, manifest, results);
    }

    private void WriteManifest()
        => JsonOutput.Write(System.IO.Path.Combine(Path, ManifestName),
            SweepManifestJson.Build(SweepManifest.Of(_plan, _shard, _finished.Count == _plan.ItemsOf(_shard).Count), _sweepFile));

    private static string ItemPath(string folder, string id) => System.IO.Path.Combine(folder, ItemsName, id + ".json");

    private static bool IsWritten(string folder, SweepItem item, string fingerprint)
    {
        string file = ItemPath(folder, item.Id);
        if (!File.Exists(file)) return false;
        try { return SweepItemJson.Read(file) is var (f, r) && f == fingerprint && r.Item.Id == item.Id; }
        catch (SweepException) { return false; } // an unreadable item is run again and overwritten
    }
}
