namespace Rpa.Engine.Tests.Cli;

/// <summary>The repository's root folder (the one with Rpa.sln), found from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Rpa.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Rpa.sln not found above " + AppContext.BaseDirectory);
    }
}
