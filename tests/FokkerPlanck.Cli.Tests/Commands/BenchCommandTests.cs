using System.CommandLine;
using System.Text.Json.Nodes;
using FokkerPlanck.Cli.Commands;
using MathNet.Numerics.LinearAlgebra;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// Runs <c>fokkerplanck bench</c> at tiny sizes and checks the JSON: every field present, residuals
/// within tolerance, and the rates against a dense eigendecomposition of the SQRA matrix built here
/// independently, by the peer's own formula (sqra_ref.py). Timings are never asserted.
/// </summary>
public sealed class BenchCommandTests
{
    /// <summary>Residual bound: the solver's tolerance is 1e-10 relative to ‖A‖.</summary>
    private const double ResidualBound = 1e-9;

    /// <summary>Absolute agreement of the rates with the dense reference.</summary>
    private const double RateTolerance = 1e-6;

    private const int Modes = 6;

    [Theory]
    [InlineData("valley", 24, true)]
    [InlineData("harmonic", 16, false)]
    public void Bench_TinySize_WritesConsistentJson(string caseName, int n, bool inProcess)
    {
        string dir = Directory.CreateTempSubdirectory("fp-bench-").FullName;
        try
        {
            string path = Path.Combine(dir, "bench.json");
            var root = new RootCommand { BenchCommand.Create() };
            string[] args = ["bench", "--sizes", n.ToString(System.Globalization.CultureInfo.InvariantCulture), "--case", caseName, "--json", path];
            if (inProcess) args = [.. args, "--in-process"];
            int rc = root.Parse(args).Invoke();
            Assert.Equal(0, rc);

            var doc = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.NotNull(doc["environment"]?["memory_method"]);
            var size = doc["sizes"]![0]!;
            Assert.Equal(n, size["n"]!.GetValue<int>());
            var ours = size["ours"]!;
            foreach (string f in new[] { "assembly_seconds", "ordering_seconds", "factorization_seconds", "iteration_seconds", "eigen_seconds", "total_seconds", "peak_memory_mib" })
                Assert.True(ours[f]!.GetValue<double>() >= 0, f);
            Assert.Equal("Converged", ours["status"]!.GetValue<string>());
            Assert.Equal(0, ours["extras"]!["missed_eigenvalues"]!.GetValue<int>());
            Assert.True(ours["max_residual"]!.GetValue<double>() <= ResidualBound);
            Assert.All(ours["residuals"]!.AsArray(), r => Assert.True(r!.GetValue<double>() <= ResidualBound));
            Assert.Equal(Modes, ours["scipy_residuals"]!.AsArray().Count);

            var rates = ours["rates"]!.AsArray().Select(r => r!.GetValue<double>()).ToArray();
            var reference = DenseRates(caseName, n);
            Assert.Equal(Modes, rates.Length);
            for (int k = 0; k < Modes; k++) Assert.True(Math.Abs(rates[k] - reference[k]) <= RateTolerance, $"λ{k + 1}: {rates[k]} vs {reference[k]}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Bench_WholeProcess_TimesTheSpectrumCommandInAChildAndKeepsItsStages()
    {
        string dir = Directory.CreateTempSubdirectory("fp-bench-whole-").FullName;
        try
        {
            string path = Path.Combine(dir, "whole.json");
            var root = new RootCommand { BenchCommand.Create() };
            Assert.Equal(0, root.Parse(["bench", "--whole-process", "--sizes", "16", "--repeat", "2", "--json", path]).Invoke());
            var size = JsonNode.Parse(File.ReadAllText(path))!["sizes"]![0]!;
            Assert.Equal(16, size["n"]!.GetValue<int>());
            var runs = size["ours_seconds"]!.AsArray();
            Assert.Equal(2, runs.Count);
            foreach (var run in runs)
            {
                var stages = run!["stages"]!;
                double wall = run["wall"]!.GetValue<double>();
                // the process's own stage times lie inside the wall time the parent measured around it
                Assert.True(stages["total"]!.GetValue<double>() < wall, $"stages {stages["total"]} vs wall {wall}");
                // so does the child's start-up (process start to its first stage), and it is not zero
                double startup = stages["startup"]!.GetValue<double>();
                Assert.True(startup > 0 && startup + stages["total"]!.GetValue<double>() < wall, $"start-up {startup} s, stages {stages["total"]} vs wall {wall}");
                Assert.NotNull(stages["left_vectors"]);
                Assert.NotNull(stages["verification"]);
                Assert.False(string.IsNullOrEmpty(run["load"]!.GetValue<string>()));
            }
            Assert.Empty(size["peer_seconds"]!.AsArray()); // no --peer
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Theory]
    [InlineData(4.958, "4.96×")] // just under a 5× goal: not rounded up to it
    [InlineData(5.0, "5.00×")]
    [InlineData(0.44, "0.44×")]
    [InlineData(12.84, "12.8×")]
    [InlineData(null, "—")]
    public void Ratios_KeepTwoDecimalsBelowTen(double? ratio, string printed) => Assert.Equal(printed, FokkerPlanck.Cli.Bench.BenchJson.X(ratio));

    [Fact]
    public void Bench_Repeat_ListsEveryRepetitionAndReportsTheFastest()
    {
        string dir = Directory.CreateTempSubdirectory("fp-bench-").FullName;
        try
        {
            string path = Path.Combine(dir, "bench.json");
            var root = new RootCommand { BenchCommand.Create() };
            int rc = root.Parse(["bench", "--sizes", "16", "--in-process", "--skip-extras", "--repeat", "3", "--json", path]).Invoke();
            Assert.Equal(0, rc);
            var doc = JsonNode.Parse(File.ReadAllText(path))!;
            Assert.Equal(3, doc["environment"]!["repeat"]!.GetValue<int>());
            var size = doc["sizes"]![0]!;
            var reps = size["comparison"]!["repetitions"]!.AsArray();
            Assert.Equal(3, reps.Count);
            var totals = reps.Select(x => x!["ours_total_s"]!.GetValue<double>()).ToArray();
            Assert.Equal(totals.Min(), size["ours"]!["total_seconds"]!.GetValue<double>());
            Assert.All(reps, x => Assert.Null(x!["scipy_total_s"]));
            Assert.NotEqual(0, root.Parse(["bench", "--sizes", "16", "--repeat", "0"]).Invoke());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>
    /// The smallest eigenvalues of the symmetrized SQRA generator, assembled as sqra_ref.py does:
    /// <c>A_ij = −T/h²</c> for neighbours, <c>A_ii = Σ_j (T/h²) e^{−(U_j − U_i)/(2T)}</c>.
    /// </summary>
    private static double[] DenseRates(string caseName, int n)
    {
        var (t, lx, ly, u) = caseName == "valley"
            ? (0.25, 2.0, 5.0, (Func<double, double, double>)((x, y) => 0.5 * Math.Pow(y, 4) - y * y + 0.3 * y + 0.5 * 20 * (1 + 0.5 * Math.Tanh(y)) * x * x))
            : (1.0, 12.0, 12.0, (x, y) => 0.5 * (x * x + 1.3 * y * y));
        double hx = lx / n, hy = ly / n;
        var a = Matrix<double>.Build.Dense(n * n, n * n);
        double Centre(double l, double h, int i) => -l / 2 + (i + 0.5) * h;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                int k = i * n + j;
                double uk = u(Centre(lx, hx, i), Centre(ly, hy, j));
                foreach (var (di, dj, h) in new[] { (1, 0, hx), (-1, 0, hx), (0, 1, hy), (0, -1, hy) })
                {
                    int ii = i + di, jj = j + dj;
                    if (ii < 0 || ii >= n || jj < 0 || jj >= n) continue;
                    double ul = u(Centre(lx, hx, ii), Centre(ly, hy, jj));
                    double w = t / (h * h);
                    a[k, ii * n + jj] = -w;
                    a[k, k] += w * Math.Exp(-(ul - uk) / (2 * t));
                }
            }
        return [.. a.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().Take(Modes)];
    }
}
