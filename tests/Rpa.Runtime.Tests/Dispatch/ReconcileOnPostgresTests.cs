using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Dispatch;

[Collection(PostgresCollection.Name)]
public sealed class ReconcileOnPostgresTests(PostgresCluster cluster) : ReconcileTests
{
    protected override async Task<string?> CreateDatabaseAsync() => await cluster.CreateDatabaseAsync("reconcile");
}
