using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary>
/// <c>step:D[,n=N]</c>: N equal drops in log-LR at <c>u = D·j/N</c>, j = 1..N; after drop j,
/// <c>η = η_h (η_c/η_h)^{j/N}</c>, so η_c is reached at u = D. Each level is one segment.
/// </summary>
/// <param name="duration">D, in time or steps.</param>
/// <param name="drops">N ≥ 1.</param>
internal sealed class StepShape(Duration duration, int drops) : ScheduleShape
{
    /// <summary>Drops when none is given (the classic three tenfold-style drops).</summary>
    public const int DefaultDrops = 3;

    /// <summary>D.</summary>
    public Duration Duration { get; } = duration;

    /// <summary>N.</summary>
    public int Drops { get; } = drops;

    /// <inheritdoc/>
    public override string Kind => "step";

    /// <inheritdoc/>
    public override string Spec => Drops == DefaultDrops ? $"step:{Duration}" : $"step:{Duration},n={Drops}";

    /// <summary>Reads <c>step:D[,n=N]</c>.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context)
    {
        var (positional, named) = context.Split(args, 1, "n");
        int drops = DefaultDrops;
        if (named.TryGetValue("n", out string? text))
        {
            double n = context.Number(text, "n=" + text, "n must be a whole number ≥ 1");
            if (!(n >= 1) || n != Math.Floor(n) || n > int.MaxValue)
                throw context.Error("n=" + text, $"n (the number of drops) must be a whole number ≥ 1, got {text}; {context.Expected}");
            drops = (int)n;
        }
        return new StepShape(context.Duration(positional[0], positional[0], "the decay duration D"), drops);
    }

    /// <inheritdoc/>
    internal override IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr)
    {
        if (Duration.Value == 0) yield break;
        for (int j = 0; j < Drops; j++)
        {
            double level = plateauLr * Math.Pow(finalLr / plateauLr, (double)j / Drops);
            yield return new SchedulePhase(new ConstantProfile(level, isAsymptotic: false), Duration.Value / Drops, Duration.InSteps);
        }
    }

    /// <inheritdoc/>
    internal override string Describe(double plateauLr, double finalLr)
    {
        string lrs = $"from {SpecText.Brief(plateauLr)} to {SpecText.Brief(finalLr)}";
        string drops = Drops == 1 ? "1 drop" : $"{Drops} equal log-LR drops";
        return Duration.Value > 0
            ? $"step decay {lrs} in {drops} over {SpecText.Length(Duration, Phases(plateauLr, finalLr))}"
            : $"instant drop {lrs} ({Spec})";
    }
}
