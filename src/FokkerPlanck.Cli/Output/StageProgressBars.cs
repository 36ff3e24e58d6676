using FokkerPlanck.Core.Pipeline;

namespace FokkerPlanck.Cli.Output;

/// <summary>The stages of a run as <see cref="RunProgress"/> bars: one per stage, with elapsed time and time left.</summary>
internal sealed class StageProgressBars(IRunProgress bars) : IStageProgress
{
    /// <summary>The bar labels, in stage order.</summary>
    public static IReadOnlyList<string> Labels { get; } = [.. RunPipeline.Stages.Select(Label)];

    public void Start(RunStage stage) => bars.Start((int)stage);

    public void Report(RunStage stage, double? fraction, string? note = null)
    {
        string? label = note is null ? null : $"{Label(stage)}: {note}";
        if (fraction is { } f) bars.Report((int)stage, f, label);
        else if (label is not null) bars.Note((int)stage, label);
    }

    public void Finish(RunStage stage, string? note) => bars.Finish((int)stage, note is null ? Label(stage) : $"{Label(stage)} ({note})");

    private static string Label(RunStage stage) => stage switch
    {
        RunStage.Check => "check",
        RunStage.Spectrum => "spectrum",
        RunStage.Mpemba => "Mpemba analysis",
        RunStage.Verdict => "schedule verdict",
        RunStage.FiniteLr => "finite LR (SGD operator)",
        RunStage.Design => "schedule design",
        _ => "Langevin confirmation",
    };
}
