using FokkerPlanck.Core.Analysis.Evolution;
using FokkerPlanck.Core.Analysis.Statistics;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Langevin.Comparison;

/// <summary>
/// Checks groups of samples (positions at given times, e.g. from a sample file) against the
/// Fokker–Planck solution that starts from the equilibrium at the schedule's initial LR and follows
/// the schedule: the session integrates to the sample times and each time is compared with a
/// <see cref="ParticleDensityComparer"/> (marginals, excess loss against <c>E_{π(η_c)}[L]</c>, the
/// amplitudes of the computed modes v₂ … v_K at the final LR).
/// </summary>
public static class SampleCheck
{
    /// <summary>Runs the check.</summary>
    /// <param name="session">The scenario's session (grid, landscape, eigenpairs at η_c, integrator).</param>
    /// <param name="schedule">The bound schedule; must end at the scenario's final LR.</param>
    /// <param name="groups">Samples by time, increasing, each with at least 2 samples.</param>
    /// <param name="level">α.</param>
    /// <param name="progress">Integration progress (time reached).</param>
    /// <param name="cancellation">Stops the integration; the times reached are compared.</param>
    /// <exception cref="ArgumentException">The schedule does not end at the final LR, times do not increase, a group has fewer than 2 samples or lies outside the grid box.</exception>
    /// <exception cref="Scenarios.ScenarioException">The domain truncates an equilibrium the run passes through.</exception>
    public static SampleCheckResult Run(EvolutionSession session, ILearningRateSchedule schedule, IReadOnlyList<SampleGroup> groups,
        double level = Significance.DefaultLevel, IProgress<double>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(groups);
        double finalLr = session.Scenario.FinalLr;
        if (Math.Abs(schedule.FinalLr - finalLr) > 1e-12 * finalLr)
            throw new ArgumentException($"the schedule ends at η = {schedule.FinalLr:G6}, the scenario's final LR is {finalLr:G6}; the amplitudes are those of the modes at the final LR, so the two must agree.", nameof(schedule));
        var comparer = new ParticleDensityComparer(session.Setup.Grid, session.Setup.Landscape, new ParticleComparerOptions
        {
            EquilibriumLoss = session.FinalLossExpectation,
            LeftVectors = session.Spectrum.LeftVectors[1..],
            Level = level,
        });
        var densities = session.DensitiesAt(schedule, [.. groups.Select(g => g.Time)], null, progress, cancellation);
        var checks = new List<SampleTimeCheck>(densities.Count);
        for (int k = 0; k < densities.Count; k++)
        {
            var g = groups[k];
            checks.Add(new SampleTimeCheck(g.Time, g.Steps, g.Runs, comparer.Compare(g.X, g.Y, densities[k])));
        }
        return new SampleCheckResult(checks, groups.Count, level, session.FinalLossExpectation);
    }
}
