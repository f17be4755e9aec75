using Hangfire.Dashboard;

namespace Rpa.Host.Api.Security;

/// <summary>The Hangfire dashboard: Operators and above may look (read-only); only Admins may retry, delete or trigger jobs.</summary>
public sealed class DashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => RpaClaims.RoleOf(context.GetHttpContext().User) >= RpaRole.Operator;

    public static bool IsReadOnly(DashboardContext context) => RpaClaims.RoleOf(context.GetHttpContext().User) != RpaRole.Admin;
}
