using Rpa.Host.Cli;

namespace Rpa.Engine.Tests.Cli;

/// <summary>Runs the `rpa` command line in process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var dataArgs = args.Length > 0 && args[0] == "run" && !args.Contains("--data") ? new[] { "--data", System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rpa-cli-tests") } : [];
        var code = await RpaCli.RunAsync([.. args, .. dataArgs], output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
