using System.CommandLine;
using Microsoft.Extensions.Hosting;
using Rpa.Host.Cli;
using Rpa.Runtime.Hosting;

namespace Rpa.Host.Server;

/// <summary>`rpa worker --queues default,browser`: a Hangfire server only (no HTTP), for extra machines sharing the store.</summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter error)
    {
        var queues = new Option<string?>("--queues") { Description = "The queues (capabilities) this worker takes runs from, comma-separated (default: default,browser,ocr)." };
        var data = new Option<string?>("--data") { Description = "The data folder (SQLite file, artifacts, logs). Default: Rpa:DataDirectory, $RPA_DATA, else ./data." };
        var command = new Command("worker", "Run bots from the Hangfire queues, without HTTP. Other settings: --Rpa:Name=value.") { queues, data };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(data) is { } d) args.Add($"--Rpa:DataDirectory={d}");
            var list = parse.GetValue(queues)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            return await HostRunner.RunAsync(() => Build([.. args], list), error, "worker", cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    public static IHost Build(string[] args, string[] queues)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
        ServerLogging.Use(builder.Logging, builder.Configuration);
        builder.Services.AddRpaHost();
        builder.Services.AddRpaRuntime(runtime =>
        {
            runtime.AddWorker();
            // Replace (not add to) the queues of appsettings.json when --queues is given.
            if (queues.Length > 0) runtime.Configure(o => o.Queues = queues);
        });
        return builder.Build();
    }
}
