using FokkerPlanck.Core.Langevin.Drift;
using FokkerPlanck.Core.Scenarios;
using FokkerPlanck.Core.Tests.Scenarios;
using Xunit.Abstractions;

namespace FokkerPlanck.Core.Tests.Langevin.Drift;

/// <summary>
/// The vectorized block gradient of every landscape kind against <see cref="ScalarBlockGradient"/>
/// over the same scenario landscape, on random points, for every block length 1…256.
/// </summary>
/// <remarks>
/// Tolerance: |v − s| ≤ <see cref="Tolerance"/>·(|s| + S), S the largest |s| of that component
/// over the sample (the drift's scale on the domain). Relative to |s| alone the difference is
/// unbounded near a zero of a component that is a sum of terms (gy = c′ + ½a′x²), where a few-ulp
/// difference in one term is all that is left; relative to the terms it stays at a few ulp.
/// </remarks>
public class BlockGradientTests(ITestOutputHelper output)
{
    /// <summary>Measured ≤ 2.9e-16 (peer valley, two-basin, the 1D and 2D cases below); about 10 ulp with slack.</summary>
    private const double Tolerance = 2e-15;

    /// <summary>Points compared per landscape.</summary>
    private const int Points = 256 * 257 / 2;

    /// <summary>Samples beyond the domain by this factor too, where the landscapes are steeper.</summary>
    private const double DomainStretch = 1.5;

    private const string Potential1D = """
        { "landscape": { "kind": "potential1d", "U": "0.25*y^4 - y^2 + 0.1*sin(3*y) + if(y < 0.3, 0.2*exp(-y^2), 0.05*cosh(y)) + 0.02*abs(y - 0.1)^1.5" },
          "domain": { "y": [-2, 2] }, "grid": { "ny": 64 }, "final_lr": 0.1, "plateau_lr": { "min": 0.2, "max": 1 } }
        """;

    private const string Potential2D = """
        { "landscape": { "kind": "potential2d", "U": "0.5*(x - tanh(2*y))^2*(2 + cos(y)) + log(1 + y^2) + 0.3*x^2*sqrt(1 + y^2) + max(x, y)/4 + 0.1*sinh(x*y) + y^6/30" },
          "domain": { "x": [-1.5, 1.5], "y": [-2, 2] }, "grid": { "nx": 32, "ny": 32 }, "final_lr": 0.1, "plateau_lr": { "min": 0.2, "max": 1 } }
        """;

