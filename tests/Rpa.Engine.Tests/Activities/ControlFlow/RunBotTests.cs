using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class RunBotTests
{
    private static CompiledBot Doubler(BotTestHost host) => host.Compiler.CompileOrThrow(Bot.Define("doubler")
        .Input("n", DataType.Number, required: true)
        .Output("result", DataType.Number)
        .Root(Bot.Sequence("steps", Steps.SetJs("double", "result", "n * 2")))
        .Build());

    private static BotDefinition Caller(InputValue arguments) => Bot.Define("caller")
        .Input("amount", DataType.Number, 21)
        .Output("doubled", DataType.Number)
        .Variable("reply", DataType.Object)
        .Root(Bot.Sequence("main",
            Bot.Activity<RunBot>("call").Set(x => x.Bot, "doubler").Set(x => x.Arguments, arguments).Output(x => x.Result, "reply"),
            Steps.SetJs("take", "doubled", "reply.result")))
        .Build();

    [Fact]
    public async Task RunBot_passes_arguments_in_and_returns_the_bots_outputs()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("doubler", Doubler(host));

        var result = (await host.RunAsync(Caller(InputValue.JavaScript("({ n: amount })")))).ShouldSucceed();

        result.Outputs["doubled"].Should().Be(42m);
        result.EntryOf("call").Outputs!["result"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["result"] = 42m });
        result.EntryOf("call").Inputs!["bot"].Should().Be("doubler");
        resolver.Requests.Should().Equal(("doubler", "caller"));
    }

    [Fact]
    public async Task A_secret_output_of_the_called_bot_is_usable_by_the_caller_and_masked_in_what_the_run_writes()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("login", host.Compiler.CompileOrThrow(Bot.Define("login")
            .Input("password", DataType.Text, required: true, secret: true)
            .Output("token", DataType.Text, secret: true)
            .Root(Bot.Sequence("steps", Steps.SetJs("issue", "token", "'tok-' + password.split('').reverse().join('')")))
            .Build()));
        var caller = Bot.Define("caller")
            .Input("password", DataType.Text, required: true, secret: true)
            .Output("length", DataType.Number)
            .Output("echo", DataType.Text)
            .Variable("reply", DataType.Object)
            .Root(Bot.Sequence("main",
                Bot.Activity<RunBot>("call").Set(x => x.Bot, "login").Set(x => x.Arguments, InputValue.JavaScript("({ password })")).Output(x => x.Result, "reply"),
                Steps.SetJs("measure", "length", "reply.token.length"),
                Steps.SetJs("echo", "echo", "'got ' + reply.token")))
            .Build();

        var result = (await host.RunAsync(caller, new Dictionary<string, object?> { ["password"] = "hunter2" })).ShouldSucceed();

        result.Outputs["length"].Should().Be(11m, "the caller computed with the real token, 'tok-2retnuh'");
        result.Outputs["echo"].Should().Be("got ***");
        result.EntryOf("call").Outputs!["result"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["token"] = "***" });
        result.EntryOf("issue").Inputs!["value"].Should().Be("***", "the called bot's own entry that set its secret output shows it masked");
        System.Text.Json.JsonSerializer.Serialize(result.Journal.Entries.Select(e => new { e.Inputs, e.Outputs })).Should().NotContain("2retnuh");
    }

    [Fact]
    public async Task RunBot_accepts_literal_arguments()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("doubler", Doubler(host));
        var arguments = InputValue.FromLiteral(new System.Text.Json.Nodes.JsonObject { ["n"] = "2.5" });

        var result = (await host.RunAsync(Caller(arguments))).ShouldSucceed();

        result.Outputs["doubled"].Should().Be(5m);
    }

    [Fact]
    public async Task RunBot_treats_arguments_that_give_nothing_as_no_arguments()
    {
        // Regression: null arguments failed with a NullReferenceException while binding the sub-bot's inputs.
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("hello", host.Compiler.CompileOrThrow(Bot.Define("hello")
            .Input("who", DataType.Text, "world")
            .Output("greeting", DataType.Text)
            .Root(Steps.Set("greet", "greeting", InputValue.Liquid("hello {{ who }}")))
            .Build()));
        var bot = Bot.Define("caller")
            .Variable("reply", DataType.Object)
            .Root(Bot.Activity<RunBot>("call").Set(x => x.Bot, "hello").Set(x => x.Arguments, InputValue.JavaScript("null")).Output(x => x.Result, "reply"))
            .Build();

        var result = (await host.RunAsync(bot)).ShouldSucceed();

        result.EntryOf("call").Outputs!["result"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["greeting"] = "hello world" });
    }

    [Fact]
    public async Task RunBot_puts_the_sub_bots_activities_in_the_journal_under_its_own_path()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("doubler", Doubler(host));

        var result = (await host.RunAsync(Caller(InputValue.JavaScript("({ n: 1 })")))).ShouldSucceed();

        result.Journal.Entries.Select(e => e.Path).Should().Equal("main", "main/call", "main/call>steps", "main/call>steps/double", "main/take");
        result.EntryOf("steps").ParentSequence.Should().Be(result.EntryOf("call").Sequence);
        result.EntryOf("double").ParentSequence.Should().Be(result.EntryOf("steps").Sequence);
    }

    [Fact]
    public async Task RunBot_fails_with_the_sub_bots_error_and_its_full_path()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("doubler", host.Compiler.CompileOrThrow(Bot.Define("doubler")
            .Input("n", DataType.Number)
            .Root(Bot.Sequence("steps", Steps.Fail("refuse", "cannot double today")))
            .Build()));

        var result = await host.RunAsync(Caller(InputValue.JavaScript("({ n: 1 })")));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("refuse");
        result.Error.Path.Should().Be("main/call>steps/refuse");
        result.ErrorMessage.Should().Be("Bot 'caller' failed at activity 'refuse' (Fail, path main/call>steps/refuse): cannot double today");
        result.EntryOf("call").Status.Should().Be(ActivityStatus.Faulted);
    }

    [Fact]
    public async Task RunBot_fails_clearly_when_the_arguments_do_not_fit_the_sub_bots_inputs()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("doubler", Doubler(host));

        var result = await host.RunAsync(Caller(InputValue.JavaScript("({ m: 1 })")));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("call");
        result.Error.Message.Should().Be("Bot 'doubler' cannot start: the bot has no input 'm' (inputs: n); the input is required (number)");
    }

    [Fact]
    public async Task RunBot_fails_clearly_when_bots_nest_deeper_than_MaxBotDepth()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        var recursive = host.Compiler.CompileOrThrow(Bot.Define("recursive")
            .Root(Bot.Activity<RunBot>("again").Set(x => x.Bot, "recursive"))
            .Build());
        resolver.Add("recursive", recursive);

        var result = await BotRunner.RunAsync(recursive, new RunOptions { BotResolver = resolver, MaxBotDepth = 3 }).WaitAsync(TimeSpan.FromSeconds(10));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("again");
        result.Error.Message.Should().Be("bots call bots more than 3 levels deep; is a bot calling itself?");
        result.Error.Path.Should().Be("again>again>again>again");
        result.EntriesOf("again").Should().HaveCount(4).And.OnlyContain(e => e.Status == ActivityStatus.Faulted);
    }

    [Fact]
    public async Task RunBot_stops_endless_recursion_at_the_default_depth()
    {
        var resolver = new DictionaryBotResolver();
        var host = new BotTestHost { BotResolver = resolver };
        resolver.Add("recursive", host.Compiler.CompileOrThrow(Bot.Define("recursive")
            .Root(Bot.Activity<RunBot>("again").Set(x => x.Bot, "recursive"))
            .Build()));

        var result = await host.RunAsync(host.Compiler.CompileOrThrow(Bot.Define("start").Root(Bot.Activity<RunBot>("go").Set(x => x.Bot, "recursive")).Build()));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be($"bots call bots more than {new RunOptions().MaxBotDepth} levels deep; is a bot calling itself?");
    }

    [Fact]
    public async Task RunBot_fails_clearly_without_a_bot_resolver()
    {
        var result = await new BotTestHost().RunAsync(Caller(InputValue.JavaScript("({ n: 1 })")));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("this runtime was started without a bot resolver, so it cannot run other bots");
    }
}
