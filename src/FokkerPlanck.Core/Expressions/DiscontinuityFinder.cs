namespace FokkerPlanck.Core.Expressions;

/// <summary>
/// Finds where the piecewise parts of a formula switch along one variable: sign changes of
/// <c>lhs - rhs</c> for each comparison (and of the argument of <c>sign</c>, and of an <c>if</c>
/// condition that is not a comparison), optionally also kinks of <c>abs</c>, <c>min</c>, <c>max</c>.
/// </summary>
/// <remarks>
/// Each switching function g is sampled at <see cref="DiscontinuitySearchOptions.SampleCount"/> + 1
/// equally spaced points; a strict sign change between neighbours is refined by bisection until
/// the bracket is below <see cref="RelativeBisectionTolerance"/> times the interval width, and the
/// midpoint is reported. A sample where g is exactly zero between opposite signs is reported as is.
/// Points where g touches zero without changing sign (e.g. <c>y == 0.5</c> sampled off the point)
/// are not found, nor are sign changes across a sample where g is NaN (outside its domain, e.g.
/// <c>log(y) &lt; 0</c> for y &lt; 0). Every comparison in the tree counts, even in a branch that is never taken, so
/// the result is a superset of the actual jumps: "potential" discontinuities for face placement.
/// </remarks>
internal static class DiscontinuityFinder
{
    /// <summary>Bisection stops when the bracket is this fraction of the interval width (about 1000 ulp of a unit interval).</summary>
    public const double RelativeBisectionTolerance = 1e-13;

    /// <summary>Locations closer than this fraction of the interval width are merged into one.</summary>
    public const double RelativeMergeTolerance = 1e-10;

    /// <summary>Upper bound on bisection steps (2⁻²⁰⁰ is far below any tolerance).</summary>
    private const int MaximumBisectionSteps = 200;

    /// <summary>Sorted switch locations inside [lower, upper].</summary>
    public static IReadOnlyList<double> Find(Node root, int variableCount, int index, double lower, double upper, DiscontinuitySearchOptions options)
    {
        var switches = new List<Node>();
        Collect(root, options.IncludeKinks, switches);
        var values = new double[variableCount];
        for (int i = 0; i < variableCount && options.FixedValues is not null; i++)
        {
            values[i] = options.FixedValues[i];
        }

        var found = new List<double>();
        foreach (var g in switches)
        {
            Scan(g, values, index, lower, upper, options.SampleCount, found);
        }

        found.Sort();
        double mergeDistance = RelativeMergeTolerance * (upper - lower);
        var merged = new List<double>();
        foreach (double location in found)
        {
            if (merged.Count == 0 || location - merged[^1] > mergeDistance)
            {
                merged.Add(location);
            }
        }

        return merged;
    }

    /// <summary>Whether the tree contains a comparison, <c>if</c>, <c>sign</c>, <c>abs</c>, <c>min</c> or <c>max</c>.</summary>
    public static bool IsPiecewise(Node node) => node switch
    {
        ConditionalNode => true,
        FunctionNode { Function: MathFunction.Abs or MathFunction.Sign } => true,
        FunctionNode f => IsPiecewise(f.Argument),
        BinaryNode b => !IsSmoothOperator(b.Operator) || IsPiecewise(b.Left) || IsPiecewise(b.Right),
        NegationNode n => IsPiecewise(n.Operand),
        _ => false,
    };

    private static bool IsSmoothOperator(BinaryOperator op) => op is >= BinaryOperator.Add and <= BinaryOperator.Power;

    private static void Collect(Node node, bool includeKinks, List<Node> switches)
    {
        switch (node)
        {
            case BinaryNode b:
                if (FunctionTable.IsComparison(b.Operator) || (includeKinks && b.Operator is BinaryOperator.Min or BinaryOperator.Max))
                {
                    switches.Add(new BinaryNode(BinaryOperator.Subtract, b.Left, b.Right));
                }

                Collect(b.Left, includeKinks, switches);
                Collect(b.Right, includeKinks, switches);
                break;
            case FunctionNode f:
                if (f.Function == MathFunction.Sign || (includeKinks && f.Function == MathFunction.Abs))
                {
                    switches.Add(f.Argument);
                }

                Collect(f.Argument, includeKinks, switches);
                break;
            case ConditionalNode c:
                if (c.Condition is not BinaryNode cb || !FunctionTable.IsComparison(cb.Operator))
                {
                    switches.Add(c.Condition);
                }

                Collect(c.Condition, includeKinks, switches);
                Collect(c.WhenTrue, includeKinks, switches);
                Collect(c.WhenFalse, includeKinks, switches);
                break;
            case NegationNode n:
                Collect(n.Operand, includeKinks, switches);
                break;
        }
    }

    private static void Scan(Node g, double[] values, int index, double lower, double upper, int sampleCount, List<double> found)
    {
        double step = (upper - lower) / sampleCount;
        double tolerance = RelativeBisectionTolerance * (upper - lower);
        double lastPosition = double.NaN, lastValue = double.NaN;
        int zeroRunStart = -1;
        for (int i = 0; i <= sampleCount; i++)
        {
            double position = i == sampleCount ? upper : lower + (i * step);
            double value = At(g, values, index, position);
            if (double.IsNaN(value))
            {
                lastValue = double.NaN;
                zeroRunStart = -1;
                continue;
            }

            if (value == 0.0)
            {
                zeroRunStart = zeroRunStart < 0 ? i : zeroRunStart;
                continue;
            }

            if (!double.IsNaN(lastValue) && Math.Sign(value) != Math.Sign(lastValue))
            {
                found.Add(zeroRunStart >= 0
                    ? lower + (((zeroRunStart + i - 1) / 2) * step)
                    : Bisect(g, values, index, lastPosition, lastValue, position, tolerance));
            }

            zeroRunStart = -1;
            lastPosition = position;
            lastValue = value;
        }
    }

    private static double Bisect(Node g, double[] values, int index, double a, double ga, double b, double tolerance)
    {
        for (int step = 0; step < MaximumBisectionSteps && b - a > tolerance; step++)
        {
            double middle = 0.5 * (a + b);
            double gm = At(g, values, index, middle);
            if (gm == 0.0 || double.IsNaN(gm))
            {
                return middle;
            }

            if (Math.Sign(gm) == Math.Sign(ga))
            {
                (a, ga) = (middle, gm);
            }
            else
            {
                b = middle;
            }
        }

        return 0.5 * (a + b);
    }

    private static double At(Node g, double[] values, int index, double position)
    {
        values[index] = position;
        return FormulaInterpreter.Evaluate(g, values);
    }
}
