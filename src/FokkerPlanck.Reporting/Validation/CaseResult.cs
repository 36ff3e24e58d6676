namespace FokkerPlanck.Reporting.Validation;

/// <summary>The outcome of one validation case.</summary>
/// <param name="Name">Case identifier.</param>
/// <param name="Checks">Pass/fail criteria with their measured values.</param>
/// <param name="Tables">Result tables (each also written as CSV).</param>
/// <param name="Plots">Plot files written, relative to the case's output folder.</param>
/// <param name="Notes">Free Markdown remarks on the measured results (may be empty).</param>
public sealed record CaseResult(string Name, IReadOnlyList<Check> Checks, IReadOnlyList<ResultTable> Tables, IReadOnlyList<string> Plots, string Notes = "")
{
    /// <summary>True when every check passed.</summary>
    public bool Passed => Checks.Count > 0 && Checks.All(c => c.Passed);

    /// <summary>Wall-clock run time in seconds (set by the runner).</summary>
    public double Seconds { get; init; }
}
