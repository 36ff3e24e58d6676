using FokkerPlanck.Core.Schedules.Profiles;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>constant</c> (alias <c>quench</c>): η = η_c for all t ≥ 0, starting from the equilibrium at η_h.</summary>
internal sealed class QuenchShape : ScheduleShape
{
    /// <inheritdoc/>
    public override string Kind => "constant";

    /// <inheritdoc/>
    public override string Spec => Kind;

    /// <summary>Reads <c>constant</c> (no arguments).</summary>
    public static ScheduleShape Parse(string? args, SpecContext context)
    {
        context.Split(args, 0);
        return new QuenchShape();
    }

    /// <inheritdoc/>
    internal override IEnumerable<SchedulePhase> Phases(double plateauLr, double finalLr) => [];

    /// <inheritdoc/>
    internal override string Describe(double plateauLr, double finalLr)
        => $"instant drop from {SpecText.Brief(plateauLr)} to {SpecText.Brief(finalLr)}";
}
