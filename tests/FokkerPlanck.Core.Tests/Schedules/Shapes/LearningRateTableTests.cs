using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.Schedules.Shapes;

/// <summary><c>table:PATH</c>: CSV round trips, in time and in steps, and every malformed file named by line and column.</summary>
public class LearningRateTableTests(ScheduleTestCases cases) : IClassFixture<ScheduleTestCases>
{
    [Fact]
    public void Bind_TimeTable_InterpolatesLinearlyInTime()
    {
        double[] t = [0, 1.5, 4, 9.25], lr = [0.7, 0.6, 0.25, 0.1];
        string name = cases.WriteTable("time.csv", "t,lr\n" + string.Concat(t.Zip(lr, (a, b) => $"{ScheduleTestCases.Text(a)},{ScheduleTestCases.Text(b)}\n")));
        var shape = ScheduleCatalog.Parse("table:" + name, cases.Folder);
        Assert.Equal((0.7, 0.1), shape.FixedLearningRates);
        var s = shape.Bind(0.7, 0.1);
        Assert.Equal(t[1..], s.Breakpoints);
        Assert.Equal(9.25, s.SettleTime);
        for (int i = 0; i < t.Length; i++) Assert.Equal(lr[i], s.LearningRate(t[i]), 15);
        double steps = 0;
        for (int i = 0; i + 1 < t.Length; i++)
        {
            Assert.Equal((lr[i] + lr[i + 1]) / 2, s.LearningRate((t[i] + t[i + 1]) / 2), 15);
            steps += (t[i + 1] - t[i]) * Math.Log(lr[i + 1] / lr[i]) / (lr[i + 1] - lr[i]);
        }
        Assert.Equal(0.1, s.LearningRate(100));
        Assert.Equal(steps, s.Steps(9.25), 12);
        Assert.Equal("table:time.csv", s.Spec);
    }

    [Fact]
    public void Bind_StepTable_InterpolatesLinearlyInSteps()
    {
        string name = cases.WriteTable("steps.csv", "step,lr\n0,0.58\n100,0.3\n300,0.145\n");
        var s = ScheduleCatalog.Parse("table:" + name, cases.Folder).Bind(0.58, 0.145);
        double t100 = 100 * (0.58 + 0.3) / 2, t300 = t100 + 200 * (0.3 + 0.145) / 2;
        Assert.Equal(t100, s.Breakpoints[0], 1e-12);
        Assert.Equal(t300, s.Breakpoints[1], 1e-12);
        Assert.Equal(0.3, s.LearningRate(t100), 15);
        Assert.Equal(100, s.Steps(t100), 12);
        Assert.Equal(300, s.Steps(t300), 12);
        // step 50 is the midpoint of the first interval: η = 0.44 there, reached at t = 50 (0.58 + 0.44)/2
        Assert.Equal(0.44, s.LearningRate(50 * (0.58 + 0.44) / 2), 14);
        Assert.Equal(50, s.Steps(50 * (0.58 + 0.44) / 2), 12);
        Assert.Contains("300 steps (t ≈", s.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_OtherLearningRates_RefusesWithTheTablesOwn()
    {
        var shape = ScheduleCatalog.Parse("table:lr.csv", cases.Folder);
        var e = Assert.Throws<ScheduleException>(() => shape.Bind(1.0, 0.145));
        Assert.Contains("the table fixes its own learning rates, 0.58 (first row) to 0.145 (last row)", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => shape.Bind(-1, 0.145));
    }

    [Theory]
    [InlineData("t,lr\n0,0.58\n1,abc\n", 3, "lr", "\"abc\" is not a number")]
    [InlineData("t,lr\n0,0.58\n1,NaN\n", 3, "lr", "not a finite number")]
    [InlineData("t,lr\n0,0.58\nInfinity,0.2\n", 3, "t", "not a finite number")]
    [InlineData("t,lr\n0,0.58\n1,\n", 3, "lr", "\"\" is not a number")]
    [InlineData("t,lr\n0,0.58\n1\n", 3, "lr", "missing value")]
    [InlineData("t\n0\n1\n", 1, "lr", "missing")]
    [InlineData("lr\n0.5\n0.4\n", 1, "t", "missing")]
    [InlineData("t,lr,loss\n0,0.5,1\n1,0.4,1\n", 1, "loss", "unknown column")]
    [InlineData("t,step,lr\n0,0,0.5\n", 1, "step", "not both")]
    [InlineData("t,lr,LR\n0,0.5,0.5\n", 1, "LR", "appears twice")]
    [InlineData("t,lr\n0,0.5\n2,0.4\n1,0.3\n", 4, "t", "1 is not greater than the previous row's 2")]
    [InlineData("step,lr\n0,0.5\n10,0.4\n10,0.3\n", 4, "step", "must increase strictly")]
    [InlineData("t,lr\n0,0.5\n1,-0.1\n", 3, "lr", "learning rates must be > 0, got -0.1")]
    [InlineData("t,lr\n0,0\n1,0.1\n", 2, "lr", "learning rates must be > 0, got 0")]
    [InlineData("t,lr\n1,0.5\n2,0.4\n", 2, "t", "the first row must be at t = 0")]
    [InlineData("t,lr\n0,0.5\n1,0.4,7\n", 3, "3", "the header has 2 columns")]
    public void Parse_MalformedTable_NamesFileLineAndColumn(string content, int line, string column, string fragment)
    {
        string name = cases.WriteTable("bad.csv", content);
        var e = Assert.Throws<ScheduleException>(() => ScheduleCatalog.Parse("table:" + name, cases.Folder));
        string columnText = int.TryParse(column, out _) ? $"column {column}" : $"column \"{column}\"";
        Assert.StartsWith($"bad.csv line {line}, {columnText}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 1, "the file is empty")]
    [InlineData("t,lr\n", 1, "0 row(s) after the header; a table needs at least 2 rows")]
    [InlineData("t,lr\n0,0.5\n", 2, "1 row(s) after the header")]
    public void Parse_EmptyOrShortTable_NamesLineAndColumns(string content, int line, string fragment)
    {
        string name = cases.WriteTable("short.csv", content);
        var e = Assert.Throws<ScheduleException>(() => ScheduleCatalog.Parse("table:" + name, cases.Folder));
        Assert.StartsWith($"short.csv line {line}: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(fragment, e.Message, StringComparison.Ordinal);
        if (content.Length == 0) Assert.Contains("\"t\" (time) or \"step\" (SGD steps), and \"lr\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RelativePath_ResolvedAgainstBaseDirectory()
    {
        Directory.CreateDirectory(Path.Combine(cases.Folder, "sub"));
        cases.WriteTable(Path.Combine("sub", "lr2.csv"), "t, lr\n 0 , 0.5\n\n3, 0.25\n");
        var s = ScheduleCatalog.Parse("table:sub/lr2.csv", cases.Folder).Bind(0.5, 0.25);
        Assert.Equal(0.375, s.LearningRate(1.5), 15);
        var e = Assert.Throws<ScheduleException>(() => ScheduleCatalog.Parse("table:sub/lr2.csv", Path.GetTempPath()));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }
}
