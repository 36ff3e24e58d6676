namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// The shape <c>f(x) &gt; 0</c> of one smooth schedule phase in its normalized variable x: the
/// fraction <c>u/D</c> of the phase's duration (or <c>k/N</c> of its steps) on <c>[0, 1]</c>, or
/// <c>u/τ</c> on <c>[0, ∞)</c> for an asymptotic phase.
/// </summary>
/// <remarks>
/// A phase in time has <c>η(u) = f(u/D)</c> and takes <c>D·G(u/D)</c> steps; a phase in steps has
/// <c>η_k = f(k/N)</c> and lasts <c>t = N·F(k/N)</c>, with <c>F = ∫f</c> and <c>G = ∫1/f</c>
/// (see <see cref="SchedulePhase"/>). Both are increasing, so each is inverted by
/// <see cref="MonotoneInverse"/>.
/// </remarks>
internal interface IRateProfile
{
    /// <summary>True when x runs over <c>[0, ∞)</c> (the rate only approaches its end value).</summary>
    bool IsAsymptotic { get; }

    /// <summary>The smallest rate on the domain (a bound used to bracket inversions).</summary>
    double MinRate { get; }

    /// <summary>The largest rate on the domain.</summary>
    double MaxRate { get; }

    /// <summary><c>f(x)</c>.</summary>
    double Rate(double x);

    /// <summary><c>F(x) = ∫₀ˣ f</c>.</summary>
    double RateIntegral(double x);

    /// <summary><c>G(x) = ∫₀ˣ 1/f</c>.</summary>
    double ReciprocalIntegral(double x);
}
