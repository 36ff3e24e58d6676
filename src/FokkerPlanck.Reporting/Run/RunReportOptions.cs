namespace FokkerPlanck.Reporting.Run;

/// <summary>How a run's report was made (stated in its footer) and whether figures are drawn.</summary>
public sealed record RunReportOptions
{
    /// <summary>Draw the figures (PNG) and embed them.</summary>
    public bool Plots { get; init; } = true;

    /// <summary>The command line that reproduces the run.</summary>
    public string CommandLine { get; init; } = "fokkerplanck run";
}
