using Rpa.Engine.Execution;

namespace Rpa.Integration.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class InputFormsChallengeTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_challenge_bot_completes_all_ten_rounds_with_every_field_correct()
    {
        var result = await browser.RunSampleAsync("input-forms-challenge", new Dictionary<string, object?>
        {
            ["url"] = browser.Apps.ChallengeUrl.ToString(),
        });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["result"].Should().BeOfType<string>().Which.Should().Contain("70 out of 70 fields correct");
        result.Journal.Entries.Count(e => e.ActivityId == "fill-round").Should().Be(10);
    }
}
