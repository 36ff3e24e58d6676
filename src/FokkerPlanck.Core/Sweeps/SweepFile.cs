using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>A loaded and validated sweep file: its scenario and the plan it expands to.</summary>
/// <param name="Path">The sweep file.</param>
/// <param name="ScenarioPath">The scenario file (resolved against the sweep file's folder).</param>
/// <param name="Scenario">The scenario.</param>
/// <param name="Plan">The expanded plan.</param>
public sealed record SweepFile(string Path, string ScenarioPath, Scenario Scenario, SweepPlan Plan);
