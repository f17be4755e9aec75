namespace Rpa.Engine.Execution;

/// <summary>Finds the bot a RunBot activity names (a path next to the calling bot, or a bot in the catalogue).</summary>
public interface IBotResolver
{
    ValueTask<CompiledBot> ResolveAsync(string reference, CompiledBot caller, CancellationToken cancellationToken);
}
