using System.Text.Json;

namespace FokkerPlanck.Core.Scenarios;

/// <summary>
/// Reads scenario files: JSON with <c>//</c> and <c>/* */</c> comments and trailing commas allowed.
/// Every problem becomes a <see cref="ScenarioException"/> naming the key.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Default κ (T = η), docs/physics.md §2.</summary>
    public const double DefaultKappa = 1.0;

    /// <summary>Default number of eigenpairs (λ₁ = 0 included).</summary>
    public const int DefaultModes = 6;

    /// <summary>Default grid when the file has no "grid" key.</summary>
    public const int DefaultNx = 128, DefaultNy = 256;

    /// <summary>Largest accepted cells per axis (a 4096² grid already needs ~10 GiB of factor).</summary>
    public const int MaxCellsPerAxis = 4096;

    /// <summary>Largest |coordinate| of a domain end: far beyond any landscape's scale, and small enough that cell widths and potential differences stay finite.</summary>
    public const double MaxCoordinate = 1e6;

    /// <summary>Temperatures T = κ·η accepted: outside, the face rates exp(±ΔU/2T) of any resolvable landscape overflow or vanish.</summary>
    public const double MinTemperature = 1e-8, MaxTemperature = 1e8;

    /// <summary>Longest <c>evolve.t_end</c>: 10¹² slow times is more than any step counter reaches (the integrator's times stay exact in double).</summary>
    public const double MaxEndTime = 1e12;

    private static readonly string[] TopKeys = ["name", "landscape", "domain", "grid", "kappa", "final_lr", "plateau_lr", "modes", "flux", "reflecting", "schedule", "evolve", "description", "parameters"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads and validates a scenario file.</summary>
    /// <exception cref="ScenarioException">The file is missing, not JSON, or invalid.</exception>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new ScenarioException("file", $"scenario file '{path}' does not exist.");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates scenario JSON text.</summary>
    /// <exception cref="ScenarioException">Invalid content.</exception>
    public static Scenario Parse(string json, string? sourcePath = null)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json, Options); }
        catch (JsonException e)
        {
            throw new ScenarioException("file", $"{TheFile(sourcePath)} not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}", e);
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new ScenarioException("file", $"{TheFile(sourcePath)} not a JSON object; the top level must be {{ ... }}.");
            RejectUnknown(root, "", TopKeys);
            string name = OptionalString(root, "name", "") ?? "";
            var landscape = ReadLandscape(Required(root, "landscape", JsonValueKind.Object)) with { Parameters = ReadParameters(root) };
            bool oneD = landscape.Kind == LandscapeKind.Potential1D;
            var domain = Required(root, "domain", JsonValueKind.Object);
            RejectUnknown(domain, "domain.", ["x", "y"]);
            (double, double)? xr = null;
            if (!oneD) xr = ReadRange(Required(domain, "x", JsonValueKind.Array, "domain."), "domain.x");
            else if (domain.TryGetProperty("x", out _)) throw new ScenarioException("domain.x", "a potential1d landscape has no x axis; remove domain.x.");
            var yr = ReadRange(Required(domain, "y", JsonValueKind.Array, "domain."), "domain.y");

            int nx = oneD ? 1 : DefaultNx, ny = DefaultNy;
            var refine = RefineMode.Auto;
            if (root.TryGetProperty("grid", out var grid))
            {
                if (grid.ValueKind != JsonValueKind.Object) throw new ScenarioException("grid", "must be an object like { \"nx\": 256, \"ny\": 512 }.");
                RejectUnknown(grid, "grid.", ["nx", "ny", "refine_x"]);
                if (!oneD) nx = ReadInt(grid, "nx", "grid.", nx, 2, MaxCellsPerAxis);
                else if (grid.TryGetProperty("nx", out _)) throw new ScenarioException("grid.nx", "a potential1d landscape has no x axis; remove grid.nx.");
                ny = ReadInt(grid, "ny", "grid.", ny, 2, MaxCellsPerAxis);
                string r = OptionalString(grid, "refine_x", "auto", "grid.")!;
                refine = r switch
                {
                    "auto" => RefineMode.Auto,
                    "uniform" => RefineMode.Uniform,
                    _ => throw new ScenarioException("grid.refine_x", $"unknown value \"{r}\"; expected \"auto\" or \"uniform\"."),
                };
            }
            double kappa = ReadPositive(root, "kappa", "", DefaultKappa);
            double finalLr = ReadPositive(root, "final_lr", "", null);
            var plateauEl = Required(root, "plateau_lr", JsonValueKind.Object);
            RejectUnknown(plateauEl, "plateau_lr.", ["min", "max", "points"]);
            double pmin = ReadPositive(plateauEl, "min", "plateau_lr.", null);
            double pmax = ReadPositive(plateauEl, "max", "plateau_lr.", null);
            if (!(pmax > pmin)) throw new ScenarioException("plateau_lr", $"min ({pmin}) must be smaller than max ({pmax}).");
            int points = ReadInt(plateauEl, "points", "plateau_lr.", 60, 2, 100000);
            double tMin = kappa * Math.Min(finalLr, pmin), tMax = kappa * Math.Max(finalLr, pmax);
            if (!(tMin >= MinTemperature && tMax <= MaxTemperature))
                throw new ScenarioException("kappa", $"the temperatures T = κ·η run from {tMin:G4} to {tMax:G4} (κ = {kappa:G4}, final_lr and plateau_lr from {Math.Min(finalLr, pmin):G4} to {Math.Max(finalLr, pmax):G4}); they must lie in [{MinTemperature:G}, {MaxTemperature:G}].");
            int modes = ReadInt(root, "modes", "", DefaultModes, 2, 64);
            string flux = OptionalString(root, "flux", "sg")!;
            if (flux is not ("sg" or "sqra")) throw new ScenarioException("flux", $"unknown flux \"{flux}\"; expected \"sg\" (Scharfetter–Gummel) or \"sqra\" (square-root approximation).");
            var reflecting = new List<string>();
            if (root.TryGetProperty("reflecting", out var refl))
            {
                if (refl.ValueKind != JsonValueKind.Array) throw new ScenarioException("reflecting", "must be a list of axis names, e.g. [\"y\"].");
                foreach (var e in refl.EnumerateArray())
                {
                    string? a = e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                    if (a is not ("x" or "y")) throw new ScenarioException("reflecting", $"entries must be \"x\" or \"y\", got {e.GetRawText()}.");
                    reflecting.Add(a);
                }
            }
            var problem = new ProblemSpec(landscape, xr, yr, new GridSpec(nx, ny, refine), kappa, flux, reflecting);
            return new Scenario(name, problem, finalLr, new MpembaSection(new PlateauRange(pmin, pmax, points), modes), ReadEvolve(root), sourcePath);
        }
    }

    /// <summary>The top-level <c>schedule</c> (kept as written; the schedule parser validates it) and the <c>evolve</c> object.</summary>
    private static EvolveSection ReadEvolve(JsonElement root)
    {
        string? schedule = OptionalString(root, "schedule", null);
        if (schedule is not null && string.IsNullOrWhiteSpace(schedule))
            throw new ScenarioException("schedule", "is empty; expected a schedule spec such as \"linear:10\" or \"cosine:500steps\".");
        if (!root.TryGetProperty("evolve", out var evolve)) return new EvolveSection(schedule, null, null);
        if (evolve.ValueKind != JsonValueKind.Object) throw new ScenarioException("evolve", "must be an object like { \"t_end\": 500, \"plateau_lr\": [0.3, 0.58] }.");
        RejectUnknown(evolve, "evolve.", ["t_end", "plateau_lr"]);
        double? tEnd = evolve.TryGetProperty("t_end", out _) ? ReadPositive(evolve, "t_end", "evolve.", null) : null;
        if (tEnd > MaxEndTime) throw new ScenarioException("evolve.t_end", $"{tEnd:G6} is too long; at most {MaxEndTime:G}.");
        double[]? plateau = null;
        if (evolve.TryGetProperty("plateau_lr", out var lrs))
        {
            const string key = "evolve.plateau_lr";
            if (lrs.ValueKind != JsonValueKind.Array || lrs.GetArrayLength() == 0)
                throw new ScenarioException(key, $"must be a non-empty list of learning rates, e.g. [0.3, 0.58]; got {lrs.GetRawText()}.");
            plateau = new double[lrs.GetArrayLength()];
            int i = 0;
            foreach (var e in lrs.EnumerateArray())
            {
                double v = e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;
                if (!(v > 0) || !double.IsFinite(v)) throw new ScenarioException(key, $"entries must be positive finite numbers (learning rates), got {e.GetRawText()}.");
                plateau[i++] = v;
            }
        }
        return new EvolveSection(schedule, tEnd, plateau);
    }

    /// <summary>The optional <c>"parameters"</c> object: named numbers the landscape formulas may use (and a sweep may vary).</summary>
    private static Dictionary<string, double> ReadParameters(JsonElement root)
    {
        var parameters = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!root.TryGetProperty("parameters", out var el)) return parameters;
        if (el.ValueKind != JsonValueKind.Object) throw new ScenarioException("parameters", $"must be an object of named numbers like {{ \"A\": 46 }}, got {el.GetRawText()}.");
        foreach (var p in el.EnumerateObject())
        {
            string key = "parameters." + p.Name;
            if (!Expressions.Formula.IsValidName(p.Name) || p.Name is "x" or "y")
                throw new ScenarioException(key, "a parameter name must be an identifier (letters, digits, '_', not starting with a digit) other than x, y, pi and the function names.");
            if (p.Value.ValueKind != JsonValueKind.Number || !double.IsFinite(p.Value.GetDouble()))
                throw new ScenarioException(key, $"must be a finite number, got {p.Value.GetRawText()}.");
            parameters[p.Name] = p.Value.GetDouble();
        }
        return parameters;
    }

    private static LandscapeSpec ReadLandscape(JsonElement el)
    {
        string kind = OptionalString(el, "kind", null, "landscape.") ?? throw new ScenarioException("landscape.kind", "missing; expected \"valley-river\", \"potential2d\" or \"potential1d\".");
        switch (kind)
        {
            case "valley-river":
                RejectUnknown(el, "landscape.", ["kind", "c", "a"]);
                return new LandscapeSpec(LandscapeKind.ValleyRiver, RequiredString(el, "c", "landscape."), RequiredString(el, "a", "landscape."), null);
            case "potential2d":
                RejectUnknown(el, "landscape.", ["kind", "U"]);
                return new LandscapeSpec(LandscapeKind.Potential2D, null, null, RequiredString(el, "U", "landscape."));
            case "potential1d":
                RejectUnknown(el, "landscape.", ["kind", "U"]);
                return new LandscapeSpec(LandscapeKind.Potential1D, null, null, RequiredString(el, "U", "landscape."));
            default:
                throw new ScenarioException("landscape.kind", $"unknown kind \"{kind}\"; expected \"valley-river\", \"potential2d\" or \"potential1d\".");
        }
    }

    private static (double, double) ReadRange(JsonElement el, string key)
    {
        var v = el.EnumerateArray().ToArray();
        if (v.Length != 2 || v.Any(e => e.ValueKind != JsonValueKind.Number))
            throw new ScenarioException(key, $"must be two numbers [min, max], got {el.GetRawText()}.");
        double a = v[0].GetDouble(), b = v[1].GetDouble();
        if (!double.IsFinite(a) || !double.IsFinite(b) || !(b > a))
            throw new ScenarioException(key, $"the interval [{a}, {b}] is empty; the second number must exceed the first.");
        if (Math.Max(Math.Abs(a), Math.Abs(b)) > MaxCoordinate || !(b - a > MaxCoordinate * 1e-12))
            throw new ScenarioException(key, $"[{a:G6}, {b:G6}] is not a usable interval; both ends must lie within ±{MaxCoordinate:G} and the width exceed {MaxCoordinate * 1e-12:G}.");
        return (a, b);
    }

    private static JsonElement Required(JsonElement obj, string name, JsonValueKind kind, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var el)) throw new ScenarioException(prefix + name, "missing required key.");
        if (el.ValueKind != kind) throw new ScenarioException(prefix + name, $"must be a JSON {Describe(kind)}, got {el.ValueKind.ToString().ToLowerInvariant()}.");
        return el;
    }

    private static string RequiredString(JsonElement obj, string name, string prefix)
    {
        var el = Required(obj, name, JsonValueKind.String, prefix);
        string s = el.GetString() ?? "";
        if (string.IsNullOrWhiteSpace(s)) throw new ScenarioException(prefix + name, "the formula is empty.");
        return s;
    }

    private static string? OptionalString(JsonElement obj, string name, string? fallback, string prefix = "")
    {
        if (!obj.TryGetProperty(name, out var el)) return fallback;
        if (el.ValueKind != JsonValueKind.String) throw new ScenarioException(prefix + name, $"must be a string, got {el.GetRawText()}.");
        return el.GetString();
    }

    private static double ReadPositive(JsonElement obj, string name, string prefix, double? fallback)
    {
        if (!obj.TryGetProperty(name, out var el))
            return fallback ?? throw new ScenarioException(prefix + name, "missing required key.");
        if (el.ValueKind != JsonValueKind.Number) throw new ScenarioException(prefix + name, $"must be a number, got {el.GetRawText()}.");
        double v = el.GetDouble();
        if (!(v > 0) || !double.IsFinite(v)) throw new ScenarioException(prefix + name, $"must be positive and finite, got {v}; learning rates, κ and temperatures are > 0.");
        return v;
    }

    private static int ReadInt(JsonElement obj, string name, string prefix, int fallback, int min, int max)
    {
        if (!obj.TryGetProperty(name, out var el)) return fallback;
        if (el.ValueKind != JsonValueKind.Number || !el.TryGetInt32(out int v))
            throw new ScenarioException(prefix + name, $"must be an integer, got {el.GetRawText()}.");
        if (v < min || v > max) throw new ScenarioException(prefix + name, $"must lie in [{min}, {max}], got {v}.");
        return v;
    }

    private static void RejectUnknown(JsonElement obj, string prefix, string[] known)
    {
        foreach (var p in obj.EnumerateObject())
            if (!known.Contains(p.Name, StringComparer.Ordinal))
                throw new ScenarioException(prefix + p.Name, $"unknown key; known keys here: {string.Join(", ", known)}.");
    }

    private static string Describe(JsonValueKind k) => k switch
    {
        JsonValueKind.Object => "object { ... }",
        JsonValueKind.Array => "array [ ... ]",
        JsonValueKind.String => "string",
        _ => k.ToString().ToLowerInvariant(),
    };

    /// <summary>"'PATH' is" for a file, "the text is" for text without one (messages name the file they are about).</summary>
    private static string TheFile(string? sourcePath) => sourcePath is null ? "the text is" : $"'{sourcePath}' is";

    private static string FirstSentence(string s)
    {
        int k = s.IndexOf(". ", StringComparison.Ordinal);
        return k > 0 ? s[..(k + 1)] : s;
    }
}
