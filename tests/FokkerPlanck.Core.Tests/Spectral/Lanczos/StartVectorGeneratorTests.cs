using FokkerPlanck.Core.Spectral.Lanczos;

namespace FokkerPlanck.Core.Tests.Spectral.Lanczos;

public class StartVectorGeneratorTests
{
    [Fact]
    public void Fill_SameSeed_ReproducesSequenceInHalfOpenInterval()
    {
        var a = new double[1000];
        var b = new double[1000];
        new StartVectorGenerator(42).Fill(a);
        new StartVectorGenerator(42).Fill(b);
        Assert.Equal(a, b);
        Assert.All(a, v => Assert.InRange(v, -0.5, 0.5));
        Assert.InRange(a.Average(), -0.05, 0.05);
    }

    [Fact]
    public void NextUInt64_DifferentSeeds_GiveDifferentStreams()
    {
        Assert.NotEqual(new StartVectorGenerator(1).NextUInt64(), new StartVectorGenerator(2).NextUInt64());
    }
}
