using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Rpa.Host.Cli;

namespace Rpa.Host.Server;

/// <summary>`rpa serve`: the REST API, the Hangfire server and dashboard and the practice apps on 127.0.0.1:5080 until Ctrl+C.</summary>
internal static class ServeCommand
{
    public static Command Create(TextWriter error)
    {
        var urls = new Option<string?>("--urls") { Description = $"Where to listen (default {RpaServer.DefaultUrls}; also Urls in appsettings.json or ASPNETCORE_URLS)." };
        var data = new Option<string?>("--data") { Description = "The data folder (SQLite file, artifacts, logs). Default: Rpa:DataDirectory, $RPA_DATA, else ./data." };
        var bots = new Option<string?>("--bots") { Description = "The bots folder imported at start-up (default ./bots; \"\" for none)." };
        var noPractice = new Option<bool>("--no-practice") { Description = "Do not mount the practice apps under /practice." };
        var resetAdmin = new Option<bool>("--reset-admin") { Description = "Clear the password of the user 'admin' and print a new one-time sign-in link (when no Admin can sign in)." };
        var insecure = new Option<bool>("--allow-insecure-http") { Description = "Allow plain HTTP on an address other than loopback (a trusted network only; see docs/security.md)." };
        var command = new Command("serve", "Serve the REST API (/api, /openapi, /health), run bots with Hangfire (dashboard at /hangfire), and the practice apps (/practice). Other settings: --Rpa:Name=value.")
        {
            urls, data, bots, noPractice, insecure, resetAdmin,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            var args = new List<string>(parse.UnmatchedTokens);
            if (parse.GetValue(urls) is { } u) args.Add($"--urls={u}");
            if (parse.GetValue(data) is { } d) args.Add($"--Rpa:DataDirectory={d}");
            if (parse.GetValue(bots) is { } b) args.Add($"--Rpa:BotsDirectory={b}");
            if (parse.GetValue(noPractice)) args.Add("--Rpa:Serve:PracticeApps=false");
            if (parse.GetValue(insecure)) args.Add("--Rpa:Security:AllowInsecureHttp=true");
            if (parse.GetValue(resetAdmin)) args.Add("--Rpa:Security:ResetAdmin=true");
            return await HostRunner.RunAsync(() => RpaServer.Build([.. args]), error, "serve", cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
