using FokkerPlanck.Core.Langevin;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.Langevin;

public class StepPlannerTests
{
    private const double Kappa = 2.0;

    private static List<(StepPlan Plan, double End)> Plans(StepPlanner planner, double from, double to) => [.. planner.Plans(from, 0, to)];

    [Fact]
    public void SdePlans_LandOnTheOutputTimeAndTheBreakpoints_WithStepsNoLargerThanAsked()
    {
        var schedule = ScheduleCatalog.Parse("wsd:warmup=0.3,stable=0.5,decay=linear:1").Bind(1.0, 0.25);
        var planner = new StepPlanner(schedule, Kappa, LangevinMethod.EulerMaruyama, 0.07);
        var plans = Plans(planner, 0, 2.0);
        var sizes = plans.SelectMany(p => p.Plan.Sizes).ToArray();
        Assert.All(sizes, h => Assert.True(h <= 0.07 * (1 + 1e-12)));
        Assert.Equal(2.0, sizes.Sum(), 12);
        Assert.Equal(2.0, plans[^1].End);
        // every breakpoint is a sum of whole steps
        var ends = new List<double>();
        double t = 0;
        foreach (double h in sizes) ends.Add(t += h);
        foreach (double b in schedule.Breakpoints.Where(b => b < 2.0))
            Assert.Contains(ends, e => Math.Abs(e - b) < 1e-12);
    }

    [Fact]
    public void SdePlans_UseTheMidpointTemperature()
    {
        var schedule = ScheduleCatalog.Parse("linear:1").Bind(1.0, 0.5);
        var planner = new StepPlanner(schedule, Kappa, LangevinMethod.LeimkuhlerMatthews, 0.25);
        var plan = Assert.Single(Plans(planner, 0, 1.0)).Plan;
        Assert.Equal(4, plan.Count);
        for (int n = 0; n < 4; n++) Assert.Equal(Kappa * schedule.LearningRate((n + 0.5) * 0.25), plan.Temperatures[n], 14);
    }

    [Fact]
    public void SgdPlans_StepByTheLearningRate_AndLandAtTheFirstStepAtOrAfterTheTarget()
    {
        var schedule = ScheduleCatalog.Parse("exp:0.5").Bind(0.2, 0.05);
        var planner = new StepPlanner(schedule, Kappa, LangevinMethod.Sgd, double.NaN);
        double[] landed = planner.LandingTimes([0.0, 0.33, 1.0]);
        Assert.Equal(0.0, landed[0]);
        var plans = Plans(planner, 0, landed[2]);
        double t = 0;
        var times = new List<double>();
        foreach (var (plan, _) in plans)
            for (int n = 0; n < plan.Count; n++)
            {
                Assert.Equal(schedule.LearningRate(t), plan.Sizes[n]);
                Assert.Equal(Kappa * plan.Sizes[n], plan.Temperatures[n]);
                times.Add(t += plan.Sizes[n]);
            }
        Assert.Equal(landed[2], plans[^1].End);
        int first = times.FindIndex(x => x >= 0.33);
        Assert.Equal(times[first], landed[1]);
        Assert.True(first == 0 || times[first - 1] < 0.33);
    }

    [Fact]
    public void LongStretches_AreCutIntoBoundedPlans_WithConsecutiveStepCounters()
    {
        var schedule = ScheduleCatalog.Parse("constant").Bind(0.5, 0.5);
        var planner = new StepPlanner(schedule, Kappa, LangevinMethod.EulerMaruyama, 1e-4);
        var plans = planner.Plans(0, 7, 5.0).ToList();
        Assert.All(plans, p => Assert.True(p.Plan.Count <= StepPlanner.MaxPlanSteps));
        long next = 7;
        foreach (var (plan, _) in plans) { Assert.Equal(next, plan.FirstStep); next += plan.Count; }
        Assert.Equal(7 + 50_000, next);
    }
}
