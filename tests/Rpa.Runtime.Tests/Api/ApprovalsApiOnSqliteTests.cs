namespace Rpa.Runtime.Tests.Api;

public sealed class ApprovalsApiOnSqliteTests(SqliteServerFixture server) : ApprovalsApiTests(server), IClassFixture<SqliteServerFixture>;
