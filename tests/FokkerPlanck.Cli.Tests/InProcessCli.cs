namespace FokkerPlanck.Cli.Tests;

/// <summary>Runs the CLI in-process with stderr captured, and the small scenario the command tests share.</summary>
internal static class InProcessCli
{
    /// <summary>A small two-basin river (48×96 cells, 4 modes; the walls in y are part of the model).</summary>
    public const string SmallScenario = """
        // a small two-basin river
        { "name": "small", "landscape": { "kind": "valley-river", "c": "0.5*y^4 - y^2 - 0.02*y", "a": "58 + 46*tanh(3*y)" },
          "domain": { "x": [-2.5, 2.5], "y": [-1.25, 2.45] }, "reflecting": ["y"],
          "grid": { "nx": 48, "ny": 96 }, "final_lr": 0.145, "plateau_lr": { "min": 0.15, "max": 2.0, "points": 20 }, "modes": 4 }
        """;

    /// <summary>Runs <c>fokkerplanck ARGS</c>; returns the exit code and what went to stderr (tests using it belong to the "console" collection).</summary>
    public static (int Code, string Err) Run(params string[] args)
    {
        var err = new StringWriter();
        var old = Console.Error;
        Console.SetError(err);
        try { return (CliApp.Run(args), err.ToString()); }
        finally { Console.SetError(old); }
    }
}
