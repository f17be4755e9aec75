namespace Rpa.Runtime.Tests.Dispatch;

public sealed class ReconcileOnSqliteTests : ReconcileTests
{
    protected override Task<string?> CreateDatabaseAsync() => Task.FromResult<string?>(null);
}
