namespace Rpa.Runtime.Tests.Api;

/// <summary>The embedded default: a SQLite file in the data folder and Hangfire in memory.</summary>
public sealed class SqliteServerFixture : ServerFixture
{
    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
}
