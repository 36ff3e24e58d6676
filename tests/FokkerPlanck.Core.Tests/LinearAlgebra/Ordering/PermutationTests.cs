using FokkerPlanck.Core.LinearAlgebra.Ordering;

namespace FokkerPlanck.Core.Tests.LinearAlgebra.Ordering;

public class PermutationTests
{
    [Fact]
    public void FromNewToOld_Duplicate_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Permutation.FromNewToOld([0, 1, 1]));
    }

    [Fact]
    public void FromNewToOld_OutOfRange_ThrowsArgumentException()
    {
        Assert.Throws<ArgumentException>(() => Permutation.FromNewToOld([0, 3, 1]));
    }

    [Fact]
    public void Then_Composition_AppliesBothInOrder()
    {
        var p = Permutation.FromNewToOld([2, 0, 1]);
        var q = Permutation.FromNewToOld([1, 2, 0]);
        var r = p.Then(q);
        Assert.Equal([0, 1, 2], r.NewToOld.ToArray());
        Assert.True(r.IsIdentity);
    }
}
