using FokkerPlanck.Core.Schedules.Shapes;

namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// The registered schedule kinds, by spec name, and the spec parser: <c>KIND[:ARGS]</c>, e.g.
/// <c>cosine:20</c> or <c>wsd:warmup=50steps,stable=2000steps,decay=linear:500steps</c>.
/// Tests iterate over <see cref="Kinds"/> and their examples.
/// </summary>
public static class ScheduleCatalog
{
    /// <summary>Every kind, in the order help text lists them.</summary>
    public static IReadOnlyList<ScheduleKind> Kinds { get; } =
    [
        new("constant", ["quench"], "constant", "instant drop from the plateau to the final LR at t = 0", ["constant"], true, QuenchShape.Parse),
        new("linear", [], "linear:D", "linear decay over D", ["linear:10", "linear:500steps"], true,
            (args, context) => new LinearShape(FiniteDecayShape.ParseDuration(args, context))),
        new("cosine", [], "cosine:D", "cosine (half-period) decay over D", ["cosine:10", "cosine:300steps"], true,
            (args, context) => new CosineShape(FiniteDecayShape.ParseDuration(args, context))),
        new("exp", [], "exp:D", "geometric decay (constant ratio per unit) over D", ["exp:10", "exp:300steps"], true,
            (args, context) => new ExponentialShape(FiniteDecayShape.ParseDuration(args, context))),
        new("power", [], "power:τ[,alpha=α]", "power-law decay η_c + (η_h − η_c)(1 + u/τ)^−α toward the final LR (α > 0, default 2)",
            ["power:5", "power:50steps,alpha=3"], true, PowerLawShape.Parse),
        new("inverse", ["1/t"], "inverse:τ", "1/t decay η_c + (η_h − η_c)/(1 + u/τ) toward the final LR", ["inverse:5", "inverse:40steps"], true, InverseShape.Parse),
        new("step", [], "step:D[,n=N]", "N equal drops in log-LR at D/N, 2D/N, …, D (N ≥ 1, default 3)", ["step:10", "step:300steps,n=4"], true, StepShape.Parse),
        new("wsd", [], "wsd:[warmup=W,][stable=S,][from=η0,]decay=SHAPE",
            "linear warm-up from η0 (default the final LR) over W, the plateau for S, then a decay SHAPE (decay= last)",
            ["wsd:warmup=5,stable=20,decay=cosine:10", "wsd:warmup=50steps,stable=2000steps,decay=linear:500steps", "wsd:warmup=3,stable=4,from=0.01,decay=power:5,alpha=1.5"],
            false, WsdShape.Parse),
        new("table", [], "table:PATH", "η from a CSV file with columns t (or step) and lr, linear between rows, fixes its own LRs",
            ["table:lr.csv"], false, TableShape.Parse),
    ];

    /// <summary>The canonical names, comma-separated, for messages: <c>constant, linear, …</c>.</summary>
    public static string KnownKinds => string.Join(", ", Kinds.Select(k => k.Name));

    /// <summary>Help text: one line per kind (syntax and summary), then what a duration is.</summary>
    public static string HelpText
        => string.Join(Environment.NewLine, Kinds.Select(k => $"  {k.Syntax,-48} {k.Summary}"))
           + Environment.NewLine + $"  D, W, S, τ: {Duration.Syntax}; 0 means an instant drop.";

    /// <summary>The kind called <paramref name="name"/> (or an alias of it), or null.</summary>
    public static ScheduleKind? Find(string name) => Kinds.FirstOrDefault(k => k.Matches(name.Trim()));

    /// <summary>Parses a spec into a shape (a <c>table:</c> file is read now).</summary>
    /// <param name="spec">The spec, <c>KIND[:ARGS]</c>.</param>
    /// <param name="baseDirectory">Folder that relative table paths are resolved against (default: the current directory).</param>
    /// <exception cref="ScheduleException">The spec or the table is invalid; the message names the offending part.</exception>
    public static IScheduleShape Parse(string spec, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return Parse(spec, new SpecContext(spec, baseDirectory ?? Directory.GetCurrentDirectory()), decayOnly: false);
    }

    /// <summary>Parses <paramref name="spec"/> (the whole spec, or the decay of a wsd) in <paramref name="context"/>.</summary>
    internal static ScheduleShape Parse(string spec, SpecContext context, bool decayOnly)
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        string name = (colon < 0 ? spec : spec[..colon]).Trim();
        string? args = colon < 0 ? null : spec[(colon + 1)..];
        if (name.Length == 0)
            throw context.Error(spec, $"no schedule kind; write KIND[:ARGS], e.g. linear:10; known: {KnownKinds}");
        var kind = Find(name) ?? throw context.Error(spec, $"unknown schedule kind \"{name}\"; known: {KnownKinds}");
        if (decayOnly && !kind.IsDecay)
            throw context.Error(spec, $"decay= takes a decay shape ({string.Join(", ", Kinds.Where(k => k.IsDecay).Select(k => k.Name))}), not {kind.Name}");
        return kind.Parser(args, context with { Kind = kind });
    }
}
