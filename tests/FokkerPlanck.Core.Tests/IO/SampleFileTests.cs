using FokkerPlanck.Core.IO;
using FokkerPlanck.Core.Schedules;

namespace FokkerPlanck.Core.Tests.IO;

/// <summary>
/// Sample files: CSV in any column order and case, .npy with default and named columns, grouping by
/// exact time, steps through the schedule, and malformed files whose messages name the line (or row)
/// and the column.
/// </summary>
public sealed class SampleFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Csv(string text, string name = "samples.csv")
    {
        string path = _dir.File(name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Read_CsvInAnyColumnOrder_GroupsByStepAndConvertsStepsWithTheSchedule()
    {
        var set = SampleFile.Read(Csv("y,RUN,step,x\n0.5,1,10,0.1\n\n0.6,2,10,-0.2\n0.7,1,20,0.3\n"));
        Assert.True(set.InSteps);
        Assert.Equal(3, set.Count);
        Assert.Equal([2, 4, 5], set.Lines);
        // a quench to η_c = 0.1: t = 0.1 · steps
        var groups = set.GroupByTime(ScheduleCatalog.Parse("constant").Bind(0.3, 0.1));
        Assert.Equal(2, groups.Count);
        Assert.Equal(1.0, groups[0].Time, 1e-12);
        Assert.Equal(10, groups[0].Steps);
        Assert.Equal([0.1, -0.2], groups[0].X);
        Assert.Equal([0.5, 0.6], groups[0].Y);
        Assert.Equal(2, groups[0].Runs);
        Assert.Equal(2.0, groups[1].Time, 1e-12);
        Assert.Equal(5, groups[1].FirstLine);
    }

    [Fact]
    public void GroupByTime_TimesThatDifferInTheLastDigit_AreTwoTimes()
    {
        var groups = SampleFile.Read(Csv("t,x,y\n1,0,0\n1.0,0,1\n1.0000001,0,2\n0.5,0,3\n")).GroupByTime();
        Assert.Equal([0.5, 1.0, 1.0000001], groups.Select(g => g.Time));
        Assert.Equal([1, 2, 1], groups.Select(g => g.Count));
        Assert.Null(groups[0].Steps);
        Assert.Equal(0, groups[0].Runs);
    }

    [Fact]
    public void Read_OneDimensionalCsvWithoutX_HasNoXUnlessRequired()
    {
        string path = Csv("t,y\n0,0.5\n0,0.6\n");
        var set = SampleFile.Read(path);
        Assert.Null(set.X);
        Assert.Empty(set.GroupByTime()[0].X);
        var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(path, new SampleFileOptions { RequireX = true }));
        Assert.Contains("line 1, column \"x\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NpyWithDefaultColumns_ReadsTXY()
    {
        string path = _dir.File("samples.npy");
        NpyWriter.Write(path, [0, 0.1, 0.2, 0, 0.3, 0.4, 2, 0.5, 0.6], 3, 3);
        var set = SampleFile.Read(path);
        Assert.False(set.InSteps);
        Assert.Equal([0.1, 0.3, 0.5], set.X!);
        Assert.Equal([0.2, 0.4, 0.6], set.Y);
        Assert.Equal([0.0, 2.0], set.GroupByTime().Select(g => g.Time));
    }

    [Fact]
    public void Read_NpyWithNamedColumns_ReadsStepsAndRuns()
    {
        string path = _dir.File("named.npy");
        NpyWriter.Write(path, [0.2, 7, 10, 0.1, 0.4, 8, 10, 0.3], 2, 4);
        var set = SampleFile.Read(path, new SampleFileOptions { NpyColumns = ["y", "run", "step", "x"] });
        Assert.True(set.InSteps);
        Assert.Equal([7L, 8L], set.Runs!);
        Assert.Equal([0.1, 0.3], set.X!);
    }

    public static TheoryData<string, string, string[]> MalformedCsv => new()
    {
        { "not a number", "t,x,y\n0,0.1,0.2\n1,abc,0.3\n", ["line 3, column \"x\"", "\"abc\" is not a number"] },
        { "NaN", "t,x,y\n0,NaN,0.2\n", ["line 2, column \"x\"", "not a finite number"] },
        { "infinity", "t,x,y\n0,0.1,Infinity\n", ["line 2, column \"y\"", "not a finite number"] },
        { "negative step", "step,x,y\n5,0,0\n-3,0.1,0.2\n", ["line 3, column \"step\"", "negative"] },
        { "negative time", "x,y,t\n0.1,0.2,-1\n", ["line 2, column \"t\"", "negative"] },
        { "missing y column", "t,x\n0,1\n", ["line 1, column \"y\"", "missing"] },
        { "both t and step", "t,step,x,y\n0,0,0,0\n", ["line 1, column \"step\"", "not both"] },
        { "neither t nor step", "x,y\n0,0\n", ["line 1, column \"t\"", "missing"] },
        { "unknown column", "t,x,y,loss\n0,0,0,1\n", ["line 1, column \"loss\"", "unknown column"] },
        { "repeated column", "t,x,y,X\n0,0,0,0\n", ["line 1, column \"X\"", "twice"] },
        { "missing field", "t,x,y\n0,0.1,0.2\n0,0.1\n", ["line 3, column \"y\"", "missing value"] },
        { "extra field", "t,x,y\n0,0.1,0.2,0.3\n", ["line 2, column 4", "4 values"] },
        { "empty field", "t,x,y\n0,,0.2\n", ["line 2, column \"x\"", "empty value"] },
        { "run not whole", "t,x,y,run\n0,0.1,0.2,1.5\n", ["line 2, column \"run\"", "whole number"] },
        { "line count after an empty line", "t,x,y\n\n0,0.1,0.2\n1,x,0\n", ["line 4, column \"x\""] },
        { "empty file", "", ["line 1", "empty"] },
        { "header only", "t,x,y\n", ["line 1", "no samples"] },
        { "unclosed quote", "t,x,y\n0,\"0.1,0.2\n", ["line 2", "malformed CSV"] },
    };

    [Theory]
    [MemberData(nameof(MalformedCsv))]
    public void Read_MalformedCsv_NamesTheFileLineAndColumn(string what, string text, string[] fragments)
    {
        var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(Csv(text)));
        Assert.Contains("samples.csv", e.Message, StringComparison.Ordinal);
        foreach (string f in fragments) Assert.True(e.Message.Contains(f, StringComparison.Ordinal), $"{what}: \"{e.Message}\" lacks \"{f}\"");
    }

    [Fact]
    public void Read_NpyWithANaN_NamesTheRowAndColumn()
    {
        string path = _dir.File("bad.npy");
        NpyWriter.Write(path, [0, 0.1, 0.2, 1, 0.3, double.NaN], 2, 3);
        var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(path));
        Assert.Contains("bad.npy row 2, column \"y\"", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NpyOfUnnamedWidthOrWrongRank_SaysWhatToDo()
    {
        string wide = _dir.File("wide.npy"), flat = _dir.File("flat.npy");
        NpyWriter.Write(wide, new double[10], 2, 5);
        NpyWriter.Write(flat, new double[6]);
        Assert.Contains("name them", Assert.Throws<SampleFileException>(() => SampleFile.Read(wide)).Message, StringComparison.Ordinal);
        Assert.Contains("shape (n, k)", Assert.Throws<SampleFileException>(() => SampleFile.Read(flat)).Message, StringComparison.Ordinal);
        Assert.Contains("3 column names", Assert.Throws<SampleFileException>(() => SampleFile.Read(wide, new SampleFileOptions { NpyColumns = ["t", "x", "y"] })).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckInside_SamplesOutsideTheDomain_NameTheFirstLineAndTheCount()
    {
        var set = SampleFile.Read(Csv("t,x,y\n0,0,0\n0,0,5\n0,-3,0\n0,0,6\n"));
        var e = Assert.Throws<SampleFileException>(() => set.CheckInside(-2, 2, -1, 1, checkX: true));
        Assert.Contains("line 3, column \"y\"", e.Message, StringComparison.Ordinal);
        Assert.Contains("3 of 4 samples", e.Message, StringComparison.Ordinal);
        Assert.Contains("2 with y > 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_NamesIt()
    {
        var e = Assert.Throws<SampleFileException>(() => SampleFile.Read(_dir.File("nope.csv")));
        Assert.Contains("not found", e.Message, StringComparison.Ordinal);
    }
}
