namespace Rpa.Runtime.Tests.Postgres;

/// <summary>
/// The test classes that run on PostgreSQL share one private cluster (<see cref="PostgresCluster"/>), each with its own
/// database. They run one class after another; the SQLite classes run beside them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "PostgreSQL";
}
