using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class SequenceTests
{
    [Fact]
    public async Task Sequence_runs_its_activities_one_after_another_in_order()
    {
        var bot = Bot.Define("letters")
            .Output("text", DataType.Text)
            .Root(Bot.Sequence("main",
                Steps.SetJs("a", "text", "(text ?? '') + 'a'"),
                Steps.SetJs("b", "text", "text + 'b'"),
                Steps.SetJs("c", "text", "text + 'c'")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["text"].Should().Be("abc");
        result.Journal.Entries.Select(e => e.Path).Should().Equal("main", "main/a", "main/b", "main/c");
        result.Journal.Entries.Skip(1).Should().OnlyContain(e => e.ParentSequence == result.EntryOf("main").Sequence);
    }

    [Fact]
    public async Task Sequence_stops_at_the_first_activity_that_fails()
    {
        var bot = Bot.Define("stops")
            .Output("before", DataType.Text)
            .Output("after", DataType.Text)
            .Root(Bot.Sequence("main",
                Steps.Set("first", "before", "ran"),
                Steps.Fail("broken", "stop here"),
                Steps.Set("never", "after", "ran")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("broken");
        result.Ran().Should().Equal("main", "first", "broken");
        result.Outputs["before"].Should().Be("ran");
        result.Outputs["after"].Should().BeNull();
        result.EntryOf("main").Status.Should().Be(ActivityStatus.Faulted);
        result.EntryOf("main").Error.Should().Be(result.Error, "the composite records the error of the child that failed");
    }

    [Fact]
    public async Task An_empty_sequence_succeeds_without_running_anything()
    {
        var bot = Bot.Define("empty").Root(Bot.Sequence("main")).Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("main");
        result.EntryOf("main").Outcome.Should().Be("Done");
    }

    [Fact]
    public async Task Sequences_nest_and_their_paths_show_where_each_activity_sits()
    {
        var bot = Bot.Define("nested")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Sequence("main",
                Bot.Sequence("inner", Steps.SetJs("inc", "n", "n + 1")),
                Steps.SetJs("again", "n", "n + 1")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Journal.Entries.Select(e => e.Path).Should().Equal("main", "main/inner", "main/inner/inc", "main/again");
        result.EntryOf("inc").ParentSequence.Should().Be(result.EntryOf("inner").Sequence);
    }
}
