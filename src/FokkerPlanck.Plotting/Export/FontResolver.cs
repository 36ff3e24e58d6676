using SkiaSharp;

namespace FokkerPlanck.Plotting.Export;

/// <summary>
/// Picks a font family that SkiaSharp can actually load, so PNG text is never silently dropped on
/// machines without the requested family (e.g. "Segoe UI" on Linux).
/// </summary>
internal static class FontResolver
{
    /// <summary>Families tried in order when the requested one is missing (common on Debian/Ubuntu, then elsewhere).</summary>
    private static readonly string[] Fallbacks =
    [
        "DejaVu Sans", "Liberation Sans", "Noto Sans", "FreeSans", "Arial", "Helvetica", "Segoe UI",
    ];

    /// <summary>Returns <paramref name="requested"/> if installed, else the first installed fallback, else any installed family, else <paramref name="requested"/>.</summary>
    public static string? Resolve(string? requested)
    {
        if (IsInstalled(requested))
            return requested;
        foreach (string family in Fallbacks)
        {
            if (IsInstalled(family))
                return family;
        }
        string[] any = [.. SKFontManager.Default.GetFontFamilies()];
        return any.Length > 0 ? any[0] : requested;
    }

    private static bool IsInstalled(string? family)
    {
        if (string.IsNullOrEmpty(family))
            return false;
        using var typeface = SKFontManager.Default.MatchFamily(family);
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase);
    }
}
