using Rpa.Engine.Activities;
using Rpa.Engine.Activities.ControlFlow;

namespace Rpa.Engine.Building;

/// <summary>Entry points of the C# bot builder: <c>Bot.Define("name")</c> and <c>Bot.Activity&lt;Log&gt;("id")</c>.</summary>
public static class Bot
{
    public static BotBuilder Define(string name) => new(name);

    public static ActivityBuilder<T> Activity<T>(string id) where T : Activity => new(id);

    public static ActivityBuilder<Sequence> Sequence(string id, params IActivityBuilder[] activities) =>
        new ActivityBuilder<Sequence>(id).Children(s => s.Activities, activities);

    public static ActivityBuilder<Flowchart> Flowchart(string id, params IActivityBuilder[] activities) =>
        new ActivityBuilder<Flowchart>(id).Children(f => f.Activities, activities);
}
