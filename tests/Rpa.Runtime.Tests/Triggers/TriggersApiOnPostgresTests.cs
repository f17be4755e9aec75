using Rpa.Runtime.Tests.Api;
using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Triggers;

[Collection(PostgresCollection.Name)]
public sealed class TriggersApiOnPostgresTests(PostgresServerFixture server) : TriggersApiTests(server), IClassFixture<PostgresServerFixture>;
