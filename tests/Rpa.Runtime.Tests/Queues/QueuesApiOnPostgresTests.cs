using Rpa.Runtime.Tests.Api;
using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Queues;

[Collection(PostgresCollection.Name)]
public sealed class QueuesApiOnPostgresTests(PostgresServerFixture server) : QueuesApiTests(server), IClassFixture<PostgresServerFixture>;
