namespace FokkerPlanck.Core.TimeStepping;

/// <summary>The time-stepping schemes by name (every one runs through the same correctness tests).</summary>
public static class SchemeCatalog
{
    /// <summary>All schemes; the first is the default.</summary>
    public static IReadOnlyList<IImplicitScheme> All { get; } = [new TrBdf2Scheme(), new BackwardEulerScheme()];

    /// <summary>The default scheme (TR-BDF2).</summary>
    public static IImplicitScheme Default => All[0];

    /// <summary>The scheme called <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException">No scheme has that name; the message lists the known ones.</exception>
    public static IImplicitScheme Get(string name)
        => All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
           ?? throw new ArgumentException($"unknown time-stepping scheme \"{name}\"; known: {string.Join(", ", All.Select(s => s.Name))}.", nameof(name));
}
