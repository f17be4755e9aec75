using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class WhileTests
{
    [Fact]
    public async Task While_runs_its_body_as_long_as_the_condition_holds()
    {
        var bot = Bot.Define("pages")
            .Input("pages", DataType.Number, 3)
            .Output("page", DataType.Number)
            .Root(Bot.Sequence("main",
                Steps.Set("first", "page", 0m),
                Bot.Activity<While>("morePages")
                    .Set(x => x.Condition, InputValue.JavaScript("page < pages"))
                    .Child(x => x.Body, Steps.SetJs("next", "page", "page + 1"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["page"].Should().Be(3m);
        result.EntriesOf("next").Select(e => e.Iteration).Should().Equal(0, 1, 2);
        result.EntryOf("morePages").Outputs!["rounds"].Should().Be(3);
    }

    [Fact]
    public async Task While_never_runs_its_body_when_the_condition_is_false_at_the_start()
    {
        var bot = Bot.Define("never")
            .Root(Bot.Activity<While>("loop").Set(x => x.Condition, false).Child(x => x.Body, Steps.Fail("body", "never")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("loop");
        result.EntryOf("loop").Outputs!["rounds"].Should().Be(0);
    }

    [Fact]
    public async Task While_stops_with_a_clear_error_after_maxIterations_rounds()
    {
        var bot = Bot.Define("endless")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Activity<While>("loop")
                .Set(x => x.Condition, InputValue.JavaScript("n >= 0"))
                .Set(x => x.MaxIterations, 5m)
                .Child(x => x.Body, Steps.SetJs("inc", "n", "n + 1")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("loop");
        result.Error.Message.Should().Be("the loop ran 5 rounds and its condition still holds; raise maxIterations if that is expected");
        result.EntriesOf("inc").Should().HaveCount(5).And.OnlyContain(e => e.Status == ActivityStatus.Completed);
    }

    [Fact]
    public async Task While_with_exactly_maxIterations_rounds_succeeds()
    {
        var bot = Bot.Define("exact")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Activity<While>("loop")
                .Set(x => x.Condition, InputValue.JavaScript("n < 5"))
                .Set(x => x.MaxIterations, 5m)
                .Child(x => x.Body, Steps.SetJs("inc", "n", "n + 1")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.EntriesOf("inc").Should().HaveCount(5);
    }

    [Fact]
    public void While_rejects_maxIterations_below_one_at_validation()
    {
        var bot = Bot.Define("zero")
            .Root(Bot.Activity<While>("loop").Set(x => x.Condition, true).Set(x => x.MaxIterations, 0m))
            .Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(new ValidationProblem("loop", null, "maxIterations must be 1 or more"));
    }

    [Fact]
    public async Task While_evaluates_a_declaring_expression_again_on_every_round()
    {
        // Regression: top-level const/let in an expression stayed declared in the run's engine, so the second
        // evaluation failed with "Identifier 'limit' has already been declared".
        var bot = Bot.Define("declares")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Activity<While>("loop")
                .Set(x => x.Condition, InputValue.JavaScript("const limit = 3; n < limit"))
                .Child(x => x.Body, Steps.SetJs("inc", "n", "let next = n + 1; next")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.EntriesOf("inc").Should().HaveCount(3);
    }
}
