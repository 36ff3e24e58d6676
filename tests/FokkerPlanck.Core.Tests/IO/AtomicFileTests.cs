using FokkerPlanck.Core.IO;

namespace FokkerPlanck.Core.Tests.IO;

public class AtomicFileTests
{
    [Fact]
    public void Write_CreatesFileAndLeavesNoTemporaryFiles()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.txt");
        AtomicFile.WriteAllText(path, "hello");
        Assert.Equal("hello", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_OverwritesExistingFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.bin");
        AtomicFile.WriteAllBytes(path, [1, 2, 3]);
        AtomicFile.WriteAllBytes(path, [9]);
        Assert.Equal([9], File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_WhenContentThrows_KeepsOldFileAndRemovesTemporary()
    {
        using var dir = new TempDirectory();
        string path = dir.File("keep.txt");
        File.WriteAllText(path, "old");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write([1, 2, 3]);
            throw new InvalidOperationException("simulated crash");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_WhenContentThrows_CreatesNoFile()
    {
        using var dir = new TempDirectory();
        string path = dir.File("new.txt");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException("boom")));
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void Write_MissingFolder_ThrowsDirectoryNotFound()
    {
        using var dir = new TempDirectory();
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllText(Path.Combine(dir.Path, "nope", "f.txt"), "x"));
    }

    [Fact]
    public void Write_EmptyPath_Throws()
    {
        Assert.Throws<ArgumentException>(() => AtomicFile.WriteAllText("", "x"));
    }
}
