using System.CommandLine;
using Rpa.Host.PracticeApps;

namespace Rpa.Host.Cli;

/// <summary>`rpa practice [--port 5090]`: serves the practice apps (input-forms challenge, CRM) on 127.0.0.1 until Ctrl+C.</summary>
internal static class PracticeCommand
{
    public const int DefaultPort = 5090;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var port = new Option<int>("--port", "-p")
        {
            Description = "The port on 127.0.0.1 (0 picks a free one).",
            DefaultValueFactory = _ => DefaultPort,
        };
        var fast = new Option<bool>("--fast") { Description = "Save customers at once, without the random 100–800 ms delay (the [slow:N] and [flaky] hooks still apply)." };
        var seed = new Option<int?>("--seed") { Description = "Seed the random delays, so a sequence of saves waits the same each time." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Do not print a line per request." };
        var command = new Command("practice", "Serve the practice apps that sample bots drive (an input-forms challenge and a small CRM) on 127.0.0.1 until Ctrl+C.")
        {
            port, fast, seed, quiet,
        };

        command.SetAction(async (parse, cancellationToken) =>
        {
            var options = new PracticeAppsOptions
            {
                Port = parse.GetValue(port),
                SlowResponses = !parse.GetValue(fast),
                Seed = parse.GetValue(seed),
                RequestLog = parse.GetValue(quiet) ? null : output,
            };

            PracticeAppsServer server;
            try
            {
                server = await PracticeAppsServer.StartAsync(options, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                error.WriteLine($"rpa practice: {e.Message}");
                return ExitCodes.Invalid;
            }
            catch (IOException e)
            {
                error.WriteLine($"rpa practice: cannot listen on 127.0.0.1:{options.Port}: {e.Message}");
                return ExitCodes.Invalid;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Cancelled;
            }

            await using (server.ConfigureAwait(false))
            {
                output.WriteLine($"Practice apps on {server.BaseAddress}");
                output.WriteLine($"  challenge: {server.ChallengeUrl}  (data: {server.ChallengeUrl}data.xlsx, {server.ChallengeUrl}data.csv)");
                output.WriteLine($"  crm:       {server.CrmUrl}  (user '{options.CrmUser}', password '{options.CrmPassword}')");
                output.WriteLine(options.SlowResponses
                    ? $"Saving a customer takes {options.MinDelayMs}–{options.MaxDelayMs} ms. Press Ctrl+C to stop."
                    : "Saving a customer is immediate (--fast). Press Ctrl+C to stop.");
                try
                {
                    await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    output.WriteLine("Stopping the practice apps.");
                }
            }

            return ExitCodes.Succeeded;
        });
        return command;
    }
}
