namespace FokkerPlanck.Cli.Bench;

/// <summary>Where and how a <c>bench</c> run was measured.</summary>
/// <param name="Processors">Logical processors.</param>
/// <param name="LoadBefore">1/5/15-minute load averages before the run (<c>/proc/loadavg</c>).</param>
/// <param name="LoadAfter">The same after the run.</param>
/// <param name="MemoryMethod">How peak memory was measured.</param>
/// <param name="Tolerance">Eigenpair tolerance.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="StartedUtc">Start time (UTC, ISO 8601).</param>
/// <param name="ReadBandwidthGBps">Main-memory read bandwidth in GB/s with one thread and with all processors (<see cref="Core.Benchmarks.MemoryBandwidth"/>).</param>
internal sealed record BenchEnvironment(int Processors, string LoadBefore, string LoadAfter, string MemoryMethod, double Tolerance,
    string Runtime, string Os, string StartedUtc, double[] ReadBandwidthGBps)
{
    /// <summary>Measurements per size (<c>--repeat</c>); the tables compare the fastest of each side.</summary>
    public int Repeat { get; init; } = 1;

    /// <summary>The 1/5/15-minute load averages, or "n/a" off Linux.</summary>
    public static string ReadLoad()
    {
        const string path = "/proc/loadavg";
        try
        {
            return File.Exists(path) ? string.Join(' ', File.ReadAllText(path).Split(' ').Take(3)) : "n/a";
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
