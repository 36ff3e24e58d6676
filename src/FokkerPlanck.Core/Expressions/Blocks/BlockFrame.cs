namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>What one run of a <see cref="BlockProgram"/> reads and writes: the variables' blocks and the registers.</summary>
internal readonly ref struct BlockFrame
{
    private readonly ReadOnlySpan<double> _first;
    private readonly ReadOnlySpan<double> _second;
    private readonly Span<double> _storage;
    private readonly int _stride;
    private readonly int _length;

    /// <summary>A frame over <paramref name="length"/> points.</summary>
    public BlockFrame(ReadOnlySpan<double> first, ReadOnlySpan<double> second, Span<double> storage, int stride, int length)
    {
        _first = first;
        _second = second;
        _storage = storage;
        _stride = stride;
        _length = length;
    }

    /// <summary>The block of a slot: register slot ≥ 0, variable v at slot −1 − v.</summary>
    public ReadOnlySpan<double> Read(int slot) => slot switch
    {
        -1 => _first,
        -2 => _second,
        _ => _storage.Slice(slot * _stride, _length),
    };

    /// <summary>The block of register <paramref name="register"/>.</summary>
    public Span<double> Write(int register) => _storage.Slice(register * _stride, _length);
}
