namespace FokkerPlanck.Core.Sweeps;

/// <summary>Which axis of a sweep a coordinate belongs to.</summary>
public enum SweepAxisKind
{
    /// <summary>The final LR η_c.</summary>
    FinalLr,
    /// <summary>κ in T = κη.</summary>
    Kappa,
    /// <summary>The grid's cell counts.</summary>
    Grid,
    /// <summary>A landscape parameter.</summary>
    Parameter,
}

/// <summary>One coordinate of the sweep items (an axis), for tables and figures.</summary>
/// <param name="Kind">The axis.</param>
/// <param name="Name">Its name as in sweep files and table headers: <c>final_lr</c>, <c>kappa</c>, <c>grid</c>, or the parameter's name.</param>
public sealed record SweepCoordinate(SweepAxisKind Kind, string Name)
{
    /// <summary>The item's value on this axis as text (grids as <c>NXxNY</c>, numbers in shortest round-trip form).</summary>
    public string Text(SweepItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Kind == SweepAxisKind.Grid ? item.Grid.ToString() : SweepItem.Number(Value(item));
    }

    /// <summary>The item's value on this axis as a number (a grid: its cells along y).</summary>
    public double Value(SweepItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return Kind switch
        {
            SweepAxisKind.FinalLr => item.FinalLr,
            SweepAxisKind.Kappa => item.Kappa,
            SweepAxisKind.Grid => item.Grid.Ny,
            _ => item.Parameters.First(p => p.Key == Name).Value,
        };
    }

    /// <summary>Every coordinate of the items, in plan order (grid, κ, parameters, final LR).</summary>
    /// <param name="items">Items of one plan.</param>
    public static IReadOnlyList<SweepCoordinate> All(IReadOnlyList<SweepItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var all = new List<SweepCoordinate> { new(SweepAxisKind.Grid, "grid"), new(SweepAxisKind.Kappa, "kappa") };
        if (items.Count > 0) all.AddRange(items[0].Parameters.Select(p => new SweepCoordinate(SweepAxisKind.Parameter, p.Key)));
        all.Add(new SweepCoordinate(SweepAxisKind.FinalLr, "final_lr"));
        return all;
    }

    /// <summary>The coordinates that take more than one value among the items (the swept ones), in plan order.</summary>
    /// <param name="items">Items of one plan.</param>
    public static IReadOnlyList<SweepCoordinate> Swept(IReadOnlyList<SweepItem> items)
        => [.. All(items).Where(c => items.Select(c.Text).Distinct(StringComparer.Ordinal).Skip(1).Any())];
}
