using System.Globalization;

namespace FokkerPlanck.Core.Schedules;

/// <summary>Number formatting for canonical specs (round-trip) and for descriptions (brief).</summary>
internal static class SpecText
{
    /// <summary>Step counts at or above this are shown as whole numbers (a fraction of a step says nothing there).</summary>
    private const double WholeStepsFrom = 10;

    /// <summary>The shortest text that reads back to the same double (canonical specs round-trip).</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Four significant digits, for descriptions.</summary>
    public static string Brief(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>A step count for descriptions: whole from 10 on, three digits below.</summary>
    public static string Steps(double steps)
        => double.IsFinite(steps) && steps >= WholeStepsFrom
            ? Math.Round(steps).ToString("0", CultureInfo.InvariantCulture)
            : steps.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>
    /// A phase length with the other clock beside it: <c>10 (≈ 29 steps)</c> for a length in time,
    /// <c>500 steps (t ≈ 181)</c> for one in steps; the lengths are those of the phases up to x = 1.
    /// </summary>
    public static string Length(Duration duration, IEnumerable<Profiles.SchedulePhase> phases)
    {
        var list = phases.ToList();
        return duration.InSteps
            ? $"{Brief(duration.Value)} steps (t ≈ {Brief(list.Sum(p => p.UnitTime))})"
            : $"{Brief(duration.Value)} (≈ {Steps(list.Sum(p => p.UnitSteps))} steps)";
    }
}
