using System.Globalization;

namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// A phase length from a spec: a plain number is training time (<c>t = steps × η</c>), a number with
/// the suffix <c>steps</c> (<c>500steps</c>) counts SGD steps.
/// </summary>
/// <param name="Value">The number (≥ 0, finite).</param>
/// <param name="InSteps">True when <see cref="Value"/> counts steps.</param>
internal readonly record struct Duration(double Value, bool InSteps)
{
    /// <summary>The suffix that marks a step count.</summary>
    public const string StepsSuffix = "steps";

    /// <summary>No phase at all.</summary>
    public static Duration Zero => new(0, false);

    /// <summary>How a duration is written, for error messages.</summary>
    public const string Syntax = "a number in time units (t = steps × η), e.g. 10, or a count of SGD steps, e.g. 500steps";

    /// <summary>Canonical spec text: <c>10</c> or <c>500steps</c>.</summary>
    public override string ToString() => SpecText.Number(Value) + (InSteps ? StepsSuffix : "");

    /// <summary>Reads <c>NUMBER</c> or <c>NUMBER steps</c>.</summary>
    /// <param name="text">The text (trimmed here).</param>
    /// <param name="duration">The duration read (value not yet range-checked).</param>
    /// <returns>False when the text is not of that form or the number is not finite.</returns>
    public static bool TryParse(string text, out Duration duration)
    {
        string s = text.Trim();
        bool inSteps = s.EndsWith(StepsSuffix, StringComparison.OrdinalIgnoreCase);
        if (inSteps) s = s[..^StepsSuffix.Length].TrimEnd();
        bool ok = double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value);
        duration = new Duration(ok ? value : 0, inSteps);
        return ok;
    }
}
