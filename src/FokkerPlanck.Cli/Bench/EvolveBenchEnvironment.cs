namespace FokkerPlanck.Cli.Bench;

/// <summary>Where and how a <c>bench evolve</c> run was measured.</summary>
/// <param name="Processors">Logical processors.</param>
/// <param name="LoadBefore">1/5/15-minute load averages before the run (<c>/proc/loadavg</c>).</param>
/// <param name="LoadAfter">The same after the run.</param>
/// <param name="MemoryMethod">How peak memory was measured.</param>
/// <param name="RelativeTolerance">Our relative tolerance.</param>
/// <param name="AbsoluteTolerance">Our absolute tolerance (units of the total mass).</param>
/// <param name="PeerRelativeTolerance">The peer's rtol (its atol is 1e-12/n).</param>
/// <param name="ReferenceRelativeTolerance">rtol of our tight reference run (null when not run).</param>
/// <param name="ReferenceAbsoluteTolerance">atol of our tight reference run (null when not run).</param>
/// <param name="Repeat">Measurements per size; the tables compare the fastest of each side.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="StartedUtc">Start time (UTC, ISO 8601).</param>
internal sealed record EvolveBenchEnvironment(int Processors, string LoadBefore, string LoadAfter, string MemoryMethod,
    double RelativeTolerance, double AbsoluteTolerance, double PeerRelativeTolerance, double? ReferenceRelativeTolerance, double? ReferenceAbsoluteTolerance,
    int Repeat, string Runtime, string Os, string StartedUtc);
