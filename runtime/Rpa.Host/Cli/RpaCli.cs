using System.CommandLine;
using Rpa.Activities;
using Rpa.Engine.Descriptors;

namespace Rpa.Host.Cli;

/// <summary>The `rpa` command line: run, validate, activities.</summary>
public static class RpaCli
{
    public static ActivityRegistry CreateRegistry() => ActivityRegistry.CreateDefault().AddBuiltInActivities();

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var registry = CreateRegistry();
        var root = new RootCommand("rpa: run, check and describe Rpa bots.")
        {
            RunCommand.Create(registry, output, error),
            ValidateCommand.Create(registry, output),
            ActivitiesCommand.Create(registry, output),
        };

        var parse = root.Parse(args);
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }
}
