namespace FokkerPlanck.Core.Discretization;

/// <summary>The registered face fluxes, by scenario name; tests iterate over <see cref="All"/>.</summary>
public static class FaceFluxCatalog
{
    /// <summary>Every flux, the default (Scharfetter–Gummel) first.</summary>
    public static IReadOnlyList<IFaceFlux> All { get; } = [new ScharfetterGummelFlux(), new SquareRootApproximationFlux()];

    /// <summary>The flux called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name; the message lists the valid ones.</exception>
    public static IFaceFlux Get(string name)
        => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new ArgumentException($"Unknown flux '{name}'; expected one of {string.Join(", ", All.Select(f => $"\"{f.Name}\""))}.", nameof(name));
}
