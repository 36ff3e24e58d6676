using System.Diagnostics;
using System.Globalization;
using FokkerPlanck.Validation;
using FokkerPlanck.Validation.Cases;
using FokkerPlanck.Reporting.Validation;

// Exit codes: 0 all cases passed, 1 a case failed (or threw), 2 invalid command line.
IValidationCase[] all =
[
    new FreeDiffusionCase(),
    new OrnsteinUhlenbeckCase(),
    new DenseReferenceCase(),
    new PotentialStepCase(),
    new ColdLeftEigenvectorCase(),
    new RiverReductionCase(),
    new TimeStepperCase(),
    new LangevinCase(),
    new SgdOperatorCase(),
];

string outDir = Path.Combine("validation", "report");
var selected = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--case" when i + 1 < args.Length: selected.Add(args[++i]); break;
        case "--out" when i + 1 < args.Length: outDir = args[++i]; break;
        case "--list":
            foreach (var c in all) Console.WriteLine($"{c.Name,-20} {c.Title}");
            return 0;
        case "-h" or "--help":
            Console.WriteLine("Usage: FokkerPlanck.Validation [--case NAME]... [--out DIR] [--list]");
            Console.WriteLine("Runs the validation cases, writes DIR/README.md (default validation/report/), CSVs and plots;");
            Console.WriteLine("exit code 0 when all selected cases pass, 1 when one fails, 2 on a bad command line.");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown or incomplete argument '{args[i]}'. Use --help.");
            return 2;
    }
}
var unknown = selected.Where(s => all.All(c => c.Name != s)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown case(s) {string.Join(", ", unknown)}; valid: {string.Join(", ", all.Select(c => c.Name))}.");
    return 2;
}
var cases = selected.Count == 0 ? all : all.Where(c => selected.Contains(c.Name)).ToArray();
Directory.CreateDirectory(outDir);
var results = new List<(IValidationCase, CaseResult)>();
foreach (var c in cases)
{
    string dir = Path.Combine(outDir, c.Name);
    Directory.CreateDirectory(dir);
    Console.WriteLine($"== {c.Name}: {c.Title}");
    var sw = Stopwatch.StartNew();
    CaseResult r;
    try
    {
        r = c.Run(dir);
    }
    catch (Exception e) when (e is InvalidOperationException or ArgumentException or ArithmeticException)
    {
        r = new CaseResult(c.Name, [Check.AtMost($"threw {e.GetType().Name}: {e.Message}", double.NaN, 0)], [], []);
    }
    r = r with { Seconds = sw.Elapsed.TotalSeconds };
    ValidationReport.WriteCsv(r, dir);
    foreach (var t in r.Tables) Console.Write(ValidationReport.TableMarkdown(t));
    Console.Write(ValidationReport.ChecksMarkdown(r));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"-> {(r.Passed ? "PASS" : "FAIL")} in {r.Seconds:F1} s"));
    Console.WriteLine();
    results.Add((c, r));
}
ValidationReport.WriteMarkdown(outDir, [.. results.Select(x => (new ValidationCaseInfo(x.Item1.Name, x.Item1.Title, x.Item1.Kind, x.Item1.Oracle, x.Item1.Description), x.Item2))]);
Console.WriteLine("| case | result | time (s) |");
Console.WriteLine("|---|---|---|");
foreach (var (c, r) in results) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {c.Name} | {(r.Passed ? "PASS" : "FAIL")} | {r.Seconds:F1} |"));
Console.WriteLine($"Report: {Path.GetFullPath(Path.Combine(outDir, "README.md"))}");
return results.All(x => x.Item2.Passed) ? 0 : 1;
