using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.Vault;

[Activity("Vault", "Get credential", Description = "Reads a named credential from the runtime's vault. The password and token are secrets for the rest of the run: masked in logs, the journal, errors and outputs.")]
public sealed class GetCredential : Activity
{
    [Input(Required = true, Editor = "credential", Description = "The credential's name, as an Admin saved it (PUT /api/credentials/{name}).")]
    public Input<string> Name { get; set; } = new();

    [Output(Description = "The user name (UsernamePassword and Smtp credentials).")]
    public Output<string?> Username { get; set; } = new();

    [Output(Description = "The password (UsernamePassword and Smtp); a secret.")]
    public Output<string?> Password { get; set; } = new();

    [Output(Description = "The token (ApiToken credentials); a secret.")]
    public Output<string?> Token { get; set; } = new();

    [Output(Description = "The server (Smtp credentials).")]
    public Output<string?> Host { get; set; } = new();

    [Output(Description = "The port (Smtp credentials).")]
    public Output<int?> Port { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var name = context.Get(Name);
        var vault = context.GetService<ICredentialVault>()
            ?? throw new ActivityException("There is no credential vault here: credentials are read by runs of the runtime (rpa serve / rpa worker). With `rpa run`, pass secrets as secret inputs.");
        var credential = await vault.GetAsync(name, context.CancellationToken).ConfigureAwait(false)
            ?? throw new ActivityException($"The vault has no credential '{name}' (an Admin adds it with PUT /api/credentials/{name}).");
        // Registered before anything is written, so the journal, logs and outputs show "***" instead.
        if (credential.Password is { } password) context.AddSecret(password);
        if (credential.Token is { } token) context.AddSecret(token);
        context.Set(Username, credential.Username);
        context.Set(Password, credential.Password);
        context.Set(Token, credential.Token);
        context.Set(Host, credential.Host);
        context.Set(Port, credential.Port);
    }
}
