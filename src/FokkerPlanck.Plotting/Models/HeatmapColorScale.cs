namespace FokkerPlanck.Plotting.Models;

/// <summary>How <see cref="DensityHeatmap"/> maps values to colours.</summary>
public enum HeatmapColorScale
{
    /// <summary>Linear sequential scale (viridis) from the smallest to the largest finite value.</summary>
    Linear,

    /// <summary>
    /// Sequential scale (viridis) of <c>log₁₀(value)</c>. Values ≤ 0 are drawn in the lowest colour;
    /// by default the range spans <see cref="DensityHeatmapOptions.LogDecades"/> decades below the maximum.
    /// </summary>
    Log10,

    /// <summary>
    /// Diverging scale (blue–white–red) symmetric around 0, range <c>[-m, m]</c> with
    /// <c>m = max |value|</c>: white is exactly zero. For eigenfunctions that change sign.
    /// </summary>
    Diverging,
}
