using Rpa.Host.Cli;

namespace Rpa.Engine.Tests.Cli;

public sealed class ValidateTriggersTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-cli-triggers-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Validate_names_a_bad_cron_and_a_bad_concurrency_limit_and_exits_2()
    {
        var bot = Path.Combine(_folder, "bot.json");
        await File.WriteAllTextAsync(bot, """
            {
              "name": "scheduled",
              "root": { "id": "main", "type": "Sequence", "activities": [] },
              "triggers": [ { "type": "schedule", "name": "nightly", "cron": "every night at two" } ],
              "concurrency": { "max": 0 }
            }
            """);

        var run = await CliRun.RunAsync("validate", bot);

        run.ExitCode.Should().Be(ExitCodes.Invalid, run.Output + run.Error);
        run.Output.Should().Contain("triggers[nightly].cron: 'every night at two' is not a cron expression")
            .And.Contain("concurrency.max: max must be a whole number of 1 or more");
    }

    [Fact]
    public async Task Validate_accepts_the_sample_bots_with_triggers()
    {
        foreach (var name in new[] { "hello", "sales-report" })
        {
            var run = await CliRun.RunAsync("validate", RepositoryRoot.Combine("bots", name));

            run.ExitCode.Should().Be(ExitCodes.Succeeded, run.Output + run.Error);
        }
    }
}
