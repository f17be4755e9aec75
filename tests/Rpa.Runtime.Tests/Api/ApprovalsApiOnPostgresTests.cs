using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Api;

[Collection(PostgresCollection.Name)]
public sealed class ApprovalsApiOnPostgresTests(PostgresServerFixture server) : ApprovalsApiTests(server), IClassFixture<PostgresServerFixture>;
