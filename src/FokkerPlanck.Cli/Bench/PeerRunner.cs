using System.Diagnostics;

namespace FokkerPlanck.Cli.Bench;

/// <summary>
/// Runs a SciPy reference script (<c>sqra_ref.py CASE N si_mmd</c> for the spectrum,
/// <c>evolve_ref.py</c> for the time stepper) with <c>/usr/bin/python3</c> and OpenBLAS (pthread)
/// and parses its JSON line. The scripts are looked for in <c>--peer-dir</c>, else in
/// <see cref="DirectoryVariable"/>, else in <c>&lt;repo&gt;/../shared/peer</c> (where CI finds them);
/// docs/performance.md, "Running the peers", describes them and their set-up.
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

    /// <summary>Environment variable naming the folder of the peer scripts when <c>--peer-dir</c> is not given.</summary>
    public const string DirectoryVariable = "FOKKERPLANCK_PEER_DIR";

    /// <summary>Where the documentation of the peers lives (named in messages).</summary>
    public const string Documentation = "docs/performance.md, 'Running the peers'";

    private PeerRunner(string script) => Script = script;

    /// <summary>Full path of the script.</summary>
    public string Script { get; }

    /// <summary>
    /// Locates the script (<see cref="SpectrumScript"/> unless told otherwise) and checks that
    /// python3 with SciPy is usable; returns null and a reason otherwise.
    /// </summary>
    /// <param name="peerDirectory">The <c>--peer-dir</c> option, or null.</param>
    /// <param name="scriptName">The script to locate.</param>
    /// <param name="optional">A missing script is a reason, never an error, even in a folder the user named (the Numba peer).</param>
    /// <exception cref="UsageException">A folder named by <c>--peer-dir</c> or <see cref="DirectoryVariable"/> does not exist or lacks the script (unless <paramref name="optional"/>).</exception>
    public static (PeerRunner? Runner, string? Problem) Locate(string? peerDirectory, string scriptName = SpectrumScript, bool optional = false)
    {
        var (dir, source) = ResolveDirectory(peerDirectory);
        if (dir is null || !File.Exists(Path.Combine(dir, scriptName)))
        {
            if (source is not null && !optional) throw new UsageException(NotFound(dir, source, scriptName));
            return (null, dir is null
                ? $"{scriptName} not found: no repository root (FokkerPlanck.sln) above the current folder; pass --peer-dir DIR or set {DirectoryVariable} ({Documentation})."
                : $"{scriptName} not found in {dir}; pass --peer-dir DIR or set {DirectoryVariable} ({Documentation}).");
        }
        if (!File.Exists(Python)) return (null, $"{Python} is missing; install with: {InstallHint}");
        var (rc, _, err) = RunProcess(Python, ["-c", "import numpy, scipy"], dir);
        if (rc != 0) return (null, $"python3 cannot import numpy/scipy ({err.Trim()}); install with: {InstallHint}");
        return (new PeerRunner(Path.Combine(dir, scriptName)), null);
    }

    /// <summary>
    /// Checks, before anything is measured, that a folder the user named holds <paramref name="scriptName"/>;
    /// nothing is checked for the default folder (a missing default peer is reported, not fatal).
    /// </summary>
    /// <exception cref="UsageException">The named folder does not exist or lacks the script.</exception>
    public static void CheckNamedDirectory(string? peerDirectory, string scriptName)
    {
        var (dir, source) = ResolveDirectory(peerDirectory);
        if (source is not null && !File.Exists(Path.Combine(dir!, scriptName))) throw new UsageException(NotFound(dir, source, scriptName));
    }

    /// <summary>
    /// The folder of the peer scripts and who named it: <paramref name="peerDirectory"/> (<c>--peer-dir</c>), else
    /// <see cref="DirectoryVariable"/>, else <see cref="DefaultDirectory"/> (source null).
    /// </summary>
    public static (string? Directory, string? Source) ResolveDirectory(string? peerDirectory)
    {
        if (!string.IsNullOrWhiteSpace(peerDirectory)) return (Path.GetFullPath(peerDirectory), "--peer-dir");
        if (Environment.GetEnvironmentVariable(DirectoryVariable) is { } env && !string.IsNullOrWhiteSpace(env))
            return (Path.GetFullPath(env), DirectoryVariable);
        return (DefaultDirectory(), null);
    }

    private static string NotFound(string? dir, string source, string scriptName)
        => Directory.Exists(dir)
            ? $"{source}: {scriptName} not found in {dir} (the peer scripts and their set-up: {Documentation})."
            : $"{source}: folder {dir} does not exist (the peer scripts and their set-up: {Documentation}).";

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
