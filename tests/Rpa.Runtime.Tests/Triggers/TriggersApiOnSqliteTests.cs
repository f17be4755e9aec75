using Rpa.Runtime.Tests.Api;

namespace Rpa.Runtime.Tests.Triggers;

public sealed class TriggersApiOnSqliteTests(SqliteServerFixture server) : TriggersApiTests(server), IClassFixture<SqliteServerFixture>;
