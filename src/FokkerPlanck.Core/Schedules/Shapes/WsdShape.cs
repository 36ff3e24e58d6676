using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// <c>wsd:[warmup=W,][stable=S,][from=η0,]decay=SHAPE</c>: a linear warm-up from η0 (default η_c)
/// to η_h over W, η_h held for S, then the decay SHAPE (any decay kind) from η_h to η_c. The run
/// starts at η0 when W &gt; 0; the phase boundaries are breakpoints.
/// </summary>
/// <param name="warmup">W (zero: no warm-up).</param>
/// <param name="stable">S (zero: no stable phase).</param>
/// <param name="warmupStartLr">η0, or null for η_c.</param>
/// <param name="decay">The decay shape.</param>
internal sealed class WsdShape(Duration warmup, Duration stable, double? warmupStartLr, ScheduleShape decay) : ScheduleShape
{
    private const string DecayKey = "decay";
    private static readonly string[] PhaseKeys = ["warmup", "stable", "from"];

    /// <summary>W.</summary>
    public Duration Warmup { get; } = warmup;

    /// <summary>S.</summary>
    public Duration Stable { get; } = stable;

    /// <summary>η0, or null for η_c.</summary>
    public double? WarmupStartLr { get; } = warmupStartLr;

    /// <summary>The decay phase's shape.</summary>
    public ScheduleShape Decay { get; } = decay;

    /// <inheritdoc/>
    public override string Kind => "wsd";

    /// <inheritdoc/>
    public override string Spec
    {
        get
        {
            var parts = new List<string>();
            if (Warmup.Value > 0) parts.Add($"warmup={Warmup}");
            if (Stable.Value > 0) parts.Add($"stable={Stable}");
            if (WarmupStartLr is double from) parts.Add($"from={SpecText.Number(from)}");
            parts.Add($"{DecayKey}={Decay.Spec}");
            return "wsd:" + string.Join(",", parts);
        }
    }

    /// <summary>Reads the wsd arguments: everything after <c>decay=</c> is the decay spec, so decay= comes last.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context)
    {
        string text = args ?? "";
        var (decayAt, decayValueAt) = FindDecay(text);
        if (decayAt < 0) throw context.Error(text.Length == 0 ? context.FullSpec : text, $"wsd needs decay=SHAPE; {context.Expected}");
        string decaySpec = text[decayValueAt..];
        var misplaced = decaySpec.Split(',').Select(s => s.Trim()).FirstOrDefault(s => PhaseKeys.Any(k => s.StartsWith(k + "=", StringComparison.OrdinalIgnoreCase)));
        if (misplaced is not null) throw context.Error(misplaced, $"decay= must be the last argument of wsd (everything after it is the decay shape); {context.Expected}");
        var named = context.Split(text[..decayAt].TrimEnd().TrimEnd(','), 0, PhaseKeys).Named;
        var warmup = named.TryGetValue("warmup", out string? w) ? context.Duration(w, "warmup=" + w, "the warm-up W") : Duration.Zero;
        var stable = named.TryGetValue("stable", out string? s) ? context.Duration(s, "stable=" + s, "the stable phase S") : Duration.Zero;
        double? from = null;
        if (named.TryGetValue("from", out string? f))
        {
            from = context.Number(f, "from=" + f, "from= is the learning rate the warm-up starts from");
            if (!(from > 0)) throw context.Error("from=" + f, $"the warm-up start learning rate must be > 0, got {f}");
            if (warmup.Value == 0) throw context.Error("from=" + f, "from= sets where the warm-up starts, but there is no warm-up; add warmup=W (> 0) or drop from=");
        }
        var decay = ScheduleCatalog.Parse(decaySpec, context with { Kind = null }, decayOnly: true);
        return new WsdShape(warmup, stable, from, decay);
    }

    /// <inheritdoc/>
    internal override double InitialLr(double plateauLr, double finalLr) => Warmup.Value > 0 ? WarmupStartLr ?? finalLr : plateauLr;

    /// <inheritdoc/>
    internal override IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr)
        => WarmupPhase(plateauLr, finalLr).Concat(StablePhase(plateauLr)).Concat(Decay.Phases(plateauLr, finalLr));

    /// <inheritdoc/>
    internal override string Describe(double plateauLr, double finalLr)
    {
        var parts = new List<string>();
        if (Warmup.Value > 0)
            parts.Add($"warm-up from {SpecText.Brief(InitialLr(plateauLr, finalLr))} to {SpecText.Brief(plateauLr)} over {SpecText.Length(Warmup, WarmupPhase(plateauLr, finalLr))}");
        if (Stable.Value > 0)
            parts.Add($"stable at {SpecText.Brief(plateauLr)} for {SpecText.Length(Stable, StablePhase(plateauLr))}");
        parts.Add((parts.Count > 0 ? "then " : "") + Decay.Describe(plateauLr, finalLr));
        return string.Join(", ", parts);
    }

    private IEnumerable<SchedulePhase> WarmupPhase(double plateauLr, double finalLr)
        => PhaseOver(Warmup, new LinearProfile(InitialLr(plateauLr, finalLr), plateauLr));

    private IEnumerable<SchedulePhase> StablePhase(double plateauLr)
        => PhaseOver(Stable, new ConstantProfile(plateauLr, isAsymptotic: false));

    /// <summary>Where the argument <c>decay=…</c> starts and where its value starts, or (−1, −1).</summary>
    private static (int Item, int Value) FindDecay(string args)
    {
        int offset = 0;
        foreach (string item in args.Split(','))
        {
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0 && item[..eq].Trim().Equals(DecayKey, StringComparison.OrdinalIgnoreCase))
                return (offset, offset + eq + 1);
            offset += item.Length + 1;
        }
        return (-1, -1);
    }
}
