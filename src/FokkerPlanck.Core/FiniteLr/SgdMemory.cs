using FokkerPlanck.Core.Memory;

namespace FokkerPlanck.Core.FiniteLr;

/// <summary>
/// The peak memory of an SGD analysis, dominated by the transition matrices at η_c: P and Pᵀ (12 bytes per entry
/// each), times a factor for the plateaus' matrices built while the final LR's are held and for the garbage
/// collector's lag.
/// </summary>
public static class SgdMemory
{
    /// <summary>
    /// Peak over the two matrices at η_c, measured with <c>/usr/bin/time</c>: 9.3× at κ = 100 (2.03 GB for 218 MB, grid
    /// study included; 8.0× before the Arnoldi basis stopped allocating, the collector runs less often now) and 5.7× at
    /// κ = 1000 (4.9 GB for 866 MB, without); rounded up from the larger.
    /// </summary>
    public const double PeakOverMatrices = 10.0;

    /// <summary>The runtime, the FP session and the small grids (measured baseline of a run on a tiny scenario).</summary>
    public const long BaselineBytes = 300L << 20;

    /// <summary>Bytes per stored entry of one CSR matrix (an 8-byte value and a 4-byte column index).</summary>
    private const int BytesPerEntry = 12;

    /// <summary>The estimated peak of an analysis of <paramref name="model"/> at <paramref name="finalLr"/>, without building anything.</summary>
    public static long Estimate(SgdModel model, double finalLr)
    {
        ArgumentNullException.ThrowIfNull(model);
        var grid = model.GridAt(finalLr);
        double noise = model.NoiseAt(finalLr);
        double Span(double cell, int cells) => Math.Min(cells, 2 * GaussianBins.TailSigmas * GaussianBins.BinnedWidth(noise, cell) / cell + 2);
        double perColumn = Span(grid.Y.Length / grid.Ny, grid.Ny) * (grid.IsOneDimensional ? 1 : Span(grid.X.Length / grid.Nx, grid.Nx));
        double matrices = 2.0 * BytesPerEntry * perColumn * grid.CellCount;
        return (long)(PeakOverMatrices * matrices) + BaselineBytes;
    }

    /// <summary>Throws <see cref="MemoryLimitException"/> when the estimate exceeds <paramref name="availableBytes"/>, with what to change.</summary>
    public static void Enforce(string command, SgdModel model, double finalLr, long availableBytes, string source)
    {
        long need = Estimate(model, finalLr);
        if (need <= availableBytes) return;
        var grid = model.GridAt(finalLr);
        throw new MemoryLimitException(
            $"not enough memory: {command} builds SGD's transition matrices on a {grid} grid (one cell per {1 / model.CellsPerNoise:G2} noise widths at η_c = {finalLr:G4}) and needs about "
            + $"{MemoryEstimate.FormatBytes(need)} (estimate), {MemoryEstimate.FormatBytes(availableBytes)} available ({source}); a smaller κ widens the noise and coarsens the grid, "
            + $"and --cells-per-noise {GaussianBins.MinNoiseCells} is the coarsest the kernel accepts.");
    }
}
