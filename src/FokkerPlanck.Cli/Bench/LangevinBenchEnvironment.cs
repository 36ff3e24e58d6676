namespace FokkerPlanck.Cli.Bench;

/// <summary>Where and how a <c>bench langevin</c> run was measured.</summary>
/// <param name="Processors">Logical processors.</param>
/// <param name="LoadBefore">1/5/15-minute load averages before the run (<c>/proc/loadavg</c>).</param>
/// <param name="LoadAfter">The same after the run.</param>
/// <param name="Simd">Lane width of our kernels.</param>
/// <param name="Repeat">Measurements per thread count; the tables show the fastest.</param>
/// <param name="Runtime">.NET runtime description.</param>
/// <param name="Os">Operating system description.</param>
/// <param name="StartedUtc">Start time (UTC, ISO 8601).</param>
internal sealed record LangevinBenchEnvironment(int Processors, string LoadBefore, string LoadAfter, string Simd, int Repeat, string Runtime, string Os, string StartedUtc);
