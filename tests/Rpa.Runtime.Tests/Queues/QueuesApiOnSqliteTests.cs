using Rpa.Runtime.Tests.Api;

namespace Rpa.Runtime.Tests.Queues;

public sealed class QueuesApiOnSqliteTests(SqliteServerFixture server) : QueuesApiTests(server), IClassFixture<SqliteServerFixture>;
