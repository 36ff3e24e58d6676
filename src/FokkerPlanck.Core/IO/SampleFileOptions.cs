namespace FokkerPlanck.Core.IO;

/// <summary>How <see cref="SampleFile.Read"/> reads a file.</summary>
public sealed record SampleFileOptions
{
    /// <summary>How the file is named in messages (default: the path as given).</summary>
    public string? Label { get; init; }

    /// <summary>Refuse a file without an x column (the scenario is two-dimensional).</summary>
    public bool RequireX { get; init; }

    /// <summary>Column names of a <c>.npy</c> array, in order (default by width: t,y; t,x,y; t,x,y,run).</summary>
    public IReadOnlyList<string>? NpyColumns { get; init; }
}
