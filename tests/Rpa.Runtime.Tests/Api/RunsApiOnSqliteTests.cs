namespace Rpa.Runtime.Tests.Api;

public sealed class RunsApiOnSqliteTests(SqliteServerFixture server) : RunsApiTests(server), IClassFixture<SqliteServerFixture>;
