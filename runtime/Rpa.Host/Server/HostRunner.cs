using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rpa.Host.Cli;

namespace Rpa.Host.Server;

/// <summary>Runs a long-lived host until Ctrl+C or SIGTERM; settings that cannot work end it with exit code 2 and say which.</summary>
internal static class HostRunner
{
    public static async Task<int> RunAsync(Func<IHost> build, TextWriter error, string verb, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            host = build();
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            await error.WriteLineAsync($"rpa {verb}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.Invalid;
        }

        using (host)
        {
            try
            {
                await host.RunAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OptionsValidationException e)
            {
                await error.WriteLineAsync($"rpa {verb}: settings not valid: {string.Join("; ", e.Failures)}").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (System.Data.Common.DbException e)
            {
                await error.WriteLineAsync($"rpa {verb}: the store failed (check Rpa:Store and Rpa:ConnectionString): {e.Message}").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
            catch (IOException e)
            {
                await error.WriteLineAsync($"rpa {verb}: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Invalid;
            }
        }

        return ExitCodes.Succeeded;
    }
}
