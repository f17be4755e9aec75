using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Execution;

public sealed class SmokeTests
{
    [Fact]
    public async Task A_sequence_sets_an_output_from_javascript_and_liquid()
    {
        var bot = Bot.Define("hello")
            .Input("who", DataType.Text, "world")
            .Output("greeting", DataType.Text)
            .Output("length", DataType.Number)
            .Root(Bot.Sequence("main",
                Bot.Activity<SetVariable>("greet").Set(x => x.Variable, "greeting").Set(x => x.Value, InputValue.Liquid("Hello {{ who }}!")),
                Bot.Activity<SetVariable>("measure").Set(x => x.Variable, "length").Set(x => x.Value, InputValue.JavaScript("greeting.length"))))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["greeting"].Should().Be("Hello world!");
        result.Outputs["length"].Should().Be(12m);
        result.Journal.Entries.Select(e => e.Path).Should().Equal("main", "main/greet", "main/measure");
    }
}
