using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Api;

[Collection(PostgresCollection.Name)]
public sealed class RunsApiOnPostgresTests(PostgresServerFixture server) : RunsApiTests(server), IClassFixture<PostgresServerFixture>;
