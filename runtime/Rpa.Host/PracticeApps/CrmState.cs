using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Rpa.Host.PracticeApps;

/// <summary>The CRM's in-memory state for one mounting of the apps: customers, signed-in sessions, the test hooks' memory.</summary>
internal sealed partial class CrmState(PracticeAppsOptions options)
{
    /// <summary>How long the first save of a "[flaky]" name hangs (unless the client gives up first).</summary>
    public static readonly TimeSpan FlakyDelay = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay "[slow:NNNN]" may ask for.</summary>
    public static readonly TimeSpan MaxForcedDelay = TimeSpan.FromMinutes(10);

    private readonly Lock gate = new();
    private readonly List<CrmCustomer> customers = [];
    private readonly ConcurrentDictionary<string, byte> sessions = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte> flakyNamesSeen = new(StringComparer.Ordinal);
    private readonly Random random = options.Seed is { } seed ? new Random(seed) : new Random();
    private int lastNumber;

    public bool CheckCredentials(string user, string password) =>
        FixedTimeEquals(user, options.CrmUser) & FixedTimeEquals(password, options.CrmPassword);

    public string StartSession()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        sessions[token] = 0;
        return token;
    }

    public bool IsSession(string? token) => token is not null && sessions.ContainsKey(token);

    public void EndSession(string? token)
    {
        if (token is not null) sessions.TryRemove(token, out _);
    }

    public IReadOnlyList<CrmCustomer> Customers()
    {
        lock (gate) return customers.ToArray();
    }

    public CrmCustomer Add(CrmCustomerForm form)
    {
        lock (gate)
        {
            lastNumber++;
            var customer = new CrmCustomer(
                "C-" + lastNumber.ToString("D4", CultureInfo.InvariantCulture),
                form.Name, form.Email, form.Phone, form.Company, form.Country, options.TimeProvider.GetUtcNow());
            customers.Add(customer);
            return customer;
        }
    }

    /// <summary>Forgets the customers (numbering starts again at C-0001) and which "[flaky]" names were tried; sessions stay.</summary>
    public void Reset()
    {
        lock (gate)
        {
            customers.Clear();
            lastNumber = 0;
            flakyNamesSeen.Clear();
        }
    }

    /// <summary>
    /// How long saving a customer of this name waits: "[slow:NNNN]" → NNNN ms; "[flaky]" → <see cref="FlakyDelay"/> on the first
    /// attempt for that exact name and nothing afterwards; otherwise a random delay when <see cref="PracticeAppsOptions.SlowResponses"/> is on.
    /// </summary>
    public TimeSpan SaveDelay(string name)
    {
        var slow = SlowHook().Match(name);
        if (slow.Success)
        {
            var ms = long.Parse(slow.Groups[1].Value, CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(Math.Min(ms, MaxForcedDelay.TotalMilliseconds));
        }

        if (name.Contains("[flaky]", StringComparison.OrdinalIgnoreCase))
        {
            return flakyNamesSeen.TryAdd(name, 0) ? FlakyDelay : TimeSpan.Zero;
        }

        if (!options.SlowResponses) return TimeSpan.Zero;
        lock (gate) return TimeSpan.FromMilliseconds(random.Next(options.MinDelayMs, options.MaxDelayMs + 1));
    }

    private static bool FixedTimeEquals(string given, string expected) =>
        CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    [GeneratedRegex(@"\[slow:(\d{1,9})\]", RegexOptions.IgnoreCase)]
    private static partial Regex SlowHook();
}
