using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FokkerPlanck.Cli.Tests.Mutations;

/// <summary>
/// Mutations of a JSON input (scenario or sweep file) key by key: every key removed, every value replaced
/// by each wrong type, numbers made huge, tiny, zero, negative, fractional or non-finite strings, strings
/// emptied and formulas broken; then the whole-file mutations of <see cref="FileMutations"/>. A refusal
/// must name the key (or a key it lies under).
/// </summary>
internal static class JsonMutations
{
    private static readonly JsonDocumentOptions Comments = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Values of the wrong JSON type, put in place of every value.</summary>
    private static readonly (string Name, string Json)[] WrongTypes =
        [("string", "\"text\""), ("number", "1.5"), ("bool", "true"), ("null", "null"), ("array", "[1, \"a\"]"), ("object", "{ \"k\": 1 }")];

    /// <summary>Replacements of a number: extremes, zero and negatives (where positive is required), fractions (where whole), non-finite strings.</summary>
    private static readonly (string Name, string Json)[] Numbers =
        [("huge", "1e308"), ("minus huge", "-1e308"), ("tiny", "1e-308"), ("zero", "0"), ("negative", "-1"), ("fraction", "0.5"),
         ("beyond int", "2147483648"), ("NaN string", "\"NaN\""), ("Infinity string", "\"Infinity\""), ("number as string", "\"1\"")];

    /// <summary>Replacements of a string: empty, blank, broken or unknown formulas, non-finite results, other scripts.</summary>
    private static readonly (string Name, string Json)[] Strings =
        [("empty", "\"\""), ("blank", "\"   \""), ("unclosed", "\"(((y\""), ("dangling operator", "\"y +\""), ("unknown function", "\"frob(y)\""),
         ("unknown variable", "\"z*y\""), ("overflow", "\"exp(1e6*y)\""), ("division by zero", "\"1/(y-y)\""), ("NaN", "\"NaN\""), ("non-ASCII", "\"ŷ²\"")];

    /// <summary>All mutations of <paramref name="json"/> (a file called <paramref name="fileName"/>).</summary>
    public static IEnumerable<Mutation> Of(string json, string fileName)
    {
        var root = JsonNode.Parse(json, documentOptions: Comments)!.AsObject();
        // a changed value may surface as a problem of a key that depends on it (a parameter in a formula, a
        // temperature at a plateau LR): a refusal names the key or one it lies under, else another key of the
        // file or an option of the command
        string[] anyKey = [.. Walk(root, "").Select(p => KeyNames(p.Path)[^1]).Distinct(), "--"];
        foreach (var (path, node) in Walk(root, ""))
        {
            string[] names = [.. KeyNames(path), .. anyKey];
            if (node.Parent is JsonObject)
                yield return Make($"removed: {path}", root, path, null, names);
            foreach (var (name, value) in WrongTypes)
                yield return Make($"wrong type: {path} = {name}", root, path, value, names);
            var kind = node.GetValueKind();
            if (kind == JsonValueKind.Number)
                foreach (var (name, value) in Numbers) yield return Make($"number: {path} = {name}", root, path, value, names);
            if (kind == JsonValueKind.String)
                foreach (var (name, value) in Strings) yield return Make($"string: {path} = {name}", root, path, value, names);
            if (kind == JsonValueKind.Array)
                yield return Make($"empty list: {path}", root, path, "[]", names);
            if (kind == JsonValueKind.Object)
                yield return Make($"empty object: {path}", root, path, "{}", names);
        }
        yield return Make("unknown key: top level", root, "unknown_key", "1", ["unknown_key"]);
        // bytes changed inside a key name surface as that (mangled) key
        foreach (var m in FileMutations.Of(Encoding.UTF8.GetBytes(json), fileName)) yield return m with { Names = [.. m.Names, "unknown key"] };
    }

    /// <summary>Every value under <paramref name="node"/> with its path (<c>a.b</c>, <c>a.b[1]</c>), parents before children.</summary>
    private static IEnumerable<(string Path, JsonNode Node)> Walk(JsonNode node, string path)
    {
        if (node is JsonObject o)
        {
            foreach (var (key, child) in o)
            {
                string p = path.Length == 0 ? key : $"{path}.{key}";
                yield return (p, child!);
                foreach (var x in Walk(child!, p)) yield return x;
            }
        }
        else if (node is JsonArray a)
        {
            for (int i = 0; i < a.Count; i++)
            {
                string p = $"{path}[{i}]";
                yield return (p, a[i]!);
                foreach (var x in Walk(a[i]!, p)) yield return x;
            }
        }
    }

    /// <summary>The names a message may use for the key at <paramref name="path"/>: the key without indices and each key it lies under.</summary>
    private static string[] KeyNames(string path)
    {
        string keys = System.Text.RegularExpressions.Regex.Replace(path, @"\[\d+\]", "");
        var parts = keys.Split('.');
        return [.. Enumerable.Range(1, parts.Length).Select(k => string.Join('.', parts[..k]))];
    }

    /// <summary>A copy of <paramref name="root"/> with the value at <paramref name="path"/> replaced by <paramref name="json"/> (removed when null).</summary>
    private static Mutation Make(string name, JsonObject root, string path, string? json, string[] names)
    {
        var copy = root.DeepClone().AsObject();
        var (parent, last) = Locate(copy, path);
        var value = json is null ? null : JsonNode.Parse(json);
        switch (parent, last)
        {
            case (JsonObject o, string key) when json is null: o.Remove(key); break;
            case (JsonObject o, string key): o[key] = value; break;
            case (JsonArray a, int index): a[index] = value; break;
            default: throw new InvalidOperationException($"cannot mutate {path}");
        }
        return new Mutation(name, Encoding.UTF8.GetBytes(copy.ToJsonString()), names);
    }

    /// <summary>The container of the value at <paramref name="path"/> and its key or index there.</summary>
    private static (JsonNode Parent, object Last) Locate(JsonObject root, string path)
    {
        var steps = new List<object>();
        foreach (string part in path.Split('.'))
        {
            var m = System.Text.RegularExpressions.Regex.Match(part, @"^([^\[]+)((\[\d+\])*)$");
            steps.Add(m.Groups[1].Value);
            foreach (System.Text.RegularExpressions.Match i in System.Text.RegularExpressions.Regex.Matches(m.Groups[2].Value, @"\d+")) steps.Add(int.Parse(i.Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        JsonNode node = root;
        for (int k = 0; k < steps.Count - 1; k++)
            node = steps[k] is string s ? node[s]! : node[(int)steps[k]]!;
        return (node, steps[^1]);
    }
}
