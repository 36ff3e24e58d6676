using System.Diagnostics;
using System.Globalization;

namespace FokkerPlanck.Cli.Bench;

/// <summary>
/// The ensemble peers of <c>&lt;repo&gt;/../shared/peer</c>: <c>em_ref.py</c> (vectorized NumPy
/// Euler–Maruyama, one thread) and, when Numba imports, <c>em_numba.py</c> (compiled, all cores).
/// </summary>
internal sealed class LangevinPeers
{
    /// <summary>The NumPy peer script.</summary>
    public const string NumPyScript = "em_ref.py";

    /// <summary>The Numba peer script.</summary>
    public const string NumbaScript = "em_numba.py";

    /// <summary>How to get Numba (Debian's package).</summary>
    public const string NumbaInstallHint = "apt-get install -y python3-numba";

    private LangevinPeers(PeerRunner numPy, PeerRunner? numba, string? numbaProblem) => (NumPy, Numba, NumbaProblem) = (numPy, numba, numbaProblem);

    /// <summary>The NumPy peer.</summary>
    public PeerRunner NumPy { get; }

    /// <summary>The Numba peer, or null.</summary>
    public PeerRunner? Numba { get; }

    /// <summary>Why the Numba peer is not run, or null.</summary>
    public string? NumbaProblem { get; }

    /// <summary>Locates the scripts and checks NumPy (and Numba); null and a reason when the NumPy peer cannot run.</summary>
    public static (LangevinPeers? Peers, string? Problem) Locate(string? directory)
    {
        var (numPy, problem) = PeerRunner.Locate(directory, NumPyScript);
        if (numPy is null) return (null, problem);
        var (numba, numbaProblem) = PeerRunner.Locate(directory, NumbaScript, optional: true);
        if (numba is not null && !Imports("numba", Path.GetDirectoryName(numba.Script)!, out string error))
            (numba, numbaProblem) = (null, $"python3 cannot import numba ({error}); install with: {NumbaInstallHint}");
        return (new LangevinPeers(numPy, numba, numbaProblem), null);
    }

    /// <summary>Runs <c>em_ref.py valley NPART NSTEPS DT</c>.</summary>
    /// <exception cref="InvalidOperationException">The script failed.</exception>
    public LangevinPeerResult RunNumPy(int particles, int steps, double timeStep)
    {
        string load = BenchEnvironment.ReadLoad();
        return LangevinPeerResult.Parse(NumPy.RunLine(["valley", I(particles), I(steps), timeStep.ToString("R", CultureInfo.InvariantCulture)], particles), load);
    }

    /// <summary>Runs <c>em_numba.py valley NPART DT LAYOUT --target SECONDS</c> (it calibrates its own step count).</summary>
    /// <exception cref="InvalidOperationException">The script failed or Numba is unavailable.</exception>
    public LangevinPeerResult RunNumba(int particles, double timeStep, string layout, double targetSeconds)
    {
        var runner = Numba ?? throw new InvalidOperationException(NumbaProblem);
        string load = BenchEnvironment.ReadLoad();
        return LangevinPeerResult.Parse(runner.RunLine(["valley", I(particles), timeStep.ToString("R", CultureInfo.InvariantCulture), layout,
            "--target", targetSeconds.ToString("R", CultureInfo.InvariantCulture)], particles), load);
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static bool Imports(string module, string directory, out string error)
    {
        var psi = new ProcessStartInfo(PeerRunner.Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = directory };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("import " + module);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {PeerRunner.Python}");
        var stderr = p.StandardError.ReadToEndAsync();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        string text = stderr.Result.Trim();
        error = text.Length > 200 ? text[^200..] : text;
        return p.ExitCode == 0;
    }
}
