using System.CommandLine;
using Rpa.Engine.Activities.HumanTasks;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;
using Rpa.Host.Bots;

namespace Rpa.Host.Cli;

/// <summary>`rpa approve &lt;run&gt;` and `rpa reject &lt;run&gt;`: answer a local run that waits for an approval and let it go on here.</summary>
internal static class ApproveCommand
{
    public static Command Create(IServiceProvider services, TextWriter output, TextWriter error, bool approve)
    {
        var registry = (ActivityRegistry)services.GetService(typeof(ActivityRegistry))!;
        var runArgument = new Argument<string>("run") { Description = "The id of the waiting run, as `rpa run` printed it." };
        var comment = new Option<string?>("--comment", "-c") { Description = "A comment for the run's journal and outputs." };
        var by = new Option<string?>("--by")
        {
            Description = "Who decides. Default: the user name of this session.",
            DefaultValueFactory = _ => Environment.UserName,
        };
        var json = CliOptions.Json();
        var data = CliOptions.DataDirectory();
        var verb = approve ? "approve" : "reject";
        var command = new Command(verb, $"{(approve ? "Approve" : "Reject")} a local run that waits for an approval, and let it go on here. Exit codes as `rpa run`.")
        {
            runArgument, comment, by, json, data,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var dataDirectory = Path.GetFullPath(parse.GetValue(data)!);
            var asJson = parse.GetValue(json);
            var waiting = new WaitingRuns(dataDirectory).Find(parse.GetValue(runArgument)!, out var problem);
            if (waiting is null)
            {
                error.WriteLine($"rpa {verb}: {problem}");
                return ExitCodes.Invalid;
            }

            PausedRun state;
            try
            {
                state = PausedRun.Parse(waiting.State);
            }
            catch (FormatException e)
            {
                error.WriteLine($"rpa {verb}: {e.Message}");
                return ExitCodes.Invalid;
            }

            if (state.Bookmark.Name != WaitForApproval.BookmarkName)
            {
                error.WriteLine($"rpa {verb}: run {waiting.RunId} waits for {state.Bookmark.Name}, not for an approval");
                return ExitCodes.Invalid;
            }

            var loader = new BotLoader(registry);
            var (compiled, problems, name) = loader.Load(waiting.BotFile);
            if (compiled is null)
            {
                ProblemPrinter.Print(asJson ? error : output, name, waiting.BotFile, problems);
                return ExitCodes.Invalid;
            }

            var inputs = (IReadOnlyDictionary<string, object?>)ValueConverter.FromJson(waiting.Inputs)!;
            var answer = WaitForApproval.Answer(approve, parse.GetValue(comment), parse.GetValue(by));
            var run = new LocalRun(services, loader, compiled, waiting.BotFile, inputs, waiting.RunId, dataDirectory, asJson, JournalFile: null);
            return await RunCommand.ExecuteAsync(run, output, error, (options, token) => BotRunner.ResumeAsync(compiled, state, answer, options, token), cancellationToken)
                .ConfigureAwait(false);
        });
        return command;
    }
}
