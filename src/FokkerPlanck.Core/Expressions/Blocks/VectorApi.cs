using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.Intrinsics;

namespace FokkerPlanck.Core.Expressions.Blocks;

/// <summary>
/// The System.Runtime.Intrinsics API of one vector width (Vector512, Vector256 or Vector128 of
/// double) as expression-tree building blocks, so that <see cref="BlockKernelCompiler"/> writes
/// one kernel for whichever width the machine accelerates.
/// </summary>
internal sealed class VectorApi
{
    private readonly Type _static;
    private readonly ConcurrentDictionary<(string Name, int Arity), MethodInfo> _methods = new();

    private VectorApi(Type staticType, Type vectorType, int count)
    {
        _static = staticType;
        VectorType = vectorType;
        Count = count;
    }

    /// <summary>The widest width the hardware accelerates: 512 bits with AVX-512, else 256 (AVX2), else 128 (SSE2, AdvSimd).</summary>
    public static VectorApi Widest { get; } =
        Vector512.IsHardwareAccelerated ? new(typeof(Vector512), typeof(Vector512<double>), Vector512<double>.Count)
        : Vector256.IsHardwareAccelerated ? new(typeof(Vector256), typeof(Vector256<double>), Vector256<double>.Count)
        : new(typeof(Vector128), typeof(Vector128<double>), Vector128<double>.Count);

    /// <summary><c>VectorNNN&lt;double&gt;</c>.</summary>
    public Type VectorType { get; }

    /// <summary>Doubles per vector.</summary>
    public int Count { get; }

    /// <summary>A vector with every element <paramref name="value"/> (a JIT-time constant).</summary>
    public Expression Constant(double value) => Expression.Call(Method("Create", 1, typeof(double)), Expression.Constant(value));

    /// <summary><c>VectorNNN.LoadUnsafe(ref source, offset)</c>.</summary>
    public Expression Load(ParameterExpression source, Expression offset) =>
        Expression.Call(Method("LoadUnsafe", 2, null), source, offset);

    /// <summary><c>VectorNNN.StoreUnsafe(value, ref destination, offset)</c>.</summary>
    public Expression Store(Expression value, ParameterExpression destination, Expression offset) =>
        Expression.Call(Method("StoreUnsafe", 3, null), value, destination, offset);

    /// <summary>A lane-wise static method of the width, e.g. <c>Exp</c>, <c>Min</c>, <c>ConditionalSelect</c>.</summary>
    public Expression Call(string name, params Expression[] arguments) =>
        Expression.Call(Method(name, arguments.Length, null), arguments);

    /// <summary>Element <paramref name="lane"/> of <paramref name="vector"/>.</summary>
    public Expression GetElement(Expression vector, int lane) =>
        Expression.Call(Method("GetElement", 2, null), vector, Expression.Constant(lane));

    /// <summary><paramref name="vector"/> with element <paramref name="lane"/> replaced by <paramref name="value"/>.</summary>
    public Expression WithElement(Expression vector, int lane, Expression value) =>
        Expression.Call(Method("WithElement", 3, null), vector, Expression.Constant(lane), value);

    /// <summary>
    /// The method <paramref name="name"/> with <paramref name="arity"/> parameters over this width's
    /// vector of double (generic definitions closed over double): parameters and result are this
    /// vector, double, a reference to double, int or nuint. <paramref name="first"/> pins the first
    /// parameter's type where overloads differ only there (<c>Create(double)</c>).
    /// </summary>
    private MethodInfo Method(string name, int arity, Type? first) => _methods.GetOrAdd((name, arity), key =>
        _static.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name == key.Name && m.GetParameters().Length == key.Arity)
            .Select(m => m.IsGenericMethodDefinition ? m.MakeGenericMethod(typeof(double)) : m)
            .First(m => Fits(m, first)));

    private bool Fits(MethodInfo m, Type? first)
    {
        Type[] allowed = [VectorType, typeof(double), typeof(double).MakeByRefType(), typeof(int), typeof(nuint)];
        var p = m.GetParameters();
        return (first is null || p[0].ParameterType == first)
            && p.All(q => allowed.Contains(q.ParameterType))
            && (m.ReturnType == VectorType || m.ReturnType == typeof(double) || m.ReturnType == typeof(void));
    }
}
