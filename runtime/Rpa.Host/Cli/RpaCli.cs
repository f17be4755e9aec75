using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Activities;
using Rpa.Activities.Browser;
using Rpa.Activities.Ocr;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Hosting;
using Rpa.Host.Server;

namespace Rpa.Host.Cli;

/// <summary>The `rpa` command line: run, approve/reject, validate, activities, practice, serve, worker.</summary>
public static class RpaCli
{
    /// <summary>What this program can run: the built-in activities, the browser and OCR.</summary>
    public static IServiceCollection AddRpaHost(this IServiceCollection services) =>
        services.AddRpa(rpa => rpa.AddBuiltInActivities().AddBrowserActivities().AddOcrActivities());

    /// <summary>The activities <see cref="AddRpaHost"/> registers, for tools that need only the registry.</summary>
    public static ActivityRegistry CreateRegistry()
    {
        using var services = new ServiceCollection().AddRpaHost().BuildServiceProvider();
        return services.GetRequiredService<ActivityRegistry>();
    }

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        await using var services = new ServiceCollection().AddRpaHost().BuildServiceProvider();
        var registry = services.GetRequiredService<ActivityRegistry>();
        var root = new RootCommand("rpa: run, check and describe Rpa bots.")
        {
            RunCommand.Create(services, output, error),
            ApproveCommand.Create(services, output, error, approve: true),
            ApproveCommand.Create(services, output, error, approve: false),
            ValidateCommand.Create(registry, output),
            ActivitiesCommand.Create(registry, output),
            PracticeCommand.Create(output, error),
            ServeCommand.Create(error),
            WorkerCommand.Create(error),
        };

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, ProcessTerminationTimeout = null }, cancellationToken).ConfigureAwait(false);
    }
}
