using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class IfTests
{
    private static readonly BotDefinition Approval = Bot.Define("approval")
        .Input("amount", DataType.Number, required: true)
        .Output("route", DataType.Text)
        .Root(Steps.If("large", "amount > 1000")
            .Child(x => x.Then, Steps.Set("manager", "route", "manager"))
            .Child(x => x.Else, Steps.Set("automatic", "route", "automatic")))
        .Build();

    [Fact]
    public async Task If_runs_then_when_the_condition_holds()
    {
        var result = (await new BotTestHost().RunAsync(Approval, new Dictionary<string, object?> { ["amount"] = 1500m })).ShouldSucceed();

        result.Outputs["route"].Should().Be("manager");
        result.Ran().Should().Equal("large", "manager");
        result.EntryOf("large").Outcome.Should().Be("True");
        result.EntryOf("large").Inputs!["condition"].Should().Be(true);
    }

    [Fact]
    public async Task If_runs_else_when_the_condition_does_not_hold()
    {
        var result = (await new BotTestHost().RunAsync(Approval, new Dictionary<string, object?> { ["amount"] = "999.99" })).ShouldSucceed();

        result.Outputs["route"].Should().Be("automatic");
        result.Ran().Should().Equal("large", "automatic");
        result.EntryOf("large").Outcome.Should().Be("False");
    }

    [Fact]
    public async Task If_without_a_branch_for_the_outcome_does_nothing_else()
    {
        var bot = Bot.Define("no-else")
            .Output("route", DataType.Text)
            .Root(Steps.If("check", "1 > 2").Child(x => x.Then, Steps.Set("then", "route", "then")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("check");
        result.Outputs["route"].Should().BeNull();
    }

    [Theory]
    [InlineData("'yes'", true)]
    [InlineData("'false'", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public async Task If_converts_text_and_numbers_to_a_condition(string script, bool expected)
    {
        var bot = Bot.Define("truthy").Root(Steps.If("check", script)).Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.EntryOf("check").Outcome.Should().Be(expected ? "True" : "False");
    }

    [Fact]
    public async Task If_fails_with_the_input_name_when_the_condition_is_not_a_bool()
    {
        var bot = Bot.Define("not-bool").Root(Steps.If("check", "'maybe'")).Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("check");
        result.Error.Message.Should().Be("input 'condition' (JavaScript): expected bool but got text 'maybe'");
    }
}
