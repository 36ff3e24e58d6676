using System.Globalization;

namespace FokkerPlanck.Core.Schedules.Shapes;

/// <summary><c>power:τ[,alpha=α]</c>: see <see cref="AsymptoticDecayShape"/>.</summary>
/// <param name="tau">τ.</param>
/// <param name="alpha">α.</param>
internal sealed class PowerLawShape(Duration tau, double alpha) : AsymptoticDecayShape(tau, alpha)
{
    /// <summary>α when the spec gives none (a quadratic tail: faster than 1/t, still a power law).</summary>
    public const double DefaultAlpha = 2;

    /// <inheritdoc/>
    public override string Kind => "power";

    /// <inheritdoc/>
    public override string Spec => Alpha == DefaultAlpha ? $"power:{Tau}" : $"power:{Tau},alpha={SpecText.Number(Alpha)}";

    /// <inheritdoc/>
    protected override string Name => $"power-law decay (α = {Alpha.ToString("G4", CultureInfo.InvariantCulture)})";

    /// <summary>Reads <c>power:τ[,alpha=α]</c>.</summary>
    public static ScheduleShape Parse(string? args, SpecContext context)
    {
        var (positional, named) = context.Split(args, 1, "alpha");
        double alpha = DefaultAlpha;
        if (named.TryGetValue("alpha", out string? text))
        {
            alpha = context.Number(text, "alpha=" + text, "alpha must be a number > 0");
            if (!(alpha > 0)) throw context.Error("alpha=" + text, $"alpha must be > 0, got {text}; {context.Expected}");
        }
        return new PowerLawShape(ParseTau(positional[0], context), alpha);
    }
}
