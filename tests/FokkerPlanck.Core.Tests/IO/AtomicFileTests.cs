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

    [Fact]
    public void RemoveLeftovers_DeletesOnlyTheTemporaryFilesOfCutShortWrites()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("sub"));
        string[] leftovers = [dir.File(".run.json.0123456789ab.tmp"), dir.File(Path.Combine("sub", ".a.csv.fedcba987654.tmp"))];
        string[] kept = [dir.File("run.json"), dir.File("notes.tmp"), dir.File(".hidden.tmp"), dir.File(".x.json.0123456789az.tmp"), dir.File(".x.json.0123456789a.tmp")];
        foreach (string f in leftovers.Concat(kept)) File.WriteAllText(f, "x");

        Assert.Equal(2, AtomicFile.RemoveLeftovers(dir.Path));
        Assert.All(leftovers, f => Assert.False(File.Exists(f), f));
        Assert.All(kept, f => Assert.True(File.Exists(f), f));
        Assert.Equal(0, AtomicFile.RemoveLeftovers(Path.Combine(dir.Path, "missing")));
    }

    [Fact]
    public void IsTemporaryName_RecognisesTheNamesWritesUse()
    {
        using var dir = new TempDirectory();
        string path = dir.File("out.txt");
        string? seen = null;
        AtomicFile.Write(path, _ => seen = Directory.GetFiles(dir.Path).Single());
        Assert.True(AtomicFile.IsTemporaryName(Path.GetFileName(seen!)), seen);
        Assert.False(AtomicFile.IsTemporaryName("out.txt"));
    }
}
