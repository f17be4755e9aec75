using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class TryCatchTests
{
    [Fact]
    public async Task TryCatch_runs_catch_with_the_error_message_and_failed_activity_in_a_variable()
    {
        var bot = Bot.Define("caught")
            .Output("report", DataType.Text)
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Bot.Sequence("work", Steps.Fail("submit", "the form rejected the date")))
                .Child(x => x.Catch, Steps.SetJs("note", "report",
                    "`${error.activityId} (${error.activityType} at ${error.path}): ${error.message}`")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["report"].Should().Be("submit (Fail at guard/work/submit): the form rejected the date");
        result.EntryOf("submit").Status.Should().Be(ActivityStatus.Faulted);
        result.EntryOf("guard").Status.Should().Be(ActivityStatus.Completed);
        result.EntryOf("guard").Outputs!["caught"].Should().Be("the form rejected the date");
        result.Error.Should().BeNull();
    }

    [Fact]
    public async Task TryCatch_gives_the_cause_of_an_unexpected_exception_in_the_error_variable()
    {
        var bot = Bot.Define("cause")
            .Output("report", DataType.Text)
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Bot.Activity<ThrowUnexpected>("buggy"))
                .Child(x => x.Catch, Steps.SetJs("note", "report", "error.message + ' / ' + error.cause")))
            .Build();

        var result = (await new BotTestHost().Add<ThrowUnexpected>().RunAsync(bot)).ShouldSucceed();

        result.Outputs["report"].Should().Be("InvalidOperationException: the activity has a bug / null");
    }

    [Fact]
    public async Task TryCatch_names_the_error_variable_as_the_bot_says()
    {
        var bot = Bot.Define("renamed")
            .Output("report", DataType.Text)
            .Root(Bot.Activity<TryCatch>("guard")
                .Set(x => x.ErrorVariable, "problem")
                .Child(x => x.Try, Steps.Fail("fail", "boom"))
                .Child(x => x.Catch, Steps.Set("note", "report", InputValue.Liquid("{{ problem.message }} in {{ problem.activityId }}"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["report"].Should().Be("boom in fail");
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TryCatch_runs_finally_whether_or_not_try_failed(bool fails)
    {
        var bot = Bot.Define("finally")
            .Input("fails", DataType.Bool, required: true)
            .Output("trail", DataType.Text)
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Bot.Sequence("work",
                    Steps.Set("start", "trail", "try"),
                    Steps.If("maybe", "fails").Child(x => x.Then, Steps.Fail("fail", "boom"))))
                .Child(x => x.Catch, Steps.SetJs("catch", "trail", "trail + ',catch'"))
                .Child(x => x.Finally, Steps.SetJs("cleanup", "trail", "trail + ',finally'")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["fails"] = fails })).ShouldSucceed();

        result.Outputs["trail"].Should().Be(fails ? "try,catch,finally" : "try,finally");
    }

    [Fact]
    public async Task TryCatch_without_catch_swallows_the_error()
    {
        var bot = Bot.Define("swallow")
            .Output("after", DataType.Text)
            .Root(Bot.Sequence("main",
                Bot.Activity<TryCatch>("guard").Child(x => x.Try, Steps.Fail("optional", "the banner was not there")),
                Steps.Set("next", "after", "went on")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["after"].Should().Be("went on");
        result.EntryOf("optional").Error!.Message.Should().Be("the banner was not there");
        result.EntryOf("guard").Outputs!["caught"].Should().Be("the banner was not there");
    }

    [Fact]
    public async Task TryCatch_fails_with_the_catch_error_when_catch_itself_fails_after_running_finally()
    {
        var bot = Bot.Define("rethrow")
            .Output("cleaned", DataType.Bool)
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Steps.Fail("first", "first failure"))
                .Child(x => x.Catch, Bot.Activity<Fail>("again").Set(x => x.Message, InputValue.Liquid("could not recover from: {{ error.message }}")))
                .Child(x => x.Finally, Steps.Set("cleanup", "cleaned", true)))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("again");
        result.Error.Message.Should().Be("could not recover from: first failure");
        result.Outputs["cleaned"].Should().Be(true);
        result.EntryOf("cleanup").Status.Should().Be(ActivityStatus.Completed);
        result.EntryOf("guard").Status.Should().Be(ActivityStatus.Faulted);
    }

    [Fact]
    public async Task TryCatch_fails_when_finally_fails()
    {
        var bot = Bot.Define("finally-fails")
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Bot.Sequence("work"))
                .Child(x => x.Finally, Steps.Fail("cleanup", "could not close the browser")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("cleanup");
    }

    [Fact]
    public void TryCatch_error_variable_is_visible_only_inside_catch()
    {
        var bot = Bot.Define("scope")
            .Variable("message", DataType.Text)
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Steps.SetJs("inTry", "message", "error.message"))
                .Child(x => x.Catch, Steps.SetJs("inCatch", "message", "error.message"))
                .Child(x => x.Finally, Steps.SetJs("inFinally", "message", "error.message")))
            .Build();

        var problems = new BotTestHost().Validate(bot).Problems;

        problems.Select(p => p.ActivityId).Should().Equal("inTry", "inFinally");
        problems.Should().OnlyContain(p => p.Message.StartsWith("the expression uses 'error'"));
    }
}
