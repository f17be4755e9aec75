using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class SwitchTests
{
    private static BotDefinition Shipping() => Bot.Define("shipping")
        .Input("country", DataType.Any, required: true)
        .Output("carrier", DataType.Text)
        .Root(Bot.Activity<Switch>("byCountry")
            .Set(x => x.Value, InputValue.JavaScript("country"))
            .Case(x => x.Branches, "DE", Steps.Set("dhl", "carrier", "DHL"))
            .Case(x => x.Branches, "FR", Steps.Set("laPoste", "carrier", "La Poste"))
            .Case(x => x.Branches, "44", Steps.Set("royalMail", "carrier", "Royal Mail"))
            .Child(x => x.Default, Steps.Set("ups", "carrier", "UPS")))
        .Build();

    [Theory]
    [InlineData("DE", "DHL", "dhl")]
    [InlineData("FR", "La Poste", "laPoste")]
    public async Task Switch_runs_the_branch_whose_name_matches_the_value(string country, string carrier, string branch)
    {
        var result = (await new BotTestHost().RunAsync(Shipping(), new Dictionary<string, object?> { ["country"] = country })).ShouldSucceed();

        result.Outputs["carrier"].Should().Be(carrier);
        result.Ran().Should().Equal("byCountry", branch);
        result.EntryOf("byCountry").Outcome.Should().Be(country);
    }

    [Fact]
    public async Task Switch_compares_the_value_as_text_so_a_number_matches_its_case_name()
    {
        var result = (await new BotTestHost().RunAsync(Shipping(), new Dictionary<string, object?> { ["country"] = 44m })).ShouldSucceed();

        result.Outputs["carrier"].Should().Be("Royal Mail");
    }

    [Theory]
    [InlineData("IT")]
    [InlineData("de")]
    [InlineData("")]
    public async Task Switch_runs_default_when_no_case_matches_exactly(string country)
    {
        var result = (await new BotTestHost().RunAsync(Shipping(), new Dictionary<string, object?> { ["country"] = country })).ShouldSucceed();

        result.Outputs["carrier"].Should().Be("UPS");
        result.EntryOf("byCountry").Outcome.Should().Be("Default");
    }

    [Fact]
    public async Task Switch_on_a_value_that_is_null_runs_default()
    {
        var result = (await new BotTestHost().RunAsync(Shipping(), new Dictionary<string, object?> { ["country"] = null })).ShouldSucceed();

        result.Outputs["carrier"].Should().Be("UPS");
    }

    [Fact]
    public async Task Switch_without_a_default_branch_ends_with_the_Default_outcome_and_runs_nothing()
    {
        var bot = Bot.Define("no-default")
            .Root(Bot.Activity<Switch>("pick").Set(x => x.Value, "none").Case(x => x.Branches, "one", Steps.Fail("one", "not this")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("pick");
        result.EntryOf("pick").Outcome.Should().Be("Default");
    }

    [Theory]
    [InlineData("Gold", "gold")]
    [InlineData("Silver", "silver")]
    [InlineData("Bronze", "other")]
    public async Task Switch_in_a_flowchart_ends_with_the_matching_case_as_its_outcome(string tier, string expected)
    {
        var bot = Bot.Define("tiers")
            .Input("tier", DataType.Text, required: true)
            .Output("discount", DataType.Number)
            .Root(Bot.Flowchart("flow",
                    Bot.Activity<Switch>("byTier").Set(x => x.Value, InputValue.Liquid("{{ tier }}")).SetLiteral(x => x.Cases, new[] { "Gold", "Silver" }),
                    Steps.Set("gold", "discount", 20m),
                    Steps.Set("silver", "discount", 10m),
                    Steps.Set("other", "discount", 0m))
                .Connect("byTier", "Gold", "gold")
                .Connect("byTier", "Silver", "silver")
                .Connect("byTier", "Default", "other"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["tier"] = tier })).ShouldSucceed();

        result.Ran().Should().Equal("flow", "byTier", expected);
        result.EntryOf("byTier").Outcome.Should().Be(expected == "other" ? "Default" : tier);
    }

    [Fact]
    public void Switch_outcomes_are_its_cases_and_branch_names_plus_Default()
    {
        var bot = Bot.Define("outcomes")
            .Root(Bot.Activity<Switch>("pick")
                .Set(x => x.Value, "a")
                .SetLiteral(x => x.Cases, new[] { "A", "B" })
                .Case(x => x.Branches, "B", Steps.Fail("b", "b"))
                .Case(x => x.Branches, "C", Steps.Fail("c", "c")))
            .Build();

        var compiled = new BotTestHost().Compiler.CompileOrThrow(bot);

        compiled.Activities["pick"].GetDynamicOutcomes().Should().Equal("A", "B", "C", "Default");
        new BotTestHost().Registry.Get("Switch").DynamicOutcomes.Should().BeTrue();
    }

    [Fact]
    public void Switch_in_a_flowchart_rejects_a_connection_from_an_outcome_that_is_not_a_case()
    {
        var bot = Bot.Define("bad-case")
            .Root(Bot.Flowchart("flow",
                    Bot.Activity<Switch>("pick").Set(x => x.Value, "a").SetLiteral(x => x.Cases, new[] { "A" }),
                    Steps.Fail("next", "x"))
                .Connect("pick", "Z", "next"))
            .Build();

        var problems = new BotTestHost().Validate(bot).Problems;

        problems.Should().ContainSingle().Which.Message.Should().Be("'pick' (Switch) has no outcome 'Z' (outcomes: A, Default)");
    }
}
