using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Api;

[Collection(PostgresCollection.Name)]
public sealed class BotsApiOnPostgresTests(PostgresServerFixture server) : BotsApiTests(server), IClassFixture<PostgresServerFixture>;
