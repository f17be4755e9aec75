using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>
/// First start (no enabled Admin has a password yet): creates the user <c>admin</c> without a password and a one-time
/// sign-in link, and prints the link on the console once the server listens: never to the log files. Until the
/// link is used, every start makes a fresh link (the previous one stops working). There is no default password.
/// With Rpa:Security:ResetAdmin (`rpa serve --reset-admin`) it clears the password of 'admin' and prints a new link.
/// </summary>
public sealed class FirstStartAdmin(
    SecurityStore store, AuditLog audit, IOptions<SecurityOptions> options, IServer server, IHostApplicationLifetime lifetime) : IHostedService
{
    public const string UserName = "admin";

    /// <summary>The token of the link made at this start, or null when an Admin already has a password.</summary>
    public string? Token { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var users = await store.ListUsersAsync(cancellationToken).ConfigureAwait(false);
        var reset = options.Value.ResetAdmin;
        if (!reset && users.Any(u => u.Role == nameof(RpaRole.Admin) && !u.Disabled && u.PasswordHash is not null)) return;
        var admin = users.FirstOrDefault(u => u.UserName == UserName)
            ?? await store.CreateUserAsync(UserName, nameof(RpaRole.Admin), cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The user 'admin' could not be created.");
        if (reset || admin.Role != nameof(RpaRole.Admin) || admin.Disabled)
        {
            admin = (await store.UpdateUserAsync(admin.Id, u =>
            {
                u.Role = nameof(RpaRole.Admin);
                u.Disabled = false;
                if (reset) u.PasswordHash = null;
            }, cancellationToken).ConfigureAwait(false))!;
        }

        if (reset) await audit.WriteAsync("system", "user.reset", $"user:{UserName}", new { via = "--reset-admin" }, cancellationToken).ConfigureAwait(false);

        Token = await store.CreateSignInLinkAsync(admin.Id, options.Value.SignInLinkLifetime, cancellationToken).ConfigureAwait(false);
        lifetime.ApplicationStarted.Register(Print);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://127.0.0.1:5080";
        var url = $"{ForBrowser(address)}/api/auth/link/{Token}";
        var hours = options.Value.SignInLinkLifetime.TotalHours;
        // The console only: the link is a secret, so it never goes through the logger (and so never into data/logs).
        Console.Out.WriteLine($"""

            ================================================================================
             {(options.Value.ResetAdmin ? "Admin reset" : "First start")}: sign in as '{UserName}' and set a password with this one-time link
             (valid for {hours:0.#} hours, works once; a restart before it is used prints a new one):

               {url}
            ================================================================================

            """);
        Console.Out.Flush();
    }

    private static string ForBrowser(string address) =>
        address.Replace("://0.0.0.0", "://127.0.0.1", StringComparison.Ordinal)
            .Replace("://[::]", "://localhost", StringComparison.Ordinal)
            .Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://*", "://localhost", StringComparison.Ordinal)
            .TrimEnd('/');
}
