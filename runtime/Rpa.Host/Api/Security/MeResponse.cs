namespace Rpa.Host.Api.Security;

/// <summary>Who the caller is: a user ("user") or an API key ("key"), and its role.</summary>
public sealed record MeResponse(string Name, string Role, string Kind);
