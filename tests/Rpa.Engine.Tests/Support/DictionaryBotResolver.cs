using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>Resolves RunBot references from a dictionary of compiled bots, and remembers what was asked for.</summary>
public sealed class DictionaryBotResolver : IBotResolver
{
    private readonly Dictionary<string, CompiledBot> _bots = new(StringComparer.Ordinal);

    public List<(string Reference, string Caller)> Requests { get; } = [];

    public DictionaryBotResolver Add(string reference, CompiledBot bot)
    {
        _bots[reference] = bot;
        return this;
    }

    public ValueTask<CompiledBot> ResolveAsync(string reference, CompiledBot caller, CancellationToken cancellationToken)
    {
        lock (Requests) Requests.Add((reference, caller.Name));
        return _bots.TryGetValue(reference, out var bot)
            ? ValueTask.FromResult(bot)
            : throw new ActivityException($"no bot '{reference}'");
    }
}
