using FokkerPlanck.Cli.Bench;

namespace FokkerPlanck.Cli.Tests.Commands;

/// <summary>
/// Where the bench commands look for the peer scripts: <c>--peer-dir</c>, else <c>FOKKERPLANCK_PEER_DIR</c>,
/// else <c>&lt;repo&gt;/../shared/peer</c>; a folder the user named that is missing or lacks the script is
/// refused with one line and exit code 1 before anything is measured.
/// </summary>
[Collection("console")]
public sealed class BenchPeerDirectoryTests
{
    [Theory]
    [InlineData("bench --sizes 8")]
    [InlineData("bench evolve --sizes 8")]
    [InlineData("bench langevin --particles 10 --steps 1")]
    public void Bench_NamedPeerFolderMissing_ExitsOneWithOneLine(string command)
    {
        string missing = Path.Combine(Path.GetTempPath(), "fp-no-such-peer-" + Guid.NewGuid().ToString("N"));
        var (code, err) = InProcessCli.Run([.. command.Split(' '), "--peer", "--peer-dir", missing]);
        Assert.Equal(1, code);
        Assert.Contains("--peer-dir", err, StringComparison.Ordinal);
        Assert.Contains("does not exist", err, StringComparison.Ordinal);
        Assert.Single(err.Trim().Split('\n'));
    }

    [Fact]
    public void Bench_NamedPeerFolderWithoutScript_NamesTheScript()
    {
        string dir = Directory.CreateTempSubdirectory("fp-empty-peer-").FullName;
        try
        {
            var (code, err) = InProcessCli.Run("bench", "--peer", "--peer-dir", dir, "--sizes", "8");
            Assert.Equal(1, code);
            Assert.Contains("sqra_ref.py not found in", err, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    [Fact]
    public void ResolveDirectory_OptionBeforeVariableBeforeDefault()
    {
        string? saved = Environment.GetEnvironmentVariable(PeerRunner.DirectoryVariable);
        try
        {
            Environment.SetEnvironmentVariable(PeerRunner.DirectoryVariable, "/from/variable");
            Assert.Equal((Path.GetFullPath("/from/option"), "--peer-dir"), PeerRunner.ResolveDirectory("/from/option"));
            Assert.Equal((Path.GetFullPath("/from/variable"), PeerRunner.DirectoryVariable), PeerRunner.ResolveDirectory(null));
            Environment.SetEnvironmentVariable(PeerRunner.DirectoryVariable, null);
            var (dir, source) = PeerRunner.ResolveDirectory(null);
            Assert.Null(source);
            Assert.Equal(PeerRunner.DefaultDirectory(), dir);
        }
        finally
        {
            Environment.SetEnvironmentVariable(PeerRunner.DirectoryVariable, saved);
        }
    }
}
