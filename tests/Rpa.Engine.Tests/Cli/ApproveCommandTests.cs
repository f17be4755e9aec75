using System.Text.RegularExpressions;
using Rpa.Host.Cli;

namespace Rpa.Engine.Tests.Cli;

public sealed partial class ApproveCommandTests : IDisposable
{
    private const string ApprovalBot = """
        { "format": 1, "name": "approve-demo",
          "inputs": [ { "name": "amount", "type": "number", "default": 100 } ],
          "outputs": [ { "name": "result", "type": "text" } ],
          "root": { "id": "flow", "type": "Flowchart", "activities": [
            { "id": "ask", "type": "WaitForApproval", "inputs": { "title": { "liquid": "Pay {{ amount }}?" } } },
            { "id": "paid", "type": "SetVariable", "inputs": { "variable": "result", "value": { "js": "'paid ' + amount" } } },
            { "id": "no", "type": "SetVariable", "inputs": { "variable": "result", "value": "not paid" } } ],
           "connections": [ { "from": "ask", "outcome": "Approved", "to": "paid" }, { "from": "ask", "outcome": "Rejected", "to": "no" } ] } }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-approve-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Data => Path.Combine(_folder, "data");

    private async Task<(CliRun Run, string RunId)> StartAsync()
    {
        var bot = Path.Combine(_folder, "bot.json");
        await File.WriteAllTextAsync(bot, ApprovalBot);
        var run = await CliRun.RunAsync("run", bot, "-i", "amount=42", "--data", Data);
        var id = RunIdPattern().Match(run.Output).Groups[1].Value;
        return (run, id);
    }

    [Fact]
    public async Task Run_of_a_bot_that_waits_exits_3_and_says_how_to_approve()
    {
        var (run, id) = await StartAsync();

        run.ExitCode.Should().Be(ExitCodes.Waiting, run.Output + run.Error);
        run.Output.Should().Contain("⏸ Bot 'approve-demo' waits for approval at activity 'ask': Pay 42?");
        run.Output.Should().Contain($"rpa reject {id}");
        File.Exists(Path.Combine(Data, "waiting", id + ".json")).Should().BeTrue();
    }

    [Fact]
    public async Task Approve_resumes_the_run_with_its_inputs_and_forgets_it_when_done()
    {
        var (_, id) = await StartAsync();

        var approved = await CliRun.RunAsync("approve", id, "--comment", "ok", "--by", "ann", "--data", Data);

        approved.ExitCode.Should().Be(ExitCodes.Succeeded, approved.Output + approved.Error);
        approved.Output.Should().Contain("The approval was approved by ann: ok").And.Contain("result = paid 42");
        Directory.GetFiles(Path.Combine(Data, "waiting")).Should().BeEmpty();
    }

    [Fact]
    public async Task Reject_takes_the_rejected_path()
    {
        var (_, id) = await StartAsync();

        var rejected = await CliRun.RunAsync("reject", id, "--data", Data);

        rejected.ExitCode.Should().Be(ExitCodes.Succeeded, rejected.Output + rejected.Error);
        rejected.Output.Should().Contain("result = not paid");
    }

    [Fact]
    public async Task Approving_a_run_that_does_not_wait_exits_2_and_says_so()
    {
        var unknown = await CliRun.RunAsync("approve", Guid.Empty.ToString(), "--data", Data);
        var garbage = await CliRun.RunAsync("approve", "yesterday", "--data", Data);

        unknown.ExitCode.Should().Be(ExitCodes.Invalid);
        unknown.Error.Should().Contain($"no run {Guid.Empty} waits in");
        garbage.Error.Should().Contain("'yesterday' is not a run id");
    }

    [GeneratedRegex(@"rpa approve ([0-9a-f-]{36})")]
    private static partial Regex RunIdPattern();
}
