using System.Globalization;
using FokkerPlanck.Core.Langevin.Random;

namespace FokkerPlanck.Core.Tests.Langevin.Random;

/// <summary>
/// Philox4x32-10 against the Random123 known-answer vectors, and the vectorized lanes against the
/// scalar reference, bit for bit.
/// </summary>
public sealed class Philox4x32Tests
{
    /// <summary>
    /// Lines <c>philox4x32 10 CTR[4] KEY[2] OUT[4]</c> (hex words). The first three are Random123's
    /// <c>examples/kat_vectors</c> (D. E. Shaw Research; also in its copies, e.g. girving/random123-manual
    /// <c>examples/kat_vectors</c> at 61e8479); the others are from the extended list of that file, chosen
    /// so that each key word and each counter word is exercised on its own.
    /// </summary>
    public static TheoryData<string> KnownAnswers => new()
    {
        "00000000 00000000 00000000 00000000 00000000 00000000 6627e8d5 e169c58d bc57ac4c 9b00dbd8",
        "ffffffff ffffffff ffffffff ffffffff ffffffff ffffffff 408f276d 41c83b0e a20bc7c6 6d5451fd",
        "243f6a88 85a308d3 13198a2e 03707344 a4093822 299f31d0 d16cfe09 94fdcceb 5001e420 24126ea1",
        "00000001 00000000 00000000 00000000 00000001 00000000 ac08141b dfc5ccbe 79c07a47 a7f66093",
        "00000000 00000000 00000000 00000001 00000001 00000000 127bee41 1e047488 48842b20 0a393496",
        "00000000 00000001 00000000 00000000 00000000 00000001 532f1322 36c890fb 6504b937 07bbfef7",
        "00000000 00000000 ffffffff 00000000 00000000 ffffffff 07678411 9e524307 ba634e67 94ee8cb7",
        "243f6a88 85a308d3 13198a2e 03707344 00000000 80000000 63675d2c 422d7c4d 3145d30d 3bce33a4",
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void Block_KnownAnswerVector_Matches(string line)
    {
        var w = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => uint.Parse(s, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToArray();
        var output = Philox4x32.Block(new PhiloxWords(w[0], w[1], w[2], w[3]), w[4], w[5]);
        Assert.Equal(new PhiloxWords(w[6], w[7], w[8], w[9]), output);
    }

    [Fact]
    public void Block_SixtyFourBitKey_IsLowWordFirst()
    {
        var counter = new PhiloxWords(0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344);
        Assert.Equal(Philox4x32.Block(counter, 0xa4093822u, 0x299f31d0u), Philox4x32.Block(counter, 0x299f31d0_a4093822UL));
    }

    public static TheoryData<int> Widths => new() { (int)SimdWidth.Scalar, (int)SimdWidth.Vector256, (int)SimdWidth.Vector512 };

    /// <summary>
    /// Every lane width gives the scalar reference's words, for ranges that start anywhere (ragged ends),
    /// cross a 2³² boundary of the particle index (its high word) and use high parts with both halves
    /// and the sampling-domain bit set.
    /// </summary>
    [Theory]
    [MemberData(nameof(Widths))]
    public void Lanes_AnyRange_EqualScalarReference(int lanes)
    {
        var width = (SimdWidth)lanes;
        if (!SimdSupport.IsSupported(width)) return; // nothing to compare on this machine
        ulong[] keys = [0, 0x0123_4567_89AB_CDEFUL, ulong.MaxValue];
        ulong[] highs = [CounterLayout.Noise(0), CounterLayout.Noise(0x1_0000_0003L), CounterLayout.Sampling(7)];
        long[] firsts = [0, 3, (1L << 32) - 5];
        foreach (ulong key in keys)
            foreach (ulong high in highs)
                foreach (long first in firsts)
                {
                    const int count = 37;
                    var a = new ulong[count];
                    var b = new ulong[count];
                    NoiseKernels.Words(width, key, high, first, a, b);
                    for (int i = 0; i < count; i++)
                    {
                        var (ea, eb) = PhiloxLanes.Block(first + i, high, key);
                        Assert.True(a[i] == ea && b[i] == eb, $"width {width}, key {key:X}, high {high:X}, particle {first + i}");
                    }
                }
    }
}
