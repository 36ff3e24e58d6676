using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>The values of one landscape parameter that a sweep takes.</summary>
/// <param name="Name">The parameter's name (declared in the scenario's <c>"parameters"</c>).</param>
/// <param name="Values">Its values, in the order of the sweep file.</param>
public sealed record ParameterAxis(string Name, IReadOnlyList<double> Values);

/// <summary>What the analysis of each work item computes (the same for every item of a plan).</summary>
/// <param name="GridStudy">Repeat each item on a coarser and a finer grid for error bars on η_h*.</param>
/// <param name="Reduced1D">Also analyse the river-only (1D) reduction (valley–river scenarios).</param>
public sealed record SweepSettings(bool GridStudy, bool Reduced1D);

/// <summary>
/// The lists whose Cartesian product a sweep runs: final LRs × κ × grids × landscape parameters. Every list
/// holds at least one value (an axis the sweep file leaves out holds the scenario's own value).
/// </summary>
/// <param name="FinalLrs">Final (bath) learning rates η_c.</param>
/// <param name="Kappas">κ in T = κη.</param>
/// <param name="Grids">Grid cell counts.</param>
/// <param name="Parameters">Landscape parameters, one axis each, in the order of the sweep file.</param>
public sealed record SweepAxes(IReadOnlyList<double> FinalLrs, IReadOnlyList<double> Kappas, IReadOnlyList<GridCells> Grids, IReadOnlyList<ParameterAxis> Parameters)
{
    /// <summary>The number of work items (the product of the list lengths).</summary>
    public long Count => Parameters.Aggregate((long)FinalLrs.Count * Kappas.Count * Grids.Count, (n, p) => n * p.Values.Count);

    /// <summary>Checks that every list is non-empty.</summary>
    /// <exception cref="ArgumentException">A list is empty.</exception>
    internal void Validate()
    {
        if (FinalLrs.Count == 0 || Kappas.Count == 0 || Grids.Count == 0 || Parameters.Any(p => p.Values.Count == 0))
            throw new ArgumentException("every axis of a sweep needs at least one value.");
    }
}
