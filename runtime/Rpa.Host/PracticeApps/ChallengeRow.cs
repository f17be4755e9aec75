namespace Rpa.Host.PracticeApps;

/// <summary>One row of the input-forms challenge's data: the seven values one round expects.</summary>
public sealed record ChallengeRow(
    string FirstName,
    string LastName,
    string CompanyName,
    string RoleInCompany,
    string Address,
    string Email,
    string PhoneNumber)
{
    /// <summary>The values in the order of <see cref="ChallengeData.Columns"/>.</summary>
    public IReadOnlyList<string> Values => [FirstName, LastName, CompanyName, RoleInCompany, Address, Email, PhoneNumber];
}
