using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Api;

/// <summary>The scale-out setting: the store and Hangfire on a new database of the test run's private PostgreSQL cluster.</summary>
public sealed class PostgresServerFixture(PostgresCluster cluster) : ServerFixture
{
    protected override async Task<string?> CreateDatabaseAsync() => await cluster.CreateDatabaseAsync("server");
}
