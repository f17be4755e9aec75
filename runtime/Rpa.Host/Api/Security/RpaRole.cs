namespace Rpa.Host.Api.Security;

/// <summary>
/// The roles of the runtime, from least to most trusted: each role can do what the roles before it can.
/// Viewer reads; Operator triggers runs and handles queues and approvals; Engineer creates, edits and publishes bots;
/// Admin manages users, API keys and credentials.
/// </summary>
public enum RpaRole
{
    Viewer = 1,
    Operator = 2,
    Engineer = 3,
    Admin = 4,
}
