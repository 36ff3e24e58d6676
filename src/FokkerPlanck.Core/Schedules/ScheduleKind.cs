using FokkerPlanck.Core.Schedules.Shapes;

namespace FokkerPlanck.Core.Schedules;

/// <summary>One registered schedule kind: its name, syntax and a one-line description for help text.</summary>
public sealed class ScheduleKind
{
    internal ScheduleKind(string name, string[] aliases, string syntax, string summary, string[] examples, bool isDecay,
                          Func<string?, SpecContext, ScheduleShape> parser)
    {
        Name = name;
        Aliases = aliases;
        Syntax = syntax;
        Summary = summary;
        Examples = examples;
        IsDecay = isDecay;
        Parser = parser;
    }

    /// <summary>Canonical name, the word before <c>:</c> in a spec (e.g. <c>linear</c>).</summary>
    public string Name { get; }

    /// <summary>Other accepted names (e.g. <c>quench</c> for <c>constant</c>); specs are written back with <see cref="Name"/>.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>The spec syntax, e.g. <c>power:τ[,alpha=α]</c>.</summary>
    public string Syntax { get; }

    /// <summary>One-line description for help text.</summary>
    public string Summary { get; }

    /// <summary>Canonical example specs (the tests run every one).</summary>
    public IReadOnlyList<string> Examples { get; }

    /// <summary>True when the kind may stand as the decay phase of <c>wsd</c>.</summary>
    public bool IsDecay { get; }

    /// <summary>Reads the arguments (the text after <c>kind:</c>, null without a colon).</summary>
    internal Func<string?, SpecContext, ScheduleShape> Parser { get; }

    /// <summary>True when <paramref name="name"/> is this kind's name or an alias (case-insensitive).</summary>
    public bool Matches(string name)
        => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase)
           || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <inheritdoc/>
    public override string ToString() => $"{Syntax}: {Summary}";
}
