using System.Text.Json.Nodes;
using Rpa.Engine.Descriptors;
using Rpa.Host.Cli;

namespace Rpa.Engine.Tests.Cli;

public sealed class RpaCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_hello_succeeds_and_prints_the_output()
    {
        var run = await CliRun.RunAsync("run", RepositoryRoot.Combine("bots", "hello"), "--input", "who=Ada", "-i", "times=2");

        run.ExitCode.Should().Be(ExitCodes.Succeeded, run.Output + run.Error);
        run.Output.Should().Contain("say: Hello, Ada! (1 of 2)").And.Contain("say: Hello, Ada! (2 of 2)");
        run.Output.Should().Contain("✔ Bot 'hello' succeeded").And.Contain("greeting = Hello, Ada!");
    }

    [Fact]
    public async Task Run_with_json_prints_a_parseable_result()
    {
        var run = await CliRun.RunAsync("run", RepositoryRoot.Combine("bots", "hello", "bot.json"), "--json");

        run.ExitCode.Should().Be(ExitCodes.Succeeded, run.Error);
        var json = JsonNode.Parse(run.Output)!;
        json["status"]!.GetValue<string>().Should().Be("Succeeded");
        json["outputs"]!["greeting"]!.GetValue<string>().Should().Be("Hello, world!");
        json["steps"]!.GetValue<long>().Should().BeGreaterThan(5);
    }

    [Fact]
    public async Task Run_of_an_invalid_bot_exits_2_and_lists_every_problem()
    {
        var bot = Write("""
            { "name": "broken", "root": { "id": "main", "type": "Sequence", "activities": [
              { "id": "a", "type": "Lgo" },
              { "id": "b", "type": "Log" },
              { "id": "c", "type": "SetVariable", "inputs": { "variable": "nope", "value": { "js": "1 +* 2" } } }
            ] } }
            """);

        var run = await CliRun.RunAsync("run", bot);

        run.ExitCode.Should().Be(ExitCodes.Invalid);
        run.Output.Should().Contain("Bot 'broken'").And.Contain("4 problems");
        run.Output.Should().Contain("activity 'a', type: unknown activity type 'Lgo'; did you mean 'Log'?");
        run.Output.Should().Contain("activity 'b', input 'message': the input is required");
        run.Output.Should().Contain("activity 'c', input 'variable': 'nope' is not a variable");
        run.Output.Should().Contain("activity 'c', input 'value': JavaScript syntax error");
    }

    [Fact]
    public async Task Run_with_an_input_of_the_wrong_type_exits_2_naming_the_input()
    {
        var run = await CliRun.RunAsync("run", RepositoryRoot.Combine("bots", "hello"), "--input", "times=often");

        run.ExitCode.Should().Be(ExitCodes.Invalid);
        run.Output.Should().Contain("input 'times': expected number but got text 'often'");
    }

    [Fact]
    public async Task Run_with_an_unknown_input_exits_2()
    {
        var run = await CliRun.RunAsync("run", RepositoryRoot.Combine("bots", "hello"), "--input", "whom=Ada");

        run.ExitCode.Should().Be(ExitCodes.Invalid);
        run.Output.Should().Contain("the bot has no input 'whom' (inputs: who, times)");
    }

    [Fact]
    public async Task Run_of_a_failing_bot_exits_1_naming_the_bot_and_the_activity()
    {
        var bot = Write("""
            { "name": "picky", "inputs": [ { "name": "amount", "type": "number", "default": -5 } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "check", "type": "If", "inputs": { "condition": { "js": "amount < 0" } },
                  "then": { "id": "reject", "type": "Fail", "inputs": { "message": { "liquid": "Amount {{ amount }} is negative" } } } }
              ] } }
            """);

        var run = await CliRun.RunAsync("run", bot);

        run.ExitCode.Should().Be(ExitCodes.BotFailed);
        run.Output.Should().Contain("Bot 'picky' failed at activity 'reject' (Fail, path main/check/reject): Amount -5 is negative");
    }

    [Fact]
    public async Task Cancelling_a_run_exits_130_and_says_it_was_cancelled()
    {
        var bot = Write("""
            { "name": "sleepy", "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "nap", "type": "Delay", "inputs": { "seconds": 600 } } ] } }
            """);
        var output = new StringWriter();
        using var cancel = new CancellationTokenSource();
        cancel.CancelAfter(TimeSpan.FromMilliseconds(300));

        var code = await RpaCli.RunAsync(["run", bot, "--data", _folder], output, new StringWriter(), cancel.Token);

        code.Should().Be(ExitCodes.Cancelled);
        output.ToString().Should().Contain("Bot 'sleepy' was cancelled");
    }

    [Fact]
    public async Task Validate_reports_a_valid_bot_and_exits_0()
    {
        var run = await CliRun.RunAsync("validate", RepositoryRoot.Combine("bots", "hello"));

        run.ExitCode.Should().Be(ExitCodes.Succeeded);
        run.Output.Should().Contain("Bot 'hello' is valid (5 activities).");
    }

    [Fact]
    public async Task Validate_of_malformed_json_names_the_line()
    {
        var bot = Write("{ \"name\": \"x\",\n  \"root\": { \"id\": \"a\" \"type\": \"Log\" } }");

        var run = await CliRun.RunAsync("validate", bot, "--json");

        run.ExitCode.Should().Be(ExitCodes.Invalid);
        var json = JsonNode.Parse(run.Output)!;
        json["valid"]!.GetValue<bool>().Should().BeFalse();
        json["problems"]![0]!["message"]!.GetValue<string>().Should().Contain("not valid JSON at line 2");
    }

    [Fact]
    public async Task Validate_of_a_missing_file_says_where_it_looked()
    {
        var run = await CliRun.RunAsync("validate", Path.Combine(_folder, "nowhere"));

        run.ExitCode.Should().Be(ExitCodes.Invalid);
        run.Output.Should().Contain("no bot at").And.Contain("nowhere");
    }

    [Fact]
    public async Task Activities_json_lists_every_registered_activity_with_inputs()
    {
        var run = await CliRun.RunAsync("activities", "--json");

        run.ExitCode.Should().Be(ExitCodes.Succeeded);
        var types = JsonNode.Parse(run.Output)!.AsArray().Select(a => a!["type"]!.GetValue<string>()).ToList();
        types.Should().Contain(["Sequence", "Flowchart", "If", "Switch", "ForEach", "While", "Parallel", "TryCatch", "Retry", "Delay", "SetVariable", "Log", "Fail", "RunBot"]);
        var log = JsonNode.Parse(run.Output)!.AsArray().Single(a => a!["type"]!.GetValue<string>() == "Log")!;
        log["inputs"]![0]!["name"]!.GetValue<string>().Should().Be("message");
        log["inputs"]![1]!["options"]!.AsArray().Select(o => o!.GetValue<string>()).Should().Contain("Warning");
    }

    [Fact]
    public void Activities_reference_in_docs_matches_the_activity_classes()
    {
        var expected = DescriptorDocuments.ToMarkdown(RpaCli.CreateRegistry());
        var path = RepositoryRoot.Combine("docs", "activities.md");

        File.Exists(path).Should().BeTrue("docs/activities.md is generated by `rpa activities --markdown`");
        File.ReadAllText(path).ReplaceLineEndings().Should().Be(expected.ReplaceLineEndings(),
            "docs/activities.md must be regenerated with `dotnet run --project runtime/Rpa.Host -- activities --markdown > docs/activities.md`");
    }

    private string Write(string json)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, json);
        return path;
    }
}
