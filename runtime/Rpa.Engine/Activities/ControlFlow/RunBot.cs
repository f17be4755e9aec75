using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Run bot", Description = "Runs another bot as a step of this one, with arguments, and returns its outputs. Its activities appear in this run's journal.")]
public sealed class RunBot : Activity
{
    [Input(Required = true, Description = "The bot: a path to its folder or bot.json (relative to this bot's folder), or its name.")]
    public Input<string> Bot { get; set; } = new();

    [Input(Description = "The bot's inputs, as an object of name: value.")]
    public Input<Dictionary<string, object?>> Arguments { get; set; } = new(new Dictionary<string, object?>());

    [Output(Description = "The bot's outputs, as an object of name: value.")]
    public Output<Dictionary<string, object?>> Result { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var reference = context.Get(Bot);
        var arguments = context.Get(Arguments) ?? [];
        var resolver = context.Run.Options.BotResolver
            ?? throw new ActivityException("this runtime was started without a bot resolver, so it cannot run other bots");
        var bot = await resolver.ResolveAsync(reference, context.Run.Bot, context.CancellationToken).ConfigureAwait(false);
        var outputs = await BotRunner.RunNestedAsync(context, bot, arguments).ConfigureAwait(false);
        context.Set(Result, new Dictionary<string, object?>(outputs));
    }
}
