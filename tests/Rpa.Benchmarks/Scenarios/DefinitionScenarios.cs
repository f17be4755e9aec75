using Rpa.Benchmarks.Running;
using Rpa.Engine.Serialization;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>Work done per bot definition rather than per run: validating/compiling it, reading and writing its JSON.</summary>
internal static class DefinitionScenarios
{
    public const int Activities = 1_000;

    public static IEnumerable<Scenario> All()
    {
        var bot = new Lazy<Engine.Model.BotDefinition>(() => BenchmarkBots.Realistic(Activities));
        var json = new Lazy<string>(() => BotJson.Write(bot.Value));

        yield return new Scenario
        {
            Name = "compile-1000",
            Description = "Validating and compiling (BotCompiler.Compile: ids, types, inputs, scopes, parsing every JavaScript and Liquid expression) a bot of 1,000 activities: 333 × (SetVariable with JavaScript, If with a JavaScript condition, Log with a Liquid message).",
            Work = $"BotCompiler.Compile, {Activities:N0}-activity bot",
            Items = Activities,
            Unit = ("activities", "activity"),
            Prepare = () =>
            {
                var definition = bot.Value;
                return Operation.Sync(() =>
                {
                    var result = BenchmarkHost.Compiler.Compile(definition);
                    if (!result.IsValid) throw new InvalidOperationException($"The benchmark bot is invalid: {string.Join("; ", result.Problems)}");
                });
            },
        };
        yield return new Scenario
        {
            Name = "json-write-1000",
            Description = "BotJson.Write of the same 1,000-activity bot (the model to indented bot.json text).",
            Work = $"BotJson.Write, {Activities:N0}-activity bot",
            Items = Activities,
            Unit = ("activities", "activity"),
            Prepare = () =>
            {
                var definition = bot.Value;
                return Operation.Sync(() => BotJson.Write(definition), $"bot.json is {json.Value.Length / 1024.0:0} KB");
            },
        };
        yield return new Scenario
        {
            Name = "json-read-1000",
            Description = "BotJson.Read of that bot.json text (parse and check the format, build the model; no compiling).",
            Work = $"BotJson.Read, {Activities:N0}-activity bot",
            Items = Activities,
            Unit = ("activities", "activity"),
            Prepare = () =>
            {
                var text = json.Value;
                return Operation.Sync(() =>
                {
                    var result = BotJson.Read(text);
                    if (!result.Success) throw new InvalidOperationException($"The benchmark bot.json does not read back: {string.Join("; ", result.Problems)}");
                }, $"bot.json is {text.Length / 1024.0:0} KB");
            },
        };
    }
}
