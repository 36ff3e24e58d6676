using FokkerPlanck.Core.Analysis.Mpemba;
using FokkerPlanck.Core.Pipeline;
using FokkerPlanck.Reporting.Run;

namespace FokkerPlanck.Reporting.Tests;

/// <summary>The report's wording of numbers and the summary it opens with.</summary>
public sealed class ReportTextTests
{
    [Theory]
    [InlineData(0.58085, 5.5e-5, "0.580850 ± 0.000055")]
    [InlineData(0.5553, 0.0045, "0.5553 ± 0.0045")]
    [InlineData(12.345, 1.2, "12.3 ± 1.2")]
    [InlineData(0.58085, double.NaN, "0.58085")]
    public void Lr_ShowsTheValueToTheErrorsSecondDigit(double lr, double error, string expected)
        => Assert.Equal(expected, ReportText.Lr(new PointEstimate("cooling", lr, error, [], double.NaN, 1)));

    [Fact]
    public void Answer_NamesTheOptimalPlateauItsRatioToTheFinalLrAndTheGain()
    {
        var s = RunSummary.From(RunFolderTests.Sample());
        string text = ReportText.Answer(s);
        Assert.Contains("η_h = 0.5808", text);
        Assert.Contains("4.01× the final learning rate η_c = 0.145", text);
        Assert.Contains($"{1.85 / 0.0231:G3}× faster", text);
        Assert.Equal("instant drop", ReportText.Schedule("constant"));
        Assert.Equal("linear over 4.32", ReportText.Schedule("linear:4.32"));
    }

    [Theory]
    [InlineData(1.01e8, "1.01e8")]
    [InlineData(9.6e-5, "9.6e-5")]
    [InlineData(0.0231, "0.0231")]
    [InlineData(0, "0")]
    public void Compact_UsesShortExponentsOnlyFarFromOne(double v, string expected) => Assert.Equal(expected, NumberFormat.Compact(v));
}
