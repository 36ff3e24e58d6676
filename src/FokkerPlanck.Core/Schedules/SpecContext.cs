using System.Globalization;

namespace FokkerPlanck.Core.Schedules;

/// <summary>
/// What a kind's parser needs besides its arguments: the whole spec (for error messages), the
/// folder that relative table paths are resolved against, and the kind being parsed (its syntax is
/// quoted when the arguments are wrong).
/// </summary>
/// <param name="FullSpec">The spec as the user wrote it.</param>
/// <param name="BaseDirectory">Folder for relative paths (the scenario file's, or the current one).</param>
/// <param name="Kind">The kind whose arguments are being read.</param>
internal sealed record SpecContext(string FullSpec, string BaseDirectory, ScheduleKind? Kind = null)
{
    /// <summary>The error for <paramref name="fragment"/> of the spec.</summary>
    public ScheduleException Error(string fragment, string problem)
    {
        string part = fragment.Trim() == FullSpec.Trim() || fragment.Length == 0
            ? $"schedule \"{FullSpec}\""
            : $"schedule \"{FullSpec}\", at \"{fragment.Trim()}\"";
        return new ScheduleException(part, problem);
    }

    /// <summary>"expected linear:D, e.g. linear:10" for the current kind.</summary>
    public string Expected => Kind is null ? "" : $"expected {Kind.Syntax}, e.g. {Kind.Examples[0]}";

    /// <summary>
    /// Splits <c>a,b,key=value,…</c> into positional values and named ones, checking the count of
    /// positional values and that every key is known and given once.
    /// </summary>
    /// <param name="args">The text after <c>kind:</c> (null when there was no colon).</param>
    /// <param name="positional">How many positional values the kind takes.</param>
    /// <param name="keys">The named arguments it accepts (lower case).</param>
    public (string[] Positional, Dictionary<string, string> Named) Split(string? args, int positional, params string[] keys)
    {
        var values = new List<string>();
        var named = new Dictionary<string, string>(StringComparer.Ordinal);
        string[] items = string.IsNullOrWhiteSpace(args) ? [] : args.Split(',');
        foreach (string raw in items)
        {
            string item = raw.Trim();
            if (item.Length == 0) throw Error(args!, $"empty argument between commas; {Expected}");
            int eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) { values.Add(item); continue; }
            string key = item[..eq].Trim().ToLowerInvariant();
            if (!keys.Contains(key))
                throw Error(item, keys.Length == 0
                    ? $"{Kind?.Name} takes no named arguments; {Expected}"
                    : $"unknown argument \"{key}\"; {Kind?.Name} accepts {string.Join(", ", keys.Select(k => k + "="))}; {Expected}");
            if (!named.TryAdd(key, item[(eq + 1)..].Trim())) throw Error(item, $"\"{key}\" is given twice; {Expected}");
        }
        if (values.Count != positional)
        {
            string what = positional == 0 ? "takes no values" : positional == 1 ? "takes one value" : $"takes {positional} values";
            throw Error(args ?? FullSpec, $"{Kind?.Name} {what}, found {values.Count}; {Expected}");
        }
        return ([.. values], named);
    }

    /// <summary>A finite number, or the error naming <paramref name="fragment"/>.</summary>
    public double Number(string text, string fragment, string what)
    {
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value))
            return value;
        throw Error(fragment, $"\"{text.Trim()}\" is not a finite number; {what}");
    }

    /// <summary>A duration ≥ 0 (or &gt; 0 when <paramref name="positive"/>), or the error naming <paramref name="fragment"/>.</summary>
    public Duration Duration(string text, string fragment, string what, bool positive = false)
    {
        if (!Schedules.Duration.TryParse(text, out var d))
            throw Error(fragment, $"\"{text.Trim()}\" is not a duration; {what} must be {Schedules.Duration.Syntax}");
        if (positive ? !(d.Value > 0) : d.Value < 0)
            throw Error(fragment, $"{what} must be {(positive ? "> 0" : "≥ 0 (0 means an instant drop)")}, got {text.Trim()}");
        return d;
    }
}
