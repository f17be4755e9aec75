using Microsoft.AspNetCore.Http;

namespace Rpa.Host.PracticeApps;

/// <summary>
/// Endpoint metadata of a CRM route: its path below /crm (to find the mount point of a request) and who may call it.
/// </summary>
internal sealed record CrmRoute(string Local, CrmAccess Access)
{
    private readonly int segments = Local.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>The CRM's base path for this request, e.g. "/crm" or "/practice/crm", without a trailing slash.</summary>
    public string BasePath(HttpRequest request)
    {
        var path = (request.Path.Value ?? "").TrimEnd('/');
        for (var i = 0; i < segments; i++)
        {
            var slash = path.LastIndexOf('/');
            path = slash < 0 ? "" : path[..slash];
        }

        return request.PathBase.Value + path;
    }
}
