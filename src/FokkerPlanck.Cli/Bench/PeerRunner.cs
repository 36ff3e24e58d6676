using System.Diagnostics;

namespace FokkerPlanck.Cli.Bench;

/// <summary>
/// Runs a SciPy reference script of <c>&lt;repo&gt;/../shared/peer</c> (<c>sqra_ref.py CASE N si_mmd</c>
/// for the spectrum, <c>evolve_ref.py</c> for the time stepper) with <c>/usr/bin/python3</c> and
/// OpenBLAS (pthread) and parses its JSON line.
/// </summary>
internal sealed class PeerRunner
{
    /// <summary>The interpreter the peer README prescribes.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>OpenBLAS build the peer README prescribes (given through <c>LD_LIBRARY_PATH</c>).</summary>
    public const string OpenBlasDirectory = "/usr/lib/x86_64-linux-gnu/openblas-pthread";

    /// <summary>The peer mode compared against: shift-invert <c>eigsh</c> with SuperLU and the MMD ordering (its fastest).</summary>
    public const string Mode = "si_mmd";

    /// <summary>How to install the peer's dependencies.</summary>
    public const string InstallHint = "apt-get update && apt-get install -y python3-numpy python3-scipy libopenblas0-pthread";

    /// <summary>The spectrum peer script.</summary>
    public const string SpectrumScript = "sqra_ref.py";

    /// <summary>The time-stepper peer script (<c>solve_ivp</c>, BDF).</summary>
    public const string EvolveScript = "evolve_ref.py";

    private PeerRunner(string script) => Script = script;

    /// <summary>Full path of the script.</summary>
    public string Script { get; }

    /// <summary>
    /// Locates the script (<see cref="SpectrumScript"/> unless told otherwise) and checks that
    /// python3 with SciPy is usable; returns null and a reason otherwise.
    /// </summary>
    public static (PeerRunner? Runner, string? Problem) Locate(string? peerDirectory, string scriptName = SpectrumScript)
    {
        string? dir = peerDirectory ?? DefaultDirectory();
        if (dir is null || !File.Exists(Path.Combine(dir, scriptName)))
            return (null, $"SciPy peer script not found ({(dir is null ? "no repository root above the current folder" : Path.Combine(dir, scriptName))}); pass --peer-dir.");
        if (!File.Exists(Python)) return (null, $"{Python} is missing; install with: {InstallHint}");
        var (rc, _, err) = RunProcess(Python, ["-c", "import numpy, scipy"], dir);
        if (rc != 0) return (null, $"python3 cannot import numpy/scipy ({err.Trim()}); install with: {InstallHint}");
        return (new PeerRunner(Path.Combine(dir, scriptName)), null);
    }

    /// <summary>Runs the spectrum peer for one case and size.</summary>
    /// <exception cref="InvalidOperationException">The script failed or printed no JSON.</exception>
    public PeerResult Run(string caseName, int cellsPerAxis)
        => PeerResult.Parse(RunLine([caseName, cellsPerAxis.ToString(System.Globalization.CultureInfo.InvariantCulture), Mode], cellsPerAxis));

    /// <summary>Runs the script with <paramref name="arguments"/> and returns the last JSON line it printed.</summary>
    /// <exception cref="InvalidOperationException">The script failed or printed no JSON.</exception>
    public string RunLine(IEnumerable<string> arguments, int cellsPerAxis)
    {
        var (rc, output, err) = RunProcess(Python, [Script, .. arguments], Path.GetDirectoryName(Script)!);
        string? line = output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        if (rc != 0 || line is null)
            throw new InvalidOperationException($"SciPy peer failed at N = {cellsPerAxis} (exit {rc}): {Tail(err)}");
        return line;
    }

    /// <summary><c>&lt;repository root&gt;/../shared/peer</c>, the root being the first folder holding FokkerPlanck.sln above the current folder or the executable.</summary>
    public static string? DefaultDirectory()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
                if (File.Exists(Path.Combine(d.FullName, "FokkerPlanck.sln")))
                    return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "peer"));
        }
        return null;
    }

    private static (int ExitCode, string Output, string Error) RunProcess(string file, IEnumerable<string> args, string workingDirectory)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment["LD_LIBRARY_PATH"] = OpenBlasDirectory;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        var err = p.StandardError.ReadToEndAsync();
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, output, err.Result);
    }

    private static string Tail(string s) => s.Length > 400 ? s[^400..] : s;
}
