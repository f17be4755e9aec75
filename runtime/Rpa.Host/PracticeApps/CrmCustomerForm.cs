using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Rpa.Host.PracticeApps;

/// <summary>The posted "New customer" form, trimmed, and its server-side validation.</summary>
internal sealed partial record CrmCustomerForm(string Name, string Email, string Phone, string Company, string Country)
{
    public static IReadOnlyList<string> Countries { get; } =
        ["Canada", "France", "Germany", "India", "Japan", "Netherlands", "United Kingdom", "United States"];

    public static CrmCustomerForm Empty { get; } = new("", "", "", "", "");

    public static CrmCustomerForm From(IFormCollection form) => new(
        Value(form, "name"), Value(form, "email"), Value(form, "phone"), Value(form, "company"), Value(form, "country"));

    /// <summary>Every problem, each a sentence a person can act on; empty when the form is valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (Name.Length == 0) problems.Add("Name is required.");
        if (Email.Length == 0) problems.Add("Email is required.");
        else if (!EmailPattern().IsMatch(Email)) problems.Add($"Email '{Email}' is not a valid address.");
        if (Phone.Length > 0 && (!PhonePattern().IsMatch(Phone) || !Phone.Any(char.IsAsciiDigit)))
        {
            problems.Add($"Phone '{Phone}' may contain only digits, spaces, + and -.");
        }

        if (Country.Length == 0) problems.Add("Country is required.");
        else if (!Countries.Contains(Country, StringComparer.Ordinal)) problems.Add($"Country '{Country}' is not one of the listed countries.");
        return problems;
    }

    private static string Value(IFormCollection form, string key) => form[key].ToString().Trim();

    [GeneratedRegex(@"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"^[0-9 +\-]+$")]
    private static partial Regex PhonePattern();
}
