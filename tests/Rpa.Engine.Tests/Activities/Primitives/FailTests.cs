using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Primitives;

public sealed class FailTests
{
    [Fact]
    public async Task Fail_fails_the_run_with_its_message()
    {
        var bot = Bot.Define("limits")
            .Input("invoice", DataType.Text, "INV-7")
            .Root(Bot.Sequence("main",
                Bot.Activity<Fail>("overLimit").Set(x => x.Message, InputValue.Liquid("Invoice {{ invoice }} is over the limit"))))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error.Should().BeEquivalentTo(new ActivityError("overLimit", "Fail", "main/overLimit", "Invoice INV-7 is over the limit"));
        result.Error!.Cause.Should().BeNull();
        result.EntryOf("overLimit").Status.Should().Be(ActivityStatus.Faulted);
        result.EntryOf("overLimit").Inputs!["message"].Should().Be("Invoice INV-7 is over the limit");
    }

    [Fact]
    public void Fail_requires_a_message()
    {
        var bot = Bot.Define("empty").Root(Steps.Fail("stop", "")).Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(new ValidationProblem("stop", "input 'message'", "the input is required and cannot be empty"));
    }

    [Fact]
    public async Task Fail_with_a_message_expression_that_gives_nothing_still_fails_with_a_readable_error()
    {
        // Regression: a null message gave "Exception of type 'Rpa.Engine.Activities.ActivityException' was thrown."
        var bot = Bot.Define("no-message").Root(Bot.Activity<Fail>("stop").Set(x => x.Message, InputValue.JavaScript("null"))).Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("stop");
        result.Error.Message.Should().Be("input 'message' (JavaScript): the input is required but the expression gave no value (null)");
    }

    [Fact]
    public async Task Fail_masks_secrets_in_its_message()
    {
        var bot = Bot.Define("leak")
            .Input("apiKey", DataType.Text, required: true, secret: true)
            .Root(Bot.Activity<Fail>("stop").Set(x => x.Message, InputValue.JavaScript("'rejected key ' + apiKey")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["apiKey"] = "sk-12345" });

        result.Error!.Message.Should().Be("rejected key ***");
        result.ErrorMessage.Should().NotContain("sk-12345");
    }

    [Fact]
    public async Task Fail_with_kind_business_marks_the_error_as_a_business_exception()
    {
        var bot = Bot.Define("rules")
            .Root(Bot.Activity<Fail>("reject").Set(x => x.Message, "customer unknown").Set(x => x.Kind, "business"))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("customer unknown");
        result.Error.IsBusinessError.Should().BeTrue();
        JournalJson.ToJson(result.Error)["business"]!.GetValue<bool>().Should().BeTrue();
    }

    [Fact]
    public async Task Fail_is_an_application_error_by_default()
    {
        var result = await new BotTestHost().RunAsync(Bot.Define("plain").Root(Steps.Fail("stop", "portal down")).Build());

        result.Error!.IsBusinessError.Should().BeFalse();
    }

    [Fact]
    public void Fail_names_an_unknown_kind()
    {
        var bot = Bot.Define("odd").Root(Bot.Activity<Fail>("stop").Set(x => x.Message, "no").Set(x => x.Kind, "fatal")).Build();

        new BotTestHost().Validate(bot).Problems.Should().ContainSingle()
            .Which.Message.Should().Contain("kind must be 'application' or 'business', not 'fatal'");
    }
}
