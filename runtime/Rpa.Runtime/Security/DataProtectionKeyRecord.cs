namespace Rpa.Runtime.Security;

/// <summary>One ASP.NET Core Data Protection key (its XML) kept in the store, so several machines share the keys.</summary>
public sealed class DataProtectionKeyRecord
{
    public int Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