    public static TheoryData<string> Scenarios => new() { "peer-valley.json", "two-basin.json", "potential1d", "potential2d" };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Gradient_EveryBlockLength_MatchesScalarReference(string name)
    {
        var scenario = Load(name);
        var (x, y) = Sample(scenario, new System.Random(name.Length));
        var (gx, gy) = Run(BlockGradient.Create(scenario).CreateEvaluator(), x, y, lengths: true);
        var (sx, sy) = Run(new ScalarBlockGradient(ScenarioLandscapeFactory.Create(scenario)), x, y, lengths: false);
        AssertClose(name, "gx", gx, sx);
        AssertClose(name, "gy", gy, sy);
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Loss_FullBlocks_MatchesScalarReference(string name)
    {
        var scenario = Load(name);
        var (x, y) = Sample(scenario, new System.Random(name.Length + 1));
        var vector = BlockGradient.Create(scenario).CreateEvaluator();
        var scalar = new ScalarBlockGradient(ScenarioLandscapeFactory.Create(scenario));
        double[] v = new double[y.Length], s = new double[y.Length];
        for (int start = 0; start < y.Length; start += BlockGradient.MaxBlock)
        {
            int n = Math.Min(BlockGradient.MaxBlock, y.Length - start);
            vector.Loss(x.AsSpan(start, n), y.AsSpan(start, n), v.AsSpan(start, n));
            scalar.Loss(x.AsSpan(start, n), y.AsSpan(start, n), s.AsSpan(start, n));
        }

        AssertClose(name, "loss", v, s);
    }

    [Fact]
    public void Gradient_OneDimensional_ZeroGxWithoutReadingX()
    {
        var gradient = BlockGradient.Create(Load("potential1d"));
        Assert.True(gradient.IsOneDimensional);
        double[] y = [-1.0, -0.5, 0.25, 1.0, 1.5], gx = [9, 9, 9, 9, 9], gy = new double[5];
        gradient.CreateEvaluator().Gradient(ReadOnlySpan<double>.Empty, y, gx, gy);
        Assert.All(gx, v => Assert.Equal(0.0, v));
        Assert.All(gy, v => Assert.True(double.IsFinite(v) && v != 0));
    }

    [Fact]
    public void Gradient_TwoThreadsWithOwnEvaluators_GiveTheSameResults()
    {
        var scenario = Load("peer-valley.json");
        var gradient = BlockGradient.Create(scenario);
        var (x, y) = Sample(scenario, new System.Random(3));
        var (gx, gy) = Run(gradient.CreateEvaluator(), x, y, lengths: false);
        var results = new (double[] Gx, double[] Gy)[2];
        var threads = Enumerable.Range(0, 2).Select(t => new Thread(() =>
        {
            var evaluator = gradient.CreateEvaluator();
            for (int repeat = 0; repeat < 20; repeat++) results[t] = Run(evaluator, x, y, lengths: false);
        })).ToArray();
        foreach (var t in threads) t.Start();
        foreach (var t in threads) t.Join();
        Assert.All(results, r => Assert.Equal(gx, r.Gx));
        Assert.All(results, r => Assert.Equal(gy, r.Gy));
    }

    [Fact]
    public void Gradient_SteadyState_AllocatesNothing()
    {
        var scenario = Load("two-basin.json");
        var evaluator = BlockGradient.Create(scenario).CreateEvaluator();
        double[] x = new double[BlockGradient.MaxBlock], y = new double[BlockGradient.MaxBlock];
        double[] gx = new double[x.Length], gy = new double[x.Length];
        evaluator.Gradient(x, y, gx, gy);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++) evaluator.Gradient(x, y, gx, gy);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Gradient_InvalidBlocks_Throw()
    {
        var evaluator = BlockGradient.Create(Load("peer-valley.json")).CreateEvaluator();
        var big = new double[BlockGradient.MaxBlock + 1];
        Assert.Throws<ArgumentException>(() => evaluator.Gradient(big, big, big, big));
        Assert.Throws<ArgumentException>(() => evaluator.Gradient(new double[3], new double[4], new double[4], new double[4]));
        Assert.Throws<ArgumentException>(() => evaluator.Loss(new double[4], new double[4], new double[3]));
        Assert.Throws<ArgumentNullException>(() => BlockGradient.Create(null!));
    }

    [Fact]
    public void Create_BadFormula_ThrowsScenarioExceptionWithKey()
    {
        var s = ScenarioLoader.Parse(Potential2D.Replace("tanh(2*y)", "tanhh(2*y)", StringComparison.Ordinal));
        Assert.Equal("landscape.U", Assert.Throws<ScenarioException>(() => BlockGradient.Create(s)).Key);
    }

    internal static Scenario Load(string name) => name switch
    {
        "potential1d" => ScenarioLoader.Parse(Potential1D),
        "potential2d" => ScenarioLoader.Parse(Potential2D),
        _ => ScenarioLoader.Load(Path.Combine(ScenarioLoaderTests.RepoRoot(), "data", "scenarios", name)),
    };

    /// <summary>Uniform points in the domain stretched by <see cref="DomainStretch"/> about its centre.</summary>
    internal static (double[] X, double[] Y) Sample(Scenario scenario, System.Random rng, int count = Points)
    {
        var (xmin, xmax) = scenario.Problem.XRange ?? (-1.0, 1.0);
        var (ymin, ymax) = scenario.Problem.YRange;
        double U(double lo, double hi) => 0.5 * (lo + hi) + DomainStretch * (hi - lo) * (rng.NextDouble() - 0.5);
        double[] x = new double[count], y = new double[count];
        for (int i = 0; i < count; i++) (x[i], y[i]) = (U(xmin, xmax), U(ymin, ymax));
        return (x, y);
    }

    /// <summary>Evaluates in consecutive blocks: of length 1, 2, …, 256 when <paramref name="lengths"/> (Points is their sum), else full blocks.</summary>
    internal static (double[] Gx, double[] Gy) Run(IGradientEvaluator evaluator, double[] x, double[] y, bool lengths)
    {
        double[] gx = new double[y.Length], gy = new double[y.Length];
        for (int start = 0, n = 1; start < y.Length; start += n, n = lengths ? n + 1 : n)
        {
            n = lengths ? n : BlockGradient.MaxBlock;
            int m = Math.Min(n, y.Length - start);
            evaluator.Gradient(x.AsSpan(start, m), y.AsSpan(start, m), gx.AsSpan(start, m), gy.AsSpan(start, m));
        }

        return (gx, gy);
    }

    private void AssertClose(string name, string component, double[] v, double[] s)
    {
        double scale = s.Max(Math.Abs);
        double worst = 0, worstRelative = 0;
        for (int i = 0; i < s.Length; i++)
        {
            double d = v[i] == s[i] ? 0.0 : Math.Abs(v[i] - s[i]);
            worst = Math.Max(worst, d == 0 ? 0.0 : d / (Math.Abs(s[i]) + scale));
            if (Math.Abs(s[i]) > 1e-3 * scale) worstRelative = Math.Max(worstRelative, d / Math.Abs(s[i]));
        }

        output.WriteLine($"{name} {component}: max |v − s|/(|s| + S) = {worst:E2}, max |v − s|/|s| where |s| > 1e-3 S: {worstRelative:E2} (S = {scale:G4})");
        Assert.True(worst <= Tolerance, $"{name} {component}: {worst:E3} > {Tolerance:E1}");
    }
}
