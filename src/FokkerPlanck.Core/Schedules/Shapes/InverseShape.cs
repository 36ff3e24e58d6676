namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>inverse:τ</c> (alias <c>1/t</c>): the α = 1 power law <c>η_c + (η_h − η_c)/(1 + u/τ)</c>.</summary>
/// <param name="tau">τ.</param>
internal sealed class InverseShape(Duration tau) : AsymptoticDecayShape(tau, 1)
{
    /// <inheritdoc/>
    public override string Kind => "inverse";

    /// <inheritdoc/>
    public override string Spec => $"inverse:{Tau}";

    /// <inheritdoc/>
    protected override string Name => "1/t decay";

    /// <summary>Reads <c>inverse:τ</c>.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context)
        => new InverseShape(ParseTau(context.Split(args, 1).Positional[0], context));
}
