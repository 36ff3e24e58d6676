using FokkerPlanck.Core.Analysis.Evolution;

namespace FokkerPlanck.Core.Tests.Analysis.Evolution;

public class DistancesTests
{
    private static (double[] M, double[] P, double[] LogP) Pair(int seed, double spread)
    {
        var rng = new Random(seed);
        var p = Enumerable.Range(0, 50).Select(_ => rng.NextDouble() + 0.1).ToArray();
        double zp = p.Sum();
        var m = p.Select(x => x * (1 + spread * (rng.NextDouble() - 0.5))).ToArray();
        double zm = m.Sum();
        return (m.Select(x => x / zm).ToArray(), p.Select(x => x / zp).ToArray(), p.Select(x => Math.Log(x / zp)).ToArray());
    }

    [Fact]
    public void KullbackLeibler_FarFromEquilibrium_EqualsTheTextbookSum()
    {
        var (m, p, lp) = Pair(1, 1.5);
        double direct = m.Zip(p, (a, b) => a * Math.Log(a / b)).Sum();
        Assert.Equal(direct, Distances.KullbackLeibler(m, p, lp), 1e-14);
    }

    /// <summary>Near equilibrium KL ≈ ½ Σ (m − π)²/π: the textbook sum cancels to noise there, the stable sum does not.</summary>
    [Fact]
    public void KullbackLeibler_NearEquilibrium_MatchesTheChiSquareLimit()
    {
        var (m, p, lp) = Pair(2, 2e-6);
        double chi = 0.5 * m.Zip(p, (a, b) => (a - b) * (a - b) / b).Sum();
        Assert.True(Math.Abs(Distances.KullbackLeibler(m, p, lp) / chi - 1) < 1e-4);
        Assert.Equal(0, Distances.KullbackLeibler(p, p, lp));
    }

    [Fact]
    public void KullbackLeibler_UnderflowingEquilibrium_StaysFinite()
    {
        double[] lp = [Math.Log(0.5), Math.Log(0.5), -2000];
        double[] p = [0.5, 0.5, 0.0];
        double[] m = [0.4, 0.4, 0.2];
        double kl = Distances.KullbackLeibler(m, p, lp);
        Assert.True(double.IsFinite(kl) && kl > 0);
        Assert.Equal(0.4 * Math.Log(0.8) * 2 + 0.2 * (Math.Log(0.2) + 2000) - 1 + 1, kl, 1e-9);
    }

    [Fact]
    public void L1_AndExcessLoss_AreTheirSums()
    {
        var (m, p, _) = Pair(3, 0.5);
        Assert.Equal(m.Zip(p, (a, b) => Math.Abs(a - b)).Sum(), Distances.L1(m, p), 1e-15);
        var u = Enumerable.Range(0, m.Length).Select(i => (double)i).ToArray();
        double e = p.Zip(u, (a, b) => a * b).Sum();
        Assert.Equal(m.Zip(u, (a, b) => a * b).Sum() - e, Distances.ExcessLoss(m, u, e), 1e-12);
    }

    [Fact]
    public void FirstPassage_ExponentialDecay_CrossingIsExact()
    {
        var t = Enumerable.Range(0, 30).Select(k => 0.5 * k).ToArray();
        var d = t.Select(x => 2 * Math.Exp(-0.7 * x)).ToArray();
        Assert.Equal(Math.Log(2 / 1e-3) / 0.7, FirstPassage.Time(t, d, 1e-3), 1e-9);
        Assert.Equal(0, FirstPassage.Time(t, d, 10));
        Assert.Equal(double.PositiveInfinity, FirstPassage.Time(t, d, 1e-12));
    }

    [Fact]
    public void LateTimeRate_TwoModeDecay_FindsTheSlowOneInTheWindow()
    {
        var t = Enumerable.Range(0, 400).Select(k => 0.1 * k).ToArray();
        var d = t.Select(x => Math.Exp(-5 * x) + 0.3 * Math.Exp(-0.5 * x)).ToArray();
        var r = LateTimeRate.Measure(t, d, 0);
        Assert.Equal(0.5, r.Rate, 1e-3);
        Assert.True(r.Spread < 1e-2);
    }
}
