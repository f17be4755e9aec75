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

            var interactive = !asJson && ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && !Console.IsErrorRedirected;
            var gate = asJson ? new ConsoleGate(error, error, false) : new ConsoleGate(output, error, interactive);
            var dataDirectory = Path.GetFullPath(parse.GetValue(data)!);
            var runId = Guid.NewGuid();
            var (factory, serilog) = RunLogging.Create(gate, Path.Combine(dataDirectory, "logs"), asJson ? LogEventLevel.Warning : LogEventLevel.Information);
            try
            {
                RunResult result;
                using (var progress = asJson ? null : new ProgressReporter(gate))
                {
                    try
                    {
                        result = await BotRunner.RunAsync(compiled, new RunOptions
                        {
                            Inputs = given,
                            Observer = progress,
                            Logger = factory.CreateLogger("Rpa.Run"),
                            BotResolver = new FileBotResolver(loader, Path.GetDirectoryName(compiled.Location)),
                            Services = services,
                            ArtifactsDirectory = Path.Combine(dataDirectory, "artifacts", runId.ToString("N")),
                            // File activities stay in the bot's folder, the current folder and the data folder (docs/security.md).
                            FileRoots = [compiled.Location ?? Directory.GetCurrentDirectory(), Directory.GetCurrentDirectory(), dataDirectory],
                            RunId = runId,
                        }, cancellationToken).ConfigureAwait(false);
                    }
                    catch (BotInputException e)
                    {
                        ProblemPrinter.Print(asJson ? error : output, name, file, e.Problems);
                        return ExitCodes.Invalid;
                    }
                }

                if (parse.GetValue(journal) is { } journalFile)
                {
                    await File.WriteAllTextAsync(journalFile, JournalJson.ToJson(result.Journal.Entries).ToJsonString(Indented), CancellationToken.None).ConfigureAwait(false);
                }

                if (asJson) output.WriteLine(ResultJson(result).ToJsonString(Indented));
                else PrintSummary(output, result);

                return result.Status switch
                {
                    RunStatus.Succeeded => ExitCodes.Succeeded,
                    RunStatus.Cancelled => ExitCodes.Cancelled,
                    _ => ExitCodes.BotFailed,
                };
            }
            finally
            {
                await serilog.DisposeAsync().ConfigureAwait(false);
                factory.Dispose();
            }
        });
        return command;
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
            default:
                output.WriteLine($"✘ {result.ErrorMessage}");
                if (result.Error?.Cause is { } cause) output.WriteLine($"  cause: {cause}");
                foreach (var artifact in result.Error?.Artifacts ?? []) output.WriteLine($"  artifact: {artifact}");
                output.WriteLine($"  after {duration} ({steps:N0} steps); run id {result.RunId}");
                break;
        }

        if (result.Outputs.Count == 0) return;
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
    };
}
