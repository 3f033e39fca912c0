using System.Reflection;
using StatusKit.Abstractions;

namespace StatusKit.TestSupport.Fakes;

/// <summary>
/// Wraps an <see cref="IStatusStore"/> and lets a test see or disturb every call: count it, delay it behind a gate, or
/// make it throw (a chaos store). Built on <see cref="DispatchProxy"/>, so it forwards every port method.
/// </summary>
public class InterceptingStatusStore : DispatchProxy
{
    private readonly Dictionary<string, int> _calls = new(StringComparer.Ordinal);
    private IStatusStore _inner = null!;

    /// <summary>
    /// Runs before each call with the method name and its arguments; may throw, or return a task to await before
    /// forwarding.
    /// </summary>
    public Func<string, object?[], Task?>? Before { get; set; }

    /// <summary>Wraps <paramref name="inner"/>; returns the proxy (an <see cref="IStatusStore"/>) and its controller.</summary>
    public static (IStatusStore Store, InterceptingStatusStore Control) Wrap(IStatusStore inner)
    {
        var proxy = Create<IStatusStore, InterceptingStatusStore>();
        var control = (InterceptingStatusStore)(object)proxy;
        control._inner = inner;
        return (proxy, control);
    }

    /// <summary>How many times the method named <paramref name="methodName"/> was called.</summary>
    public int Calls(string methodName)
    {
        lock (_calls)
        {
            return _calls.GetValueOrDefault(methodName);
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        lock (_calls)
        {
            _calls[targetMethod.Name] = _calls.GetValueOrDefault(targetMethod.Name) + 1;
        }

        var gate = Before?.Invoke(targetMethod.Name, args ?? []);
        if (gate is null)
        {
            return Forward(targetMethod, args);
        }

        // Await the gate, then forward; the result is re-typed to the method's Task<T>.
        var resultType = targetMethod.ReturnType;
        var forward = typeof(InterceptingStatusStore)
            .GetMethod(nameof(AfterGate), BindingFlags.NonPublic | BindingFlags.Instance)!
            .MakeGenericMethod(resultType.IsGenericType ? resultType.GetGenericArguments()[0] : typeof(bool));
        return resultType.IsGenericType
            ? forward.Invoke(this, [gate, targetMethod, args])
            : AfterGatePlain(gate, targetMethod, args);
    }

    private object? Forward(MethodInfo method, object?[]? args)
    {
        try
        {
            return method.Invoke(_inner, args);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }

    private async Task<T> AfterGate<T>(Task gate, MethodInfo method, object?[]? args)
    {
        await gate;
        return await (Task<T>)Forward(method, args)!;
    }

    private async Task AfterGatePlain(Task gate, MethodInfo method, object?[]? args)
    {
        await gate;
        await (Task)Forward(method, args)!;
    }
}
