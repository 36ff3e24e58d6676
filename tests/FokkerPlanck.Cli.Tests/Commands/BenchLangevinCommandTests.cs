using System.CommandLine;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Commands;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// Runs <c>fokkerplanck bench langevin</c> tiny and without the peers, and checks the JSON document:
/// every section present, one row per thread count, throughput positive, the ensemble's moments
/// plausible for the valley after a few steps from the peer's start. Timings are never asserted. In the
/// non-parallel console collection (Spectre's status display is exclusive).
/// </summary>
[Collection("console")]
public sealed class BenchLangevinCommandTests
{
    private const int Particles = 3000;
    private const int Steps = 20;

    /// <summary>Standard errors allowed for the moments (a correct run exceeds them with probability ≈ 10⁻⁶).</summary>
    private const double Tolerance = 5.0;

    /// <summary>
    /// After t = 20 × 10⁻⁴ from (0.3, 0.75) at T = 0.25, x is an Ornstein–Uhlenbeck coordinate of stiffness
    /// a(0.75) = 20(1 + ½ tanh 0.75) ≈ 26.35: mean 0.3 e^{−at}, variance (T/a)(1 − e^{−2at}); y diffuses,
    /// variance 2Tt (the curvature of L along y changes it by ≈ 0.3 %, and the drift ∂L/∂y ≈ −0.09 there
    /// moves the mean by ≈ 2·10⁻⁴, both far inside the tolerance).
    /// </summary>
    private static readonly double StiffnessX = 20 * (1 + 0.5 * Math.Tanh(0.75));
    private static readonly double ValleyMeanX = 0.3 * Math.Exp(-StiffnessX * Steps * 1e-4);
    private static readonly double ValleyVarianceX = 0.25 / StiffnessX * (1 - Math.Exp(-2 * StiffnessX * Steps * 1e-4));
    private static readonly double RiverVarianceY = 2 * 0.25 * Steps * 1e-4;

    [Fact]
    public void BenchLangevin_TinyWithoutPeer_WritesConsistentJson()
    {
        string dir = Directory.CreateTempSubdirectory("fp-bench-langevin-").FullName;
        try
        {
            string path = Path.Combine(dir, "langevin.json");
            var root = new RootCommand { BenchCommand.Create() };
            int rc = root.Parse(["bench", "langevin", "--particles", $"{Particles}", "--steps", $"{Steps}", "--threads", "1,2", "--json", path]).Invoke();
            Assert.Equal(0, rc);

            var doc = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal("fokkerplanck-bench-langevin", doc["tool"]!.GetValue<string>());
            var env = doc["environment"]!;
            Assert.NotNull(env["load_before"]);
            Assert.NotNull(env["load_after"]);
            Assert.Equal(Environment.ProcessorCount, env["processors"]!.GetValue<int>());
            Assert.Equal([0.3, 0.75], doc["case"]!["start"]!.AsArray().Select(v => Math.Round(v!.GetValue<double>(), 12)));
            Assert.Equal(0.25, doc["case"]!["temperature"]!.GetValue<double>());

            var ours = doc["ours"]!.AsArray();
            Assert.Equal([1, 2], ours.Select(o => o!["threads"]!.GetValue<int>()));
            foreach (var row in ours)
            {
                var best = row!["best"]!;
                Assert.Equal(Particles, best["particles"]!.GetValue<int>());
                Assert.Equal(Steps, best["steps"]!.GetValue<int>());
                Assert.Equal("EulerMaruyama", best["method"]!.GetValue<string>());
                Assert.True(best["particle_steps_per_second"]!.GetValue<double>() > 0);
                Assert.True(best["wall_seconds"]!.GetValue<double>() > 0);
                var mean = best["mean"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                var variance = best["variance"]!.AsArray().Select(v => v!.GetValue<double>()).ToArray();
                Assert.InRange(mean[0], ValleyMeanX - Tolerance * Math.Sqrt(ValleyVarianceX / Particles), ValleyMeanX + Tolerance * Math.Sqrt(ValleyVarianceX / Particles));
                Assert.InRange(mean[1], 0.75 - Tolerance * Math.Sqrt(RiverVarianceY / Particles), 0.75 + Tolerance * Math.Sqrt(RiverVarianceY / Particles));
                Assert.InRange(variance[0], ValleyVarianceX * (1 - Tolerance * Math.Sqrt(2.0 / Particles)), ValleyVarianceX * (1 + Tolerance * Math.Sqrt(2.0 / Particles)));
                Assert.InRange(variance[1], RiverVarianceY * (1 - Tolerance * Math.Sqrt(2.0 / Particles)), RiverVarianceY * (1 + Tolerance * Math.Sqrt(2.0 / Particles)));
                Assert.Single(row["repetitions"]!.AsArray());
            }
            // same seed, same plan: the thread count does not change the ensemble
            Assert.Equal(ours[0]!["best"]!["mean"]!.ToJsonString(), ours[1]!["best"]!["mean"]!.ToJsonString());

            var stages = doc["stages"]!;
            foreach (string f in new[] { "philox_ns", "normal_transform_ns", "gradient_ns", "update_ns", "sum_ns", "implied_rate" })
                Assert.True(stages[f]!.GetValue<double>() >= 0, f);
            Assert.Empty(doc["peers"]!.AsArray());
            Assert.Empty(doc["sanity"]!.AsArray());
            Assert.Null(doc["comparison"]!["em_ref_particle_steps_per_s"]);
            Assert.Equal(20.0, doc["comparison"]!["goal_ratio"]!.GetValue<double>());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData("--method", "heun")]
    [InlineData("--threads", "0")]
    [InlineData("--particles", "0")]
    [InlineData("--dt", "-1")]
    [InlineData("--numba-layouts", "rows")]
    public void BenchLangevin_RejectsBadOptions(string option, string value)
    {
        var root = new RootCommand { BenchCommand.Create() };
        Assert.Equal(1, root.Parse(["bench", "langevin", "--particles", "100", "--steps", "2", option, value]).Invoke());
    }
}
