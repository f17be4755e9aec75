namespace Rpa.Host.PracticeApps;

/// <summary>A customer of the practice CRM.</summary>
internal sealed record CrmCustomer(string Id, string Name, string Email, string Phone, string Company, string Country, DateTimeOffset Created);
