using Rpa.Runtime.Tests.Api;
namespace Rpa.Runtime.Tests.Dispatch;

public sealed class RunBotJobOnSqliteTests(SqliteServerFixture server) : RunBotJobTests(server), IClassFixture<SqliteServerFixture>;
