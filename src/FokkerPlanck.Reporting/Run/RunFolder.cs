using System.Text.Json;
using System.Text.Json.Serialization;
using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Reporting.Run;

/// <summary>
/// The output folder of <c>fokkerplanck run</c>: one subfolder per stage with that stage's files (the same
/// files as the stage's own command writes), <c>run.json</c> with every finished stage's record, and
/// <c>report.html</c>, rewritten after each stage. Every file is written atomically.
/// </summary>
public sealed class RunFolder : IRunRecorder
{
    /// <summary>The run's record, read back by <c>--resume</c>.</summary>
    public const string ResultsFile = "run.json";

    /// <summary>The HTML report.</summary>
    public const string ReportFile = "report.html";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly Scenario _scenario;
    private readonly RunReportOptions _report;

    /// <summary>A folder at <paramref name="directory"/> (created when the first stage finishes).</summary>
    /// <param name="directory">The output folder.</param>
    /// <param name="scenario">The scenario (named in the files).</param>
    /// <param name="report">What the report states about how it was made; its <see cref="RunReportOptions.Plots"/> decides whether figures are drawn.</param>
    public RunFolder(string directory, Scenario scenario, RunReportOptions report)
    {
        Directory = directory ?? throw new ArgumentNullException(nameof(directory));
        _scenario = scenario ?? throw new ArgumentNullException(nameof(scenario));
        _report = report ?? throw new ArgumentNullException(nameof(report));
    }

    /// <summary>The folder.</summary>
    public string Directory { get; }

    /// <summary>The subfolder of <paramref name="stage"/>'s files.</summary>
    public string StageFolder(RunStage stage) => Path.Combine(Directory, stage.ToString().ToLowerInvariant());

    /// <summary>The record of an earlier run in <paramref name="directory"/>, or null when there is none.</summary>
    /// <exception cref="InvalidDataException">run.json is there but cannot be read.</exception>
    public static RunResults? Load(string directory)
    {
        string path = Path.Combine(directory, ResultsFile);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<RunResults>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} cannot be read ({e.Message}); delete the folder or choose another --out.", e);
        }
    }

    /// <summary>run.json's text for <paramref name="results"/>.</summary>
    public static string Serialize(RunResults results) => JsonSerializer.Serialize(results, Json) + "\n";

    /// <inheritdoc/>
    public void StageFinished(RunResults results, StageOutput output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        string dir = StageFolder(output.Stage);
        System.IO.Directory.CreateDirectory(dir);
        StageFiles.Write(dir, _scenario, output, _report.Plots);
        AtomicFile.WriteAllText(Path.Combine(Directory, ResultsFile), Serialize(results));
        WriteReport(results);
    }

    /// <summary>Writes report.html from <paramref name="results"/> and the figures in the stage folders.</summary>
    public void WriteReport(RunResults results) => AtomicFile.WriteAllText(Path.Combine(Directory, ReportFile), RunReport.Render(results, this, _report));
}
