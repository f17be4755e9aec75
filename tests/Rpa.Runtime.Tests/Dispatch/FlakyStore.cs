using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Tests.Dispatch;

/// <summary>Which store calls fail, and how many more times (a database blip).</summary>
public sealed class StoreBlips
{
    private readonly ConcurrentDictionary<string, int> _left = new(StringComparer.Ordinal);

    /// <summary>The next <paramref name="times"/> calls of the <see cref="IRunStore"/> method <paramref name="method"/> throw.</summary>
    public void FailNext(string method, int times) => _left[method] = times;

    internal bool TryTake(string method)
    {
        while (_left.TryGetValue(method, out var left) && left > 0)
        {
            if (_left.TryUpdate(method, left - 1, left)) return true;
        }

        return false;
    }
}

/// <summary>An <see cref="IRunStore"/> in front of the real one that fails the calls <see cref="StoreBlips"/> names.</summary>
public class FlakyStore : DispatchProxy
{
    private IRunStore _inner = null!;
    private StoreBlips _blips = null!;

    public static IRunStore Wrap(IRunStore inner, StoreBlips blips)
    {
        var proxy = Create<IRunStore, FlakyStore>();
        var flaky = (FlakyStore)(object)proxy;
        flaky._inner = inner;
        flaky._blips = blips;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (_blips.TryTake(targetMethod.Name)) throw new TimeoutException($"{targetMethod.Name}: the store did not answer (a blip the test made)");
        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
