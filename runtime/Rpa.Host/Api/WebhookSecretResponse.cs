namespace Rpa.Host.Api;

/// <summary>A webhook's new secret, shown this once (only its hash is stored), and how to call the hook with it.</summary>
public sealed record WebhookSecretResponse(string Bot, string Hook, string Secret, string Header, string Url);
