using System.Runtime.InteropServices;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// The scratch registers of one <see cref="BlockProgram"/> for one thread: each register is a block
/// of <see cref="Capacity"/> doubles, 64-byte aligned (one AVX-512 vector, one cache line) in one
/// pinned array. Create it with <see cref="BlockProgram.CreateRegisters"/>; not thread safe.
/// </summary>
public sealed class BlockRegisters
{
    /// <summary>Doubles per 64 bytes: registers start on cache-line (and AVX-512 vector) boundaries.</summary>
    private const int AlignmentDoubles = 8;

    private readonly double[] _storage;
    private readonly int _offset;

    internal BlockRegisters(BlockProgram owner, int registerCount, int capacity)
    {
        Owner = owner;
        Capacity = capacity;
        Stride = (capacity + AlignmentDoubles - 1) / AlignmentDoubles * AlignmentDoubles;
        int length = registerCount * Stride;
        _storage = GC.AllocateUninitializedArray<double>(length + AlignmentDoubles, pinned: true);
        long address = Marshal.UnsafeAddrOfPinnedArrayElement(_storage, 0);
        int misalignment = (int)(address % (AlignmentDoubles * sizeof(double))) / sizeof(double);
        _offset = misalignment == 0 ? 0 : AlignmentDoubles - misalignment;
        StorageLength = length;
    }

    /// <summary>The largest block (number of points) a run may have.</summary>
    public int Capacity { get; }

    /// <summary>The number of points of the last <see cref="BlockProgram.Run"/> (0 before the first).</summary>
    public int Length { get; internal set; }

    /// <summary>The program these registers belong to.</summary>
    internal BlockProgram Owner { get; }

    /// <summary>Doubles from one register to the next (<see cref="Capacity"/> rounded up to 64 bytes).</summary>
    internal int Stride { get; }

    private int StorageLength { get; }

    /// <summary>All registers, back to back.</summary>
    internal Span<double> Storage => _storage.AsSpan(_offset, StorageLength);
}
