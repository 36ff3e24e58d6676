using FokkerPlanck.Core.Numerics;

namespace FokkerPlanck.Core.Tests.Numerics;

public class ParallelismMapTests
{
    [Fact]
    public void Map_ReturnsResultsByIndex_AndReportsEachItemOnce()
    {
        var seen = new List<int>();
        int inside = 0, most = 0;
        var results = Parallelism.Map(9, i => i * i, order: [8, 7, 6, 5, 4, 3, 2, 1, 0], completed: (i, r) =>
        {
            int now = Interlocked.Increment(ref inside);
            most = Math.Max(most, now);
            Assert.Equal(i * i, r);
            seen.Add(i);
            Interlocked.Decrement(ref inside);
        });
        Assert.Equal(Enumerable.Range(0, 9).Select(i => i * i), results);
        Assert.Equal(Enumerable.Range(0, 9), seen.Order());
        Assert.Equal(1, most); // completions are serialized
    }

    [Fact]
    public void Map_RethrowsTheLowestIndexFailureAsItIs()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Parallelism.Map<int>(6, i => i is 2 or 4 ? throw new InvalidOperationException($"item {i}") : i));
        Assert.Equal("item 2", e.Message);
        Assert.Throws<ArgumentException>(() => Parallelism.Map(3, i => i, order: [0, 0, 1]));
    }
}
