using System.Globalization;
using System.Text;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Reporting.Validation;

/// <summary>Writes the CSVs of each validation case and the Markdown report <c>README.md</c> of a run (the validation suite's reporting, part of the one reporting layer).</summary>
public static class ValidationReport
{
    /// <summary>Writes <c>case/TABLE.csv</c> for every table of <paramref name="result"/>.</summary>
    public static void WriteCsv(CaseResult result, string caseDirectory)
    {
        foreach (var t in result.Tables)
            CsvTableWriter.Write(Path.Combine(caseDirectory, t.FileStem + ".csv"), t.Header, t.Rows);
        CsvTableWriter.Write(Path.Combine(caseDirectory, "checks.csv"), ["quantity", "measured", "lower", "upper", "passed"],
            result.Checks.Select(c => (IReadOnlyList<object?>)[c.Quantity, c.Measured, c.Lower, c.Upper, c.Passed]));
    }

    /// <summary>Writes the Markdown report of all <paramref name="results"/> to <c>outputDirectory/README.md</c>.</summary>
    public static void WriteMarkdown(string outputDirectory, IReadOnlyList<(ValidationCaseInfo Case, CaseResult Result)> results)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# FokkerPlanck validation report").AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dotnet run -c Release --project validation/FokkerPlanck.Validation`. ")
          .AppendLine(CultureInfo.InvariantCulture, $"{Environment.ProcessorCount} cores, .NET {Environment.Version}.").AppendLine();
        sb.AppendLine("| case | kind | checked against | result | checks | time (s) |").AppendLine("|---|---|---|---|---|---|");
        foreach (var (c, r) in results)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| [{c.Name}](#{c.Name}) | {c.Kind} | {c.Oracle} | {(r.Passed ? "PASS" : "**FAIL**")} | {r.Checks.Count(k => k.Passed)}/{r.Checks.Count} | {r.Seconds:F1} |");
        sb.AppendLine();
        foreach (var (c, r) in results)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"<a id=\"{c.Name}\"></a>").AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {c.Title} (`{c.Name}`): {(r.Passed ? "PASS" : "FAIL")}").AppendLine();
            sb.AppendLine(c.Description.Trim().Replace("\n**", "\n\n**", StringComparison.Ordinal)).AppendLine();
            sb.AppendLine("### Checks").AppendLine();
            sb.Append(ChecksMarkdown(r));
            sb.AppendLine();
            foreach (var t in r.Tables)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"**{t.Caption}** ([{t.FileStem}.csv]({c.Name}/{t.FileStem}.csv))").AppendLine();
                sb.Append(TableMarkdown(t)).AppendLine();
            }
            if (!string.IsNullOrWhiteSpace(r.Notes)) sb.AppendLine(r.Notes.Trim()).AppendLine();
            foreach (var p in r.Plots) sb.AppendLine(CultureInfo.InvariantCulture, $"![{p}]({c.Name}/{p})").AppendLine();
        }
        AtomicFile.WriteAllText(Path.Combine(outputDirectory, "README.md"), sb.ToString());
    }

    /// <summary>The checks of a case as a Markdown table.</summary>
    public static string ChecksMarkdown(CaseResult r)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| check | measured | criterion | |").AppendLine("|---|---|---|---|");
        foreach (var k in r.Checks)
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {k.Quantity} | {NumberFormat.Table(k.Measured)} | {k.Criterion} | {(k.Passed ? "pass" : "**FAIL**")} |");
        return sb.ToString();
    }

    /// <summary>A result table as Markdown.</summary>
    public static string TableMarkdown(ResultTable t)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| " + string.Join(" | ", t.Header) + " |");
        sb.AppendLine("|" + string.Concat(Enumerable.Repeat("---|", t.Header.Count)));
        foreach (var row in t.Rows) sb.AppendLine("| " + string.Join(" | ", row.Select(NumberFormat.Cell)) + " |");
        return sb.ToString();
    }
}

/// <summary>What the report says of a case beside its result.</summary>
/// <param name="Name">Identifier (the output sub-folder).</param>
/// <param name="Title">Human-readable title.</param>
/// <param name="Kind">Which kind of evidence it gives.</param>
/// <param name="Oracle">What it is checked against.</param>
/// <param name="Description">Markdown paragraph: equation, parameters, reference, oracle and tolerance.</param>
public sealed record ValidationCaseInfo(string Name, string Title, string Kind, string Oracle, string Description);
