using System.Globalization;
using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Core.Tests.IO;

public class CsvTableWriterTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Quote_FollowsRfc4180(string field, string expected) => Assert.Equal(expected, CsvTableWriter.Quote(field));

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0 / 3.0)]
    [InlineData(-2.5e-310)]
    [InlineData(double.MaxValue)]
    [InlineData(double.Epsilon)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void FormatDouble_RoundTripsExactly(double value)
    {
        string text = CsvTableWriter.FormatDouble(value);
        double parsed = double.Parse(text, CultureInfo.InvariantCulture);
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(parsed));
        Assert.DoesNotContain(",", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_RoundTripsThroughReader()
    {
        using var dir = new TempDirectory();
        string path = dir.File("t.csv");
        string[] header = ["eta", "label, with comma", "count"];
        object?[][] rows =
        [
            [0.1, "plain", 3],
            [1.0 / 3.0, "quote \" inside", -1L],
            [double.NaN, "multi\nline", null],
        ];
        CsvTableWriter.Write(path, header, rows);

        var records = CsvTableReader.ReadAll(path);
        Assert.Equal(4, records.Count);
        Assert.Equal(header, records[0]);
        Assert.Equal(0.1, double.Parse(records[1][0], CultureInfo.InvariantCulture));
        Assert.Equal(1.0 / 3.0, double.Parse(records[2][0], CultureInfo.InvariantCulture));
        Assert.True(double.IsNaN(double.Parse(records[3][0], CultureInfo.InvariantCulture)));
        Assert.Equal("quote \" inside", records[2][1]);
        Assert.Equal("multi\nline", records[3][1]);
        Assert.Equal("-1", records[2][2]);
        Assert.Equal("", records[3][2]);
    }

    [Fact]
    public void Write_ToTextWriter_UsesLfAndShortestDoubles()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        CsvTableWriter.Write(writer, ["x", "ok"], [[1.5, true], [1e-20, false]]);
        Assert.Equal("x,ok\n1.5,true\n1E-20,false\n", writer.ToString());
    }

    [Fact]
    public void WriteColumns_WritesNumericTable()
    {
        using var dir = new TempDirectory();
        string path = dir.File("c.csv");
        CsvTableWriter.WriteColumns(path, ["x", "y"], [1.0, 2.0], [0.5, double.PositiveInfinity]);
        Assert.Equal("x,y\n1,0.5\n2,Infinity\n", File.ReadAllText(path));
    }

    [Fact]
    public void WriteColumns_LengthMismatch_ThrowsAndWritesNothing()
    {
        using var dir = new TempDirectory();
        Assert.Throws<ArgumentException>(() => CsvTableWriter.WriteColumns(dir.File("c.csv"), ["x", "y"], [1.0, 2.0], [0.5]));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_RowWithWrongCellCount_ThrowsAndLeavesNoFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("bad.csv");
        Assert.Throws<ArgumentException>(() => CsvTableWriter.Write(path, ["a", "b"], [[1.0, 2.0], [3.0]]));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Reader_HandlesCrLfAndMissingFinalNewline()
    {
        var records = CsvTableReader.Parse("a,b\r\n1,\"x\r\ny\"\r\n2,3");
        Assert.Equal(3, records.Count);
        Assert.Equal(["1", "x\r\ny"], records[1]);
        Assert.Equal(["2", "3"], records[2]);
    }
}
