using System.Security.Cryptography;
using System.Text;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>
/// A sweep expanded into independent work items: the Cartesian product of the axes in a fixed order (grid
/// outermost, then κ, then the parameters in file order, then the final LR innermost), each item with its index,
/// stable id and seed, and a fingerprint that identifies the plan across machines.
/// </summary>
/// <remarks>
/// The fingerprint is the first 16 hex digits of SHA-256 over the scenario identity (a sweep file's scenario
/// text), the settings and every item id, so shards run on different machines from copies of the same files
/// agree on it, and any change to the scenario, an axis or a setting changes it.
/// </remarks>
public sealed class SweepPlan
{
    /// <summary>Most work items in one plan (the index must fit an <see cref="int"/>, and a million items is far beyond any sensible spectral sweep).</summary>
    public const int MaxItems = 1_000_000;

    /// <summary>Hex digits of the fingerprint kept (64 bits: collisions between the plans of one project are out of reach).</summary>
    private const int FingerprintHexDigits = 16;

    private SweepPlan(SweepAxes axes, SweepSettings settings, IReadOnlyList<SweepItem> items, string fingerprint)
    {
        Axes = axes;
        Settings = settings;
        Items = items;
        Fingerprint = fingerprint;
    }

    /// <summary>The axes.</summary>
    public SweepAxes Axes { get; }

    /// <summary>What each item computes.</summary>
    public SweepSettings Settings { get; }

    /// <summary>The work items, by index.</summary>
    public IReadOnlyList<SweepItem> Items { get; }

    /// <summary>Identifies the plan (see remarks).</summary>
    public string Fingerprint { get; }

    /// <summary>Expands <paramref name="axes"/>.</summary>
    /// <param name="axes">The lists; each non-empty.</param>
    /// <param name="settings">What each item computes.</param>
    /// <param name="identity">Text that identifies what the axes apply to (a sweep file's scenario text); enters the fingerprint.</param>
    /// <exception cref="ArgumentException">An axis is empty, or the plan has more than <see cref="MaxItems"/> items.</exception>
    public static SweepPlan Create(SweepAxes axes, SweepSettings settings, string identity)
    {
        ArgumentNullException.ThrowIfNull(axes);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(identity);
        axes.Validate();
        if (axes.Count > MaxItems) throw new ArgumentException($"the sweep has {axes.Count} items; at most {MaxItems} are allowed.", nameof(axes));
        var items = new List<SweepItem>((int)axes.Count);
        foreach (var grid in axes.Grids)
            foreach (double kappa in axes.Kappas)
                foreach (var parameters in ParameterCombinations(axes.Parameters))
                    foreach (double lr in axes.FinalLrs)
                    {
                        int index = items.Count;
                        items.Add(new SweepItem(index, SweepItem.IdOf(lr, kappa, grid, parameters), SweepItem.SeedOf(index), lr, kappa, grid, parameters));
                    }
        return new SweepPlan(axes, settings, items, Digest(identity, settings, items));
    }

    /// <summary>A plan over final LRs alone, at the scenario's κ, grid and parameters (the final-LR sweep of <c>MpembaStudy</c>).</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="finalLrs">The final LRs.</param>
    /// <param name="settings">What each item computes.</param>
    public static SweepPlan OverFinalLrs(Scenario scenario, IReadOnlyList<double> finalLrs, SweepSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Create(new SweepAxes(finalLrs, [scenario.Kappa], [GridCells.Of(scenario)], []), settings, scenario.Name);
    }

    /// <summary>The items of one shard, by index.</summary>
    /// <param name="shard">The shard.</param>
    public IReadOnlyList<SweepItem> ItemsOf(SweepShard shard)
    {
        ArgumentNullException.ThrowIfNull(shard);
        return [.. Items.Where(i => shard.Contains(i.Index))];
    }

    private static IEnumerable<KeyValuePair<string, double>[]> ParameterCombinations(IReadOnlyList<ParameterAxis> axes)
    {
        IEnumerable<KeyValuePair<string, double>[]> combos = [[]];
        foreach (var axis in axes)
        {
            var captured = axis;
            combos = combos.SelectMany(c => captured.Values.Select(v => (KeyValuePair<string, double>[])[.. c, new(captured.Name, v)])).ToArray();
        }
        return combos;
    }

    private static string Digest(string identity, SweepSettings settings, IReadOnlyList<SweepItem> items)
    {
        var text = new StringBuilder("fokkerplanck-sweep-plan-v1\n").Append(identity).Append('\n')
            .Append($"grid_study={settings.GridStudy};reduced_1d={settings.Reduced1D}\n");
        foreach (var item in items) text.Append(item.Id).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..FingerprintHexDigits];
    }
}
