using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;
using Rpa.Host.Bots;
using Rpa.Host.Terminal;
using Serilog.Events;

namespace Rpa.Host.Cli;

/// <summary>`rpa run &lt;bot&gt; [--input name=value ...] [--json]`: runs a bot in this process.</summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error)
    {
        var registry = (ActivityRegistry)services.GetService(typeof(ActivityRegistry))!;
        var bot = CliOptions.Bot();
        var inputs = new Option<string[]>("--input", "-i")
        {
            Description = "A bot input as name=value; repeat for several. Lists, objects and tables are given as JSON.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var json = CliOptions.Json();
        var data = CliOptions.DataDirectory();
        var journal = new Option<string?>("--journal") { Description = "Also write the run's journal (every activity execution) as JSON to this file." };
        var command = new Command("run", "Run a bot here and now, show its progress and its outputs. Exit code 0 succeeded, 1 failed, 2 invalid bot or input, 130 cancelled.")
        {
            bot, inputs, json, data, journal,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var file = BotFile.Resolve(parse.GetValue(bot)!);
            var asJson = parse.GetValue(json);
            var loader = new BotLoader(registry);
            var (compiled, problems, name) = loader.Load(file);
            if (compiled is null)
            {
                ProblemPrinter.Print(asJson ? error : output, name, file, problems);
                return ExitCodes.Invalid;
            }

            var given = ParseInputs(compiled, parse.GetValue(inputs) ?? [], out var inputProblems);
            if (inputProblems.Count > 0)
            {
                ProblemPrinter.Print(asJson ? error : output, name, file, inputProblems);
                return ExitCodes.Invalid;
            }

            var run = new LocalRun(services, loader, compiled, Path.GetFullPath(file), given, Guid.NewGuid(), Path.GetFullPath(parse.GetValue(data)!), asJson, parse.GetValue(journal));
            return await ExecuteAsync(run, output, error, (options, token) => BotRunner.RunAsync(compiled, options, token), cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>
    /// Runs (or resumes) a bot here with progress on the terminal and logs in the data folder, prints the outcome, and
    /// keeps a waiting run in the data folder for `rpa approve` / `rpa reject`. Returns the exit code.
    /// </summary>
    internal static async Task<int> ExecuteAsync(LocalRun run, TextWriter output, TextWriter error, Func<RunOptions, CancellationToken, Task<RunResult>> start, CancellationToken cancellationToken)
    {
        var interactive = !run.AsJson && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
        var gate = run.AsJson ? new ConsoleGate(error, error, false) : new ConsoleGate(output, error, interactive);
        var (factory, serilog) = RunLogging.Create(gate, Path.Combine(run.DataDirectory, "logs"), run.AsJson ? LogEventLevel.Warning : LogEventLevel.Information);
        try
        {
            RunResult result;
            using (var progress = run.AsJson ? null : new ProgressReporter(gate))
            {
                try
                {
                    result = await start(new RunOptions
                    {
                        Inputs = run.Inputs,
                        Observer = progress,
                        Logger = factory.CreateLogger("Rpa.Run"),
                        BotResolver = new FileBotResolver(run.Loader, Path.GetDirectoryName(run.Bot.Location)),
                        Services = run.Services,
                        ArtifactsDirectory = Path.Combine(run.DataDirectory, "artifacts", run.RunId.ToString("N")),
                        RunId = run.RunId,
                    }, cancellationToken).ConfigureAwait(false);
                }
                catch (BotInputException e)
                {
                    ProblemPrinter.Print(run.AsJson ? error : output, run.Bot.Name, run.File, e.Problems);
                    return ExitCodes.Invalid;
                }
            }

            if (run.JournalFile is { } journalFile)
            {
                await File.WriteAllTextAsync(journalFile, JournalJson.ToJson(result.Journal.Entries).ToJsonString(Indented), CancellationToken.None).ConfigureAwait(false);
            }

            var waiting = new WaitingRuns(run.DataDirectory);
            if (result.Paused is { } paused) waiting.Save(new WaitingRun(run.RunId, run.File, ValueConverter.ToJson(run.Inputs)!.AsObject(), paused.ToJson()));
            else waiting.Remove(run.RunId);

            if (run.AsJson) output.WriteLine(ResultJson(result).ToJsonString(Indented));
            else PrintSummary(output, result);

            return result.Status switch
            {
                RunStatus.Succeeded => ExitCodes.Succeeded,
                RunStatus.Cancelled => ExitCodes.Cancelled,
                RunStatus.Waiting => ExitCodes.Waiting,
                _ => ExitCodes.BotFailed,
            };
        }
        finally
        {
            await serilog.DisposeAsync().ConfigureAwait(false);
            factory.Dispose();
        }
    }

    private static Dictionary<string, object?> ParseInputs(CompiledBot bot, string[] pairs, out List<ValidationProblem> problems)
    {
        problems = [];
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0)
            {
                problems.Add(new ValidationProblem(null, "--input", $"'{pair}' is not name=value"));
                continue;
            }

            var name = pair[..equals];
            var text = pair[(equals + 1)..];
            var declared = bot.Definition.Inputs.FirstOrDefault(i => i.Name == name);
            if (declared?.Type is DataType.List or DataType.Object or DataType.Table)
            {
                try
                {
                    result[name] = ValueConverter.FromJson(JsonNode.Parse(text));
                }
                catch (JsonException e)
                {
                    problems.Add(new ValidationProblem(null, $"input '{name}'", $"a {DataTypes.ToName(declared.Type)} is given as JSON: {e.Message}"));
                }
            }
            else
            {
                result[name] = text;
            }
        }

        return result;
    }

    private static void PrintSummary(TextWriter output, RunResult result)
    {
        var steps = result.Journal.Count;
        var duration = result.Duration.TotalSeconds < 10 ? $"{result.Duration.TotalMilliseconds:N0} ms" : $"{result.Duration.TotalSeconds:N1} s";
        switch (result.Status)
        {
            case RunStatus.Succeeded:
                output.WriteLine($"✔ Bot '{result.Bot}' succeeded in {duration} ({steps:N0} steps).");
                break;
            case RunStatus.Cancelled:
                output.WriteLine($"■ Bot '{result.Bot}' was cancelled after {duration} ({steps:N0} steps).");
                break;
            case RunStatus.Waiting:
                var bookmark = result.Bookmark!;
                output.WriteLine($"⏸ Bot '{result.Bot}' waits for {bookmark.Name} at activity '{bookmark.ActivityId}': {(string?)bookmark.Payload["title"]}");
                if ((string?)bookmark.Payload["details"] is { Length: > 0 } details) output.WriteLine($"  {details}");
                output.WriteLine($"  approve: rpa approve {result.RunId} [--comment text]");
                output.WriteLine($"  reject:  rpa reject {result.RunId} [--comment text]");
                break;
            default:
                output.WriteLine($"✘ {result.ErrorMessage}");
                if (result.Error?.Cause is { } cause) output.WriteLine($"  cause: {cause}");
                foreach (var artifact in result.Error?.Artifacts ?? []) output.WriteLine($"  artifact: {artifact}");
                output.WriteLine($"  after {duration} ({steps:N0} steps); run id {result.RunId}");
                break;
        }

        if (result.Outputs.Count == 0 || result.Status == RunStatus.Waiting) return;
        output.WriteLine("Outputs:");
        foreach (var (name, value) in result.Outputs)
        {
            output.WriteLine($"  {name} = {Show(value)}");
        }
    }

    private static string Show(object? value) => value switch
    {
        null => "(none)",
        Table t => t.ToString(),
        string s => s,
        _ => ValueConverter.ToText(value),
    };

    private static JsonObject ResultJson(RunResult result) => new()
    {
        ["runId"] = result.RunId.ToString(),
        ["bot"] = result.Bot,
        ["status"] = result.Status.ToString(),
        ["startedAt"] = result.StartedAt.ToString("O"),
        ["endedAt"] = result.EndedAt.ToString("O"),
        ["durationMs"] = Math.Round(result.Duration.TotalMilliseconds, 1),
        ["steps"] = result.Journal.Count,
        ["outputs"] = ValueConverter.ToJson(result.Outputs),
        ["error"] = result.Error is null ? null : JournalJson.ToJson(result.Error),
        ["waitingFor"] = result.Bookmark is null ? null : new JsonObject
        {
            ["name"] = result.Bookmark.Name,
            ["activityId"] = result.Bookmark.ActivityId,
            ["payload"] = result.Bookmark.Payload.DeepClone(),
        },
    };
}
