using System.Globalization;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Payroll;

/// <summary>A pay period given as a month ("2026-11") or a date range ("2026-11-01/2026-11-15"); empty means no period check.</summary>
public sealed record PayPeriod(DateOnly Start, DateOnly End)
{
    public string Label => Start.Day == 1 && End == Start.AddMonths(1).AddDays(-1)
        ? Start.ToString("yyyy-MM", CultureInfo.InvariantCulture)
        : $"{Start:yyyy-MM-dd}/{End:yyyy-MM-dd}";

    public static PayPeriod? Parse(string? text)
    {
        var value = (text ?? "").Trim();
        if (value.Length == 0) return null;
        if (DateOnly.TryParseExact(value + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new PayPeriod(month, month.AddMonths(1).AddDays(-1));
        }

        var parts = value.Split('/');
        if (parts.Length == 2
            && DateOnly.TryParseExact(parts[0].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && DateOnly.TryParseExact(parts[1].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            && start <= end)
        {
            return new PayPeriod(start, end);
        }

        throw new ActivityException($"period: '{value}' is not a month like 2026-11 or a date range like 2026-11-01/2026-11-15");
    }
}
