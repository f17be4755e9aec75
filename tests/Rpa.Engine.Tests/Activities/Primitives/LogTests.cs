using Microsoft.Extensions.Logging;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Primitives;

public sealed class LogTests
{
    private static async Task<(RunResult Result, CapturingLogger Logger)> Run(BotDefinition bot, IReadOnlyDictionary<string, object?>? inputs = null)
    {
        var logger = new CapturingLogger();
        var compiled = new BotTestHost().Compiler.CompileOrThrow(bot);
        var result = await BotRunner.RunAsync(compiled, new RunOptions { Logger = logger, Inputs = inputs ?? new Dictionary<string, object?>() });
        return (result, logger);
    }

    [Fact]
    public async Task Log_writes_the_rendered_message_at_information_level_by_default()
    {
        var bot = Bot.Define("log")
            .Input("count", DataType.Number, 3)
            .Root(Bot.Activity<Log>("say").Set(x => x.Message, InputValue.Liquid("Processed {{ count }} rows")))
            .Build();

        var (result, logger) = await Run(bot);

        result.ShouldSucceed();
        logger.Events.Should().Contain((LogLevel.Information, "Processed 3 rows"));
        result.EntryOf("say").Inputs!["message"].Should().Be("Processed 3 rows");
    }

    [Theory]
    [InlineData("Debug", LogLevel.Debug)]
    [InlineData("Warning", LogLevel.Warning)]
    [InlineData("error", LogLevel.Error)]
    public async Task Log_writes_at_the_chosen_level(string level, LogLevel expected)
    {
        var bot = Bot.Define("levels").Root(Bot.Activity<Log>("say").Set(x => x.Message, "careful").Set(x => x.Level, level)).Build();

        var (_, logger) = await Run(bot);

        logger.Events.Should().Contain((expected, "careful"));
    }

    [Fact]
    public async Task Log_masks_secret_inputs_in_the_message()
    {
        var bot = Bot.Define("secret")
            .Input("password", DataType.Text, required: true, secret: true)
            .Root(Bot.Activity<Log>("say").Set(x => x.Message, InputValue.Liquid("logging in with {{ password }}")))
            .Build();

        var (result, logger) = await Run(bot, new Dictionary<string, object?> { ["password"] = "hunter22" });

        logger.Events.Should().Contain((LogLevel.Information, "logging in with ***"));
        logger.Events.Should().NotContain(e => e.Message.Contains("hunter22"));
        result.EntryOf("say").Inputs!["message"].Should().Be("logging in with ***");
    }

    [Fact]
    public void Log_rejects_an_unknown_level_at_validation()
    {
        var bot = Bot.Define("bad-level").Root(Bot.Activity<Log>("say").Set(x => x.Message, "x").Set(x => x.Level, "Verbose")).Build();

        new BotTestHost().Validate(bot).Problems.Should().ContainSingle().Which.Message
            .Should().Be("the value does not fit the type text: expected one of Debug, Information, Warning, Error but got 'Verbose'");
    }
}
