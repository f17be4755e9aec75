namespace Rpa.Integration.Tests.Browser;

/// <summary>Small local HTML pages for browser tests, written to a folder and opened by file URL.</summary>
public sealed class TestPages : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("rpa-page-").FullName;

    /// <summary>Writes a page with <paramref name="body"/> and returns its file URL.</summary>
    public string Page(string body)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".html");
        File.WriteAllText(path, $"<!doctype html><html><head><meta charset=utf-8></head><body>{body}</body></html>");
        return new Uri(path).AbsoluteUri;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
