using Rpa.Runtime.Tests.Api;
using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Dispatch;

[Collection(PostgresCollection.Name)]
public sealed class RunBotJobOnPostgresTests(PostgresServerFixture server) : RunBotJobTests(server), IClassFixture<PostgresServerFixture>;
