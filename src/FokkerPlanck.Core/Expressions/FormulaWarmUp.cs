namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Runs the formula parser and the expression compiler once on a spare core when a program starts, so
/// that their code is compiled by the time a scenario's formulas are read.
/// </summary>
/// <remarks>
/// The first formula a process parses took 0.11–0.13 s and the first one it compiled 0.03 s on the
/// development machine, the second ones 0.007 s and 0.003 s: the parser combinators' generic code
/// (Pidgin's, instantiated over this assembly's types) and the expression compiler are JIT-compiled on
/// first use, and precompiling cannot reach generic code instantiated across assemblies. At start-up
/// the main thread builds the command line and reads the scenario on one core; the other is idle
/// (docs/startup.md, "Formula warm-up").
/// </remarks>
public static class FormulaWarmUp
{
    /// <summary>A formula that goes through the grammar's numbers, operators, functions and comparisons.</summary>
    public const string Sample = "0.5*y^4 - y^2 + 0.3*y + 20*(1 + 0.5*tanh(y)) + if(y < 0, exp(-y), sqrt(abs(y))) - max(y, 1e-3)";

    /// <summary>Queues <see cref="Run"/> on the thread pool and returns at once; nothing on a single core, where it would only delay the main thread.</summary>
    public static void Start()
    {
        if (Environment.ProcessorCount < 2) return;
        ThreadPool.UnsafeQueueUserWorkItem(_ => Run(), null);
    }

    /// <summary>Parses, differentiates, compiles and evaluates <see cref="Sample"/>; returns the value of its derivative at y = 0.5 (so that nothing is optimized away).</summary>
    public static double Run()
    {
        var f = Formula.Parse(Sample, ["y"]);
        return f.CompileUnary()(0.5) + f.Differentiate("y").CompileUnary()(0.5);
    }
}
