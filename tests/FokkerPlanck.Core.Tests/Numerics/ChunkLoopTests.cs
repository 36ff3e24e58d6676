using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Tests.Numerics;

public class ChunkLoopTests
{
    [Theory]
    [InlineData(0, 4, 1)]
    [InlineData(1, 4, 1)]
    [InlineData(8, 4, 2)]
    [InlineData(9, 4, 3)]
    public void TheRangesCoverEveryItemOnce_TheLastOneShort(int length, int size, int chunks)
    {
        Assert.Equal(chunks, ChunkLoop.Count(length, size));
        var seen = new int[length];
        int next = 0;
        for (int c = 0; c < chunks; c++)
        {
            var (start, end) = ChunkLoop.Range(c, length, size);
            Assert.Equal(next, start);
            Assert.InRange(end - start, 0, size);
            for (int i = start; i < end; i++) seen[i]++;
            next = end;
        }
        Assert.Equal(length, next);
        Assert.All(seen, s => Assert.Equal(1, s));
    }
}
