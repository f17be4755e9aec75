namespace Rpa.Runtime.Triggers;

/// <summary>One entry of a bot's <c>triggers</c> list in bot.json: what starts its published version besides the API.</summary>
public abstract record TriggerDefinition(string Name)
{
    /// <summary>"schedule", "webhook" or "fileDrop", as written in bot.json.</summary>
    public abstract string Type { get; }

    /// <summary>What the runs it starts show as their trigger, e.g. "schedule:nightly"; for a file drop the start of it ("file:", then the file's path).</summary>
    public abstract string RunTrigger { get; }
}
