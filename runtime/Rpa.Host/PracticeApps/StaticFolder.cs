using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Rpa.Host.PracticeApps;

/// <summary>Serves the files of one folder as endpoint results (so the apps can be mounted under any prefix without middleware).</summary>
internal sealed class StaticFolder(string folder)
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private readonly PhysicalFileProvider files = new(Path.GetFullPath(folder));

    public IResult Serve(HttpContext context, string file)
    {
        // The provider refuses paths that leave the folder ("..", rooted paths) and hidden files.
        var info = files.GetFileInfo(file);
        if (!info.Exists || info.IsDirectory || info.PhysicalPath is null) return TypedResults.NotFound();
        if (!ContentTypes.TryGetContentType(info.Name, out var type)) type = "application/octet-stream";
        if (type.StartsWith("text/", StringComparison.Ordinal)) type += "; charset=utf-8";
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(info.PhysicalPath, type, enableRangeProcessing: false);
    }
}
