using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.Schedules;

/// <summary>Invalid specs and learning rates: the error names the offending part and says what is expected.</summary>
public class ScheduleCatalogErrorTests
{
    [Theory]
    [InlineData("lineer:10", "unknown schedule kind \"lineer\"; known: constant, linear, cosine, exp, power, inverse, step, wsd, table")]
    [InlineData("", "no schedule kind")]
    [InlineData("linear", "linear takes one value, found 0; expected linear:D")]
    [InlineData("linear:", "linear takes one value")]
    [InlineData("linear:abc", "\"abc\" is not a duration")]
    [InlineData("linear:10s", "500steps")]
    [InlineData("linear:NaN", "not a duration")]
    [InlineData("linear:1e400", "not a duration")]
    [InlineData("linear:-1", "must be ≥ 0")]
    [InlineData("linear:10,20", "takes one value, found 2")]
    [InlineData("linear:10,foo=1", "linear takes no named arguments")]
    [InlineData("cosine:10,,", "empty argument")]
    [InlineData("constant:5", "constant takes no values")]
    [InlineData("power:0", "τ must be > 0")]
    [InlineData("power:5,alpha=0", "alpha must be > 0")]
    [InlineData("power:5,alpha=x", "\"x\" is not a finite number")]
    [InlineData("power:5,beta=1", "unknown argument \"beta\"; power accepts alpha=")]
    [InlineData("power:5,alpha=1,alpha=2", "given twice")]
    [InlineData("inverse:-2steps", "τ must be > 0")]
    [InlineData("step:10,n=0", "whole number ≥ 1")]
    [InlineData("step:10,n=2.5", "whole number ≥ 1")]
    [InlineData("wsd:warmup=5", "wsd needs decay=SHAPE")]
    [InlineData("wsd:warmup=5,stable=1", "wsd needs decay=SHAPE")]
    [InlineData("wsd:decay=wsd:decay=linear:1", "decay= takes a decay shape")]
    [InlineData("wsd:decay=table:lr.csv", "decay= takes a decay shape")]
    [InlineData("wsd:decay=linear:10,warmup=5", "decay= must be the last argument")]
    [InlineData("wsd:from=0.1,decay=linear:1", "there is no warm-up")]
    [InlineData("wsd:warmup=5,from=-1,decay=linear:1", "must be > 0")]
    [InlineData("wsd:warmup=5,warmup=6,decay=linear:1", "given twice")]
    [InlineData("wsd:cooldown=5,decay=linear:1", "unknown argument \"cooldown\"")]
    [InlineData("wsd:warmup=x,decay=linear:1", "the warm-up W must be")]
    [InlineData("wsd:decay=lineer:1", "unknown schedule kind \"lineer\"")]
    [InlineData("table:", "table needs the path of a CSV file")]
    [InlineData("table:no-such-file.csv", "not found")]
    public void Parse_InvalidSpec_NamesSpecAndSaysWhatIsWrong(string spec, string fragment)
    {
        var e = Assert.Throws<ScheduleException>(() => ScheduleCatalog.Parse(spec));
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        Assert.StartsWith($"schedule \"{spec}\"", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Shape", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("quench", "constant")]
    [InlineData("1/t:5", "inverse:5")]
    [InlineData(" LINEAR : 10.0 ", "linear:10")]
    [InlineData("linear:5e2 steps", "linear:500steps")]
    [InlineData("power:5,alpha=2", "power:5")]
    [InlineData("step:10,n=3", "step:10")]
    [InlineData("wsd:stable=2,warmup=0,decay=exp:4", "wsd:stable=2,decay=exp:4")]
    [InlineData("wsd:from=0.01,warmup=1,decay=quench", "wsd:warmup=1,from=0.01,decay=constant")]
    public void Parse_AliasesAndDefaults_WriteCanonicalSpec(string spec, string canonical)
    {
        Assert.Equal(canonical, ScheduleCatalog.Parse(spec).Spec);
    }

    [Theory]
    [InlineData(-0.1, 0.1)]
    [InlineData(0, 0.1)]
    [InlineData(0.1, 0)]
    [InlineData(0.1, -1)]
    [InlineData(double.NaN, 0.1)]
    [InlineData(0.1, double.PositiveInfinity)]
    public void Bind_NonPositiveOrNonFiniteLr_Throws(double plateau, double final)
    {
        foreach (var kind in ScheduleCatalog.Kinds.Where(k => k.IsDecay))
        {
            var shape = ScheduleCatalog.Parse(kind.Examples[0]);
            var e = Assert.Throws<ArgumentOutOfRangeException>(() => shape.Bind(plateau, final));
            Assert.Contains("must be > 0", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void LearningRate_OutsideSegmentOrNegativeTime_Throws()
    {
        var s = ScheduleCatalog.Parse("linear:10").Bind(0.5, 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => s.LearningRate(11, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.LearningRate(9, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.LearningRate(1, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.LearningRate(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.Steps(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => s.TimeAtSteps(-1));
        Assert.Equal(0.1, s.LearningRate(10 * (1 + 1e-12), 0), 12);
        Assert.Equal(double.PositiveInfinity, s.Steps(double.PositiveInfinity));
    }
}
