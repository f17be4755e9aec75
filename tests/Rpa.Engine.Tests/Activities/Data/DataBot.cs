using Rpa.Activities;
using Rpa.Engine.Building;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Testing;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

/// <summary>Runs data activities as a bot loaded from <c>folder</c>, so relative paths resolve against it.</summary>
internal static class DataBot
{
    public static ActivityRegistry Registry() => ActivityRegistry.CreateDefault().AddBuiltInActivities();

    public static Task<RunResult> RunAsync(string folder, IActivityBuilder activity, params (string Name, DataType Type)[] outputs) =>
        RunAsync(folder, activity, null, outputs);

    /// <summary>Runs with a bot input <c>data</c> (a table) when <paramref name="data"/> is given: CLR values pass as they are.</summary>
    public static async Task<RunResult> RunAsync(string folder, IActivityBuilder activity, Table? data, params (string Name, DataType Type)[] outputs)
    {
        var host = new BotTestHost(Registry());
        var bot = Bot.Define("data-test");
        if (data is not null) bot.Input("data", DataType.Table);
        foreach (var (name, type) in outputs) bot.Output(name, type);
        var compiled = host.Compiler.CompileOrThrow(bot.Root(activity).Build(), folder);
        return await host.RunAsync(compiled, data is null ? null : new Dictionary<string, object?> { ["data"] = data });
    }

    public static CompileResult Compile(IActivityBuilder activity, params (string Name, DataType Type)[] outputs)
    {
        var bot = Bot.Define("data-test");
        foreach (var (name, type) in outputs) bot.Output(name, type);
        return new BotCompiler(Registry()).Compile(bot.Root(activity).Build());
    }
}
