using System.CommandLine;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Commands;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// Runs <c>fokkerplanck bench evolve</c> at 32² (child process, no peer) and checks the JSON: every
/// field present, the run completed, and the excess losses at the checkpoints against the SciPy peer's
/// (<c>evolve_ref.py valley 32 --rtol 1e-9</c>, recorded here). Timings are never asserted. In the
/// non-parallel console collection: Spectre's status display is exclusive, so two bench commands must
/// not run at once.
/// </summary>
[Collection("console")]
public sealed class BenchEvolveCommandTests
{
    private const int Cells = 32;

    /// <summary><c>evolve_ref.py valley 32 --rtol 1e-9</c> (SciPy 1.10.1): excess loss at t = 5, 10, 30, 50.</summary>
    private static readonly double[] PeerExcessLoss = [0.41345118064653974, 0.07154387660322425, 0.0016106933715379634, 4.113184984588791e-05];

    /// <summary>
    /// Relative agreement of our default run (rtol 1e-4, Krylov tail from the end of the decay) with the
    /// peer's tight values at every checkpoint (seen: ≤ 1e-5).
    /// </summary>
    private const double DefaultBound = 1e-4;

    /// <summary>Relative agreement of our tight reference run (rtol 1e-8, atol 1e-13) with the peer's tight values (seen: ≤ 1e-5).</summary>
    private const double ReferenceBound = 1e-4;

    [Fact]
    public void BenchEvolve_TinySize_WritesConsistentJson()
    {
        string dir = Directory.CreateTempSubdirectory("fp-bench-evolve-").FullName;
        try
        {
            string path = Path.Combine(dir, "evolve.json");
            var root = new RootCommand { BenchCommand.Create() };
            int rc = root.Parse(["bench", "evolve", "--sizes", Cells.ToString(System.Globalization.CultureInfo.InvariantCulture), "--reference", "--json", path]).Invoke();
            Assert.Equal(0, rc);

            var doc = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal("fokkerplanck-bench-evolve", doc["tool"]!.GetValue<string>());
            var env = doc["environment"]!;
            Assert.NotNull(env["memory_method"]);
            Assert.NotNull(env["load_before"]);
            Assert.Equal(1e-4, env["relative_tolerance"]!.GetValue<double>());
            var size = doc["sizes"]![0]!;
            Assert.Equal(Cells, size["n"]!.GetValue<int>());
            var ours = size["ours"]!;
            foreach (string f in new[] { "setup_seconds", "integration_seconds", "total_seconds", "cpu_seconds", "peak_memory_mib", "factorization_seconds", "solve_seconds" })
                Assert.True(ours[f]!.GetValue<double>() >= 0, f);
            Assert.Equal("Completed", ours["status"]!.GetValue<string>());
            Assert.True(ours["steps"]!.GetValue<int>() > 0);
            Assert.True(ours["factorizations"]!.GetValue<int>() > 0);
            Assert.True(ours["solves"]!.GetValue<long>() > 0);
            Assert.True(ours["mass_error"]!.GetValue<double>() < 1e-10);
            Assert.Equal([5.0, 10.0, 30.0, 50.0], ours["times"]!.AsArray().Select(x => x!.GetValue<double>()));

            var excess = ours["excess_loss"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            var l1 = ours["l1"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            Assert.Equal(4, excess.Length);
            Assert.All(excess, e => Assert.True(double.IsFinite(e) && e > 0, $"excess loss {e}"));
            Assert.All(l1, e => Assert.True(double.IsFinite(e) && e > 0 && e <= 2, $"L1 {e}"));
            for (int i = 0; i < excess.Length; i++)
                Assert.True(Math.Abs(excess[i] - PeerExcessLoss[i]) <= DefaultBound * PeerExcessLoss[i], $"t = {ours["times"]![i]}: {excess[i]} vs SciPy {PeerExcessLoss[i]}");

            var tight = ours["reference"]!["excess_loss"]!.AsArray().Select(x => x!.GetValue<double>()).ToArray();
            for (int i = 0; i < tight.Length; i++)
                Assert.True(Math.Abs(tight[i] - PeerExcessLoss[i]) <= ReferenceBound * PeerExcessLoss[i], $"tight, t = {ours["times"]![i]}: {tight[i]} vs SciPy {PeerExcessLoss[i]}");
            Assert.Equal(4, size["comparison"]!["ours_reference_deviations"]!.AsArray().Count);
            Assert.Null(size["scipy"]);
            Assert.Single(size["comparison"]!["repetitions"]!.AsArray());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void BenchEvolve_RejectsBadRepeat()
    {
        var root = new RootCommand { BenchCommand.Create() };
        Assert.NotEqual(0, root.Parse(["bench", "evolve", "--sizes", "16", "--repeat", "0"]).Invoke());
    }
}
