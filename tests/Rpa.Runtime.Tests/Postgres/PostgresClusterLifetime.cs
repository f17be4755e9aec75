namespace Rpa.Runtime.Tests.Postgres;

/// <summary>The cluster as an xunit fixture: started before the collection's tests, removed after them.</summary>
public sealed partial class PostgresCluster : IAsyncLifetime;
