using Rpa.Engine.Execution;

namespace Rpa.Runtime.Triggers;

/// <summary>A trigger of a bot's published version, with the compiled bot it starts.</summary>
public sealed record PublishedTrigger(string Bot, int Version, CompiledBot Compiled, TriggerDefinition Trigger);
