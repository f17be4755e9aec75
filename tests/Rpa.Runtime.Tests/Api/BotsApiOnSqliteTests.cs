namespace Rpa.Runtime.Tests.Api;

public sealed class BotsApiOnSqliteTests(SqliteServerFixture server) : BotsApiTests(server), IClassFixture<SqliteServerFixture>;
