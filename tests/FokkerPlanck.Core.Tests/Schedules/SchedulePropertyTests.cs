using FokkerPlanck.Core.Schedules;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FokkerPlanck.Core.Tests.Schedules;

/// <summary>Random LRs and durations for every decay kind and wsd: η stays positive and between the LRs it joins, and Steps/TimeAtSteps invert each other.</summary>
public class SchedulePropertyTests
{
    /// <summary>Slack on the bounds: η is a convex combination of the LRs up to round-off.</summary>
    private const double BoundSlack = 1e-12;

    /// <summary>Steps/TimeAtSteps round trip (relative to t, absolute below t = 1e-3).</summary>
    private const double InverseTolerance = 1e-9;

    /// <summary>Where between 0 and the horizon the checks look (plus every breakpoint).</summary>
    private static readonly double[] Fractions = [0, 1e-6, 0.013, 0.25, 0.5, 0.77, 0.999, 1, 1.7];

    [Property(Arbitrary = [typeof(RandomSchedules)], MaxTest = 150)]
    public bool Bound_RandomLrsAndDurations_PositiveBoundedAndInvertible(RandomSchedule c)
    {
        var s = ScheduleCatalog.Parse(c.Spec).Bind(c.PlateauLr, c.FinalLr);
        double lo = Math.Min(Math.Min(c.PlateauLr, c.FinalLr), s.InitialLr), hi = Math.Max(Math.Max(c.PlateauLr, c.FinalLr), s.InitialLr);
        double horizon = double.IsFinite(s.SettleTime) ? s.SettleTime : (s.Breakpoints.Count > 0 ? s.Breakpoints[^1] : 0) + 10 * c.Scale;
        double previousSteps = 0;
        foreach (double t in Fractions.Select(f => f * horizon).Concat(s.Breakpoints).Order())
        {
            double eta = s.LearningRate(t);
            if (!(eta > 0) || eta < lo * (1 - BoundSlack) || eta > hi * (1 + BoundSlack))
                throw new InvalidOperationException($"{c}: η({t}) = {eta} outside [{lo}, {hi}]");
            double k = s.Steps(t);
            if (k < previousSteps) throw new InvalidOperationException($"{c}: Steps not increasing at {t}");
            previousSteps = k;
            double back = s.TimeAtSteps(k);
            if (Math.Abs(back - t) > InverseTolerance * Math.Max(t, 1e-3))
                throw new InvalidOperationException($"{c}: TimeAtSteps(Steps({t}) = {k}) = {back}");
        }
        return ScheduleCatalog.Parse(s.Spec).Spec == c.Spec;
    }

    /// <summary>A random spec with its LRs; <see cref="Scale"/> is its typical duration (for horizons).</summary>
    public sealed record RandomSchedule(string Spec, double PlateauLr, double FinalLr, double Scale);

    /// <summary>The generator FsCheck uses for <see cref="RandomSchedule"/>.</summary>
    public static class RandomSchedules
    {
        /// <summary>Log-uniform LRs in [1e-4, 10]; durations log-uniform in [1e-2, 1e3] (time) or [1, 10⁴] steps.</summary>
        public static Arbitrary<RandomSchedule> Schedules()
        {
            var lr = LogUniform(1e-4, 10);
            var time = LogUniform(1e-2, 1e3);
            var steps = Gen.Choose(1, 10_000).Select(n => (double)n);
            var duration = Gen.Elements(true, false).SelectMany(inSteps => (inSteps ? steps : time).Select(d => (Value: d, InSteps: inSteps)));
            var alpha = LogUniform(0.2, 5);
            var drops = Gen.Choose(1, 8);
            var kind = Gen.Choose(0, 8);
            return (from k in kind
                    from h in lr
                    from f in lr
                    from from0 in lr
                    from d in duration
                    from w in duration
                    from st in duration
                    from a in alpha
                    from n in drops
                    select Make(k, h, f, from0, d, w, st, a, n)).ToArbitrary();
        }

        private static RandomSchedule Make(int kind, double h, double c, double from, (double Value, bool InSteps) d,
                                           (double Value, bool InSteps) w, (double Value, bool InSteps) s, double alpha, int n)
        {
            string D(double value, bool inSteps) => ScheduleTestCases.Text(value) + (inSteps ? "steps" : "");
            string dd = D(d.Value, d.InSteps);
            string decay = (kind % 5) switch
            {
                0 => $"linear:{dd}",
                1 => $"cosine:{dd}",
                2 => $"exp:{dd}",
                3 => $"power:{dd},alpha={ScheduleTestCases.Text(alpha)}",
                _ => n == 3 ? $"step:{dd}" : $"step:{dd},n={n}",
            };
            string spec = kind switch
            {
                5 => $"inverse:{dd}",
                6 => "constant",
                7 or 8 => $"wsd:warmup={D(w.Value, w.InSteps)},stable={D(s.Value, s.InSteps)},{(kind == 8 ? $"from={ScheduleTestCases.Text(from)}," : "")}decay={decay}",
                _ => decay,
            };
            double scale = d.InSteps ? d.Value * Math.Max(h, c) : d.Value;
            return new RandomSchedule(spec, h, c, scale);
        }

        private static Gen<double> LogUniform(double lo, double hi)
            => Gen.Choose(0, 1_000_000).Select(i => lo * Math.Pow(hi / lo, i / 1e6));
    }
}
