using System.Text.Json;
using MiniExcelLibs;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;

namespace Rpa.Integration.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class DataEntryBotTests(BrowserFixture browser) : IDisposable
{
    private const string Password = "practice-Secret-42";
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-data-entry-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_data_entry_bot_creates_valid_customers_records_invalid_ones_and_retries_a_timeout_once()
    {
        await browser.ResetCrmAsync();
        var results = Path.Combine(_folder, "results.xlsx");

        var result = await browser.RunSampleAsync("data-entry", new Dictionary<string, object?>
        {
            ["url"] = new Uri(browser.Apps.BaseAddress, "crm/").ToString(),
            ["password"] = Password,
            ["results"] = results,
            ["saveTimeoutSeconds"] = 3,
        });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["created"].Should().Be(18m);
        result.Outputs["invalid"].Should().Be(4m);
        result.Outputs["failed"].Should().Be(0m);

        var rows = MiniExcel.Query(results, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Should().HaveCount(22);
        rows.Single(r => (string?)r["Name"] == "Frances Allen")["Message"].Should().Be("Email 'frances.allen-at-ibm.example' is not a valid address.");
        rows.Single(r => (string?)r["Name"] == "Frances Allen")["Status"].Should().Be("Invalid");
        rows.Single(r => (string?)r["Name"] == "Hedy Lamarr [flaky]")["Status"].Should().Be("Created");
        rows.Where(r => (string?)r["Status"] == "Created").Select(r => (string?)r["CustomerId"]).Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().MatchRegex("^C-\\d{4}$"));

        result.Journal.Entries.Where(e => e.ActivityId == "create-customer").Should().HaveCount(23, "22 rows and one retry after the timeout");
        var journal = JournalJson.ToJson(result.Journal.Entries).ToJsonString();
        journal.Should().NotContain(Password).And.Contain("***");
    }

    [Fact]
    public async Task A_slow_save_within_the_timeout_succeeds()
    {
        await browser.ResetCrmAsync();
        var customers = Path.Combine(_folder, "slow.xlsx");
        MiniExcel.SaveAs(customers, new[] { new { Name = "Slow Sam [slow:1500]", Email = "sam@slow.example", Phone = "+1 555 0100", Company = "Slow Co", Country = "Canada" } });

        var result = await browser.RunSampleAsync("data-entry", new Dictionary<string, object?>
        {
            ["url"] = new Uri(browser.Apps.BaseAddress, "crm/").ToString(),
            ["password"] = Password,
            ["customers"] = customers,
            ["results"] = Path.Combine(_folder, "slow-results.xlsx"),
        });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["created"].Should().Be(1m);
        result.Journal.Entries.Count(e => e.ActivityId == "create-customer").Should().Be(1, "a 1.5 s save is within the 5 s timeout");
    }

    [Fact]
    public async Task A_wrong_password_fails_the_run_without_revealing_it()
    {
        await browser.ResetCrmAsync();
        const string wrong = "not-the-Password-1";

        var result = await browser.RunSampleAsync("data-entry", new Dictionary<string, object?>
        {
            ["url"] = new Uri(browser.Apps.BaseAddress, "crm/").ToString(),
            ["password"] = wrong,
            ["results"] = Path.Combine(_folder, "never.xlsx"),
        });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("signed-in");
        result.ErrorMessage.Should().NotContain(wrong);
        JsonSerializer.Serialize(JournalJson.ToJson(result.Journal.Entries)).Should().NotContain(wrong);
        File.Exists(Path.Combine(_folder, "never.xlsx")).Should().BeFalse();
    }
}
