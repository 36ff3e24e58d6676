using System.Text.Json;
using FokkerPlanck.Core.Scenarios;

namespace FokkerPlanck.Core.Sweeps;

/// <summary>
/// Reads sweep files: JSON with comments and trailing commas (like scenarios), naming a scenario and the lists
/// to take the Cartesian product of. Every problem becomes a <see cref="SweepException"/> naming the key; the
/// scenario's own problems stay <see cref="ScenarioException"/>s. Nothing is written while loading.
/// </summary>
public static class SweepFileLoader
{
    private static readonly string[] TopKeys = ["name", "description", "scenario", "final_lr", "kappa", "grid", "parameters", "grid_study", "reduced_1d"];

    private static readonly JsonDocumentOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Loads a sweep file, its scenario, and expands the plan.</summary>
    /// <param name="path">The sweep file.</param>
    /// <exception cref="SweepException">The sweep file is missing or invalid.</exception>
    /// <exception cref="ScenarioException">The scenario is invalid.</exception>
    public static SweepFile Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path)) throw new SweepException("file", $"sweep file '{path}' does not exist.");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path), Options); }
        catch (JsonException e) { throw new SweepException("file", $"'{path}' is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new SweepException("file", "the top level must be a JSON object { ... }.");
            foreach (var p in root.EnumerateObject())
                if (!TopKeys.Contains(p.Name, StringComparer.Ordinal))
                    throw new SweepException(p.Name, $"unknown key; known keys: {string.Join(", ", TopKeys)}.");
            foreach (string key in new[] { "name", "description" })
                if (root.TryGetProperty(key, out var text) && text.ValueKind != JsonValueKind.String) throw new SweepException(key, "must be a string.");
            var (scenarioPath, scenarioText, scenario) = ReadScenario(root, path);
            var axes = new SweepAxes(
                Numbers(root, "final_lr", positive: true) ?? [scenario.FinalLr],
                Numbers(root, "kappa", positive: true) ?? [scenario.Kappa],
                Grids(root, scenario) ?? [GridCells.Of(scenario)],
                Parameters(root, scenario));
            foreach (double lr in axes.FinalLrs)
                foreach (double kappa in axes.Kappas)
                    // the plateau range scales with the final LR (Scenario.WithFinalLr)
                    if (!(kappa * lr * Math.Min(1, scenario.Mpemba.Plateau.Min / scenario.FinalLr) >= ScenarioLoader.MinTemperature
                          && kappa * lr * Math.Max(1, scenario.Mpemba.Plateau.Max / scenario.FinalLr) <= ScenarioLoader.MaxTemperature))
                        throw new SweepException(root.TryGetProperty("kappa", out _) ? "kappa" : "final_lr",
                            $"κ = {kappa:G4} with final LR {lr:G4} gives temperatures T = κ·η outside [{ScenarioLoader.MinTemperature:G}, {ScenarioLoader.MaxTemperature:G}] over the scenario's plateau LRs.");
            var settings = new SweepSettings(Flag(root, "grid_study"), Flag(root, "reduced_1d"));
            if (axes.Count > SweepPlan.MaxItems) throw new SweepException("file", $"the lists give {axes.Count} items; at most {SweepPlan.MaxItems} are allowed.");
            var plan = SweepPlan.Create(axes, settings, scenarioText);
            CheckFormulas(plan, scenario);
            return new SweepFile(path, scenarioPath, scenario, plan);
        }
    }

    /// <summary>Cells per axis at most of the grid on which <see cref="CheckFormulas"/> samples each parameter set.</summary>
    public const int FormulaCheckCells = 64;

    /// <summary>
    /// The scenario, and every parameter set of the plan, makes the formulas well-behaved (finite on a grid, a(y) &gt; 0
    /// along domain.y: <see cref="ScenarioSetup.Create"/>), checked once per set on the plan's smallest grid capped
    /// at <see cref="FormulaCheckCells"/> per axis, so that a bad value is refused before a shard folder is made.
    /// </summary>
    private static void CheckFormulas(SweepPlan plan, Scenario scenario)
    {
        if (plan.Items.Count == 0) return;
        var smallest = plan.Items.Select(i => i.Grid).MinBy(g => (long)(g.Nx ?? 1) * g.Ny);
        int? nx = smallest.Nx is int x ? Math.Min(x, FormulaCheckCells) : null;
        int ny = Math.Min(smallest.Ny, FormulaCheckCells);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in plan.Items)
        {
            string key = string.Join(",", item.Parameters.Select(p => $"{p.Key}={SweepItem.Number(p.Value)}"));
            if (!seen.Add(key)) continue;
            try { ScenarioSetup.Create(scenario.WithParameters(item.Parameters.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal)), nx, ny); }
            catch (ScenarioException e) when (key.Length > 0) { throw new SweepException("parameters", $"{key} breaks the scenario's landscape: {e.Message} Drop or change that value."); }
            catch (ScenarioException e) { throw new SweepException("scenario", $"the scenario's landscape fails on the sweep's grid: {e.Message}"); }
        }
    }

    private static (string Path, string Text, Scenario Scenario) ReadScenario(JsonElement root, string sweepPath)
    {
        if (!root.TryGetProperty("scenario", out var el)) throw new SweepException("scenario", "missing required key (the scenario file, relative to the sweep file).");
        if (el.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(el.GetString()))
            throw new SweepException("scenario", $"must be a file name (a string), got {el.GetRawText()}.");
        string folder = Path.GetDirectoryName(Path.GetFullPath(sweepPath))!;
        string resolved = Path.GetFullPath(Path.Combine(folder, el.GetString()!));
        if (!File.Exists(resolved)) throw new SweepException("scenario", $"scenario file '{el.GetString()}' does not exist (looked for '{resolved}').");
        string text = File.ReadAllText(resolved);
        var scenario = ScenarioLoader.Parse(text, resolved);
        ScenarioLandscapeFactory.Create(scenario); // every formula parses (with the declared parameters) before anything runs
        return (resolved, text, scenario);
    }

    private static double[]? Numbers(JsonElement root, string key, bool positive)
    {
        if (!root.TryGetProperty(key, out var el)) return null;
        return NumberList(el, key, positive);
    }

    private static double[] NumberList(JsonElement el, string key, bool positive)
    {
        string what = positive ? "positive numbers" : "numbers";
        if (el.ValueKind != JsonValueKind.Array) throw new SweepException(key, $"must be a list of {what}, e.g. [0.1, 0.2]; got {el.GetRawText()}.");
        if (el.GetArrayLength() == 0) throw new SweepException(key, "the list is empty; give at least one value or leave the key out (the scenario's value is used).");
        var values = new List<double>();
        foreach (var e in el.EnumerateArray())
        {
            double v = e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;
            if (!double.IsFinite(v) || positive && !(v > 0)) throw new SweepException(key, $"entries must be finite {what}, got {e.GetRawText()}.");
            if (values.Contains(v)) throw new SweepException(key, $"the value {e.GetRawText()} appears twice; every value of a list must differ.");
            values.Add(v);
        }
        return [.. values];
    }

    private static GridCells[]? Grids(JsonElement root, Scenario scenario)
    {
        const string key = "grid";
        if (!root.TryGetProperty(key, out var el)) return null;
        string form = scenario.IsOneDimensional ? "\"NY\" (the scenario is 1D), e.g. [\"256\", \"512\"]" : "\"NXxNY\", e.g. [\"64x128\", \"128x256\"]";
        if (el.ValueKind != JsonValueKind.Array) throw new SweepException(key, $"must be a list of grids {form}; got {el.GetRawText()}.");
        if (el.GetArrayLength() == 0) throw new SweepException(key, "the list is empty; give at least one grid or leave the key out (the scenario's grid is used).");
        var grids = new List<GridCells>();
        foreach (var e in el.EnumerateArray())
        {
            var parsed = default(GridCells);
            bool valid = e.ValueKind == JsonValueKind.String && GridCells.TryParse(e.GetString(), out parsed)
                && parsed.Nx is null == scenario.IsOneDimensional && Math.Max(parsed.Nx ?? 0, parsed.Ny) <= ScenarioLoader.MaxCellsPerAxis;
            if (!valid) throw new SweepException(key, $"{e.GetRawText()} is not a grid {form} with {GridCells.MinCellsPerAxis} to {ScenarioLoader.MaxCellsPerAxis} cells per axis.");
            if (grids.Contains(parsed)) throw new SweepException(key, $"the grid {e.GetRawText()} appears twice; every value of a list must differ.");
            grids.Add(parsed);
        }
        return [.. grids];
    }

    private static ParameterAxis[] Parameters(JsonElement root, Scenario scenario)
    {
        if (!root.TryGetProperty("parameters", out var el)) return [];
        if (el.ValueKind != JsonValueKind.Object) throw new SweepException("parameters", $"must be an object of value lists like {{ \"A\": [40, 46] }}, got {el.GetRawText()}.");
        var declared = scenario.Problem.Landscape.Parameters;
        var axes = new List<ParameterAxis>();
        foreach (var p in el.EnumerateObject())
        {
            string key = "parameters." + p.Name;
            if (!declared.ContainsKey(p.Name))
            {
                string names = declared.Count == 0 ? "the scenario declares none (add \"parameters\": { \"" + p.Name + "\": … } to it)" : $"declared: {string.Join(", ", declared.Keys)}";
                throw new SweepException(key, $"not a parameter of the scenario; {names}.");
            }
            axes.Add(new ParameterAxis(p.Name, NumberList(p.Value, key, positive: false)));
        }
        return [.. axes];
    }

    private static bool Flag(JsonElement root, string key)
    {
        if (!root.TryGetProperty(key, out var el)) return true;
        return el.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new SweepException(key, $"must be true or false, got {el.GetRawText()}."),
        };
    }
}
