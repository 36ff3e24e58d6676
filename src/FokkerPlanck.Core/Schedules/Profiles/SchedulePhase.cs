namespace FokkerPlanck.Core.Schedules.Profiles;

/// <summary>
/// One smooth phase of a schedule: a rate profile stretched over a duration given either in time
/// or in SGD steps, with the maps between local time u (from the phase start), local step count
/// and the learning rate.
/// </summary>
/// <remarks>
/// <para>In time (scale D): <c>η(u) = f(u/D)</c>, steps <c>k(u) = D·G(u/D)</c>, inverted for the time at k.</para>
/// <para>In steps (scale N): <c>η_k = f(k/N)</c>, so <c>t(k) = N·F(k/N)</c> (the continuous SGD clock,
/// <c>dt/dk = η</c>), inverted for the step fraction at u; the step count is then exact.</para>
/// <para>An asymptotic profile (x ∈ [0, ∞)) makes the phase infinite; D or N is then its τ.</para>
/// </remarks>
internal sealed class SchedulePhase
{
    /// <summary>Creates a phase.</summary>
    /// <param name="profile">Rate profile in the normalized variable.</param>
    /// <param name="scale">D or N (or τ): the time or step count at which x = 1; &gt; 0.</param>
    /// <param name="inSteps">True when <paramref name="scale"/> counts steps.</param>
    public SchedulePhase(IRateProfile profile, double scale, bool inSteps)
    {
        Profile = profile;
        Scale = scale;
        InSteps = inSteps;
        UnitTime = inSteps ? scale * profile.RateIntegral(1) : scale;
        UnitSteps = inSteps ? scale : scale * profile.ReciprocalIntegral(1);
        TimeLength = profile.IsAsymptotic ? double.PositiveInfinity : UnitTime;
        StepLength = profile.IsAsymptotic ? double.PositiveInfinity : UnitSteps;
    }

    /// <summary>The rate profile.</summary>
    public IRateProfile Profile { get; }

    /// <summary>D, N or τ.</summary>
    public double Scale { get; }

    /// <summary>True when <see cref="Scale"/> counts steps.</summary>
    public bool InSteps { get; }

    /// <summary>Time the phase takes (+∞ when asymptotic).</summary>
    public double TimeLength { get; }

    /// <summary>Steps the phase takes (+∞ when asymptotic).</summary>
    public double StepLength { get; }

    /// <summary>Time from the phase start to x = 1 (the whole phase, or τ of an asymptotic one).</summary>
    public double UnitTime { get; }

    /// <summary>Steps from the phase start to x = 1.</summary>
    public double UnitSteps { get; }

    /// <summary>η at local time u (clamped to the phase).</summary>
    public double Rate(double u) => Profile.Rate(InSteps ? StepFraction(u) : Clamp(u / Scale));

    /// <summary>Steps taken from the phase start to local time u.</summary>
    public double StepsAt(double u)
        => InSteps ? Scale * StepFraction(u) : Scale * Profile.ReciprocalIntegral(Clamp(u / Scale));

    /// <summary>Local time at which <paramref name="steps"/> steps (from the phase start) have been taken.</summary>
    public double TimeAtSteps(double steps)
    {
        if (InSteps) return Scale * Profile.RateIntegral(Clamp(steps / Scale));
        double y = Math.Min(steps / Scale, Profile.IsAsymptotic ? double.PositiveInfinity : UnitSteps / Scale);
        double x = MonotoneInverse.Solve(
            Profile.ReciprocalIntegral, x => 1 / Profile.Rate(x), y,
            y * Profile.MinRate, Clamp(y * Profile.MaxRate));
        return Scale * x;
    }

    /// <summary>The normalized x reached at local time u of a phase in steps: solves <c>N·F(x) = u</c>.</summary>
    private double StepFraction(double u)
    {
        double y = Math.Min(u / Scale, Profile.IsAsymptotic ? double.PositiveInfinity : UnitTime / Scale);
        return MonotoneInverse.Solve(
            Profile.RateIntegral, Profile.Rate, y,
            y / Profile.MaxRate, Clamp(y / Profile.MinRate));
    }

    /// <summary>x limited to the profile's domain.</summary>
    private double Clamp(double x) => Profile.IsAsymptotic ? Math.Max(x, 0) : Math.Clamp(x, 0, 1);
}
