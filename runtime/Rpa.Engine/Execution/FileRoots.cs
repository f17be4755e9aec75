using Rpa.Engine.Activities;

namespace Rpa.Engine.Execution;

/// <summary>
/// The folders file activities may use (<see cref="RunOptions.FileRoots"/>): a path is allowed when, with every symbolic
/// link on the way resolved, it is one of the roots or inside one. Traversal ("../"), absolute paths elsewhere and links
/// that lead outside are refused with an error naming the activity, the input and the path.
/// </summary>
public static class FileRoots
{
    /// <summary>Throws <see cref="ActivityException"/> when <paramref name="fullPath"/> is outside every root.</summary>
    public static void Ensure(IReadOnlyList<string> roots, string given, string fullPath, string activity)
    {
        var real = RealPath(fullPath);
        foreach (var root in roots)
        {
            var realRoot = RealPath(Path.GetFullPath(root));
            if (IsInside(real, realRoot)) return;
        }

        var via = real == fullPath ? "" : $" (through a symbolic link: {real})";
        throw new ActivityException(
            $"The path '{given}' of activity '{activity}' is {fullPath}{via}, outside the folders file activities may use: {string.Join(", ", roots.Select(Path.GetFullPath))}. "
            + "Use a path inside one of them, or add a folder to Rpa:Security:FileRoots (docs/security.md).");
    }

    /// <summary>The path with every existing symbolic link on the way replaced by its final target.</summary>
    public static string RealPath(string fullPath)
    {
        var root = Path.GetPathRoot(fullPath) ?? "/";
        var current = root;
        var parts = fullPath[root.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            var next = Path.Combine(current, parts[i]);
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.Exists && info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                next = target is null ? next : Path.GetFullPath(target.FullName);
                // A link to a folder with links in it: resolve the target's own path too.
                if (next != Path.Combine(current, parts[i])) next = RealPath(next);
            }

            current = next;
        }

        return Path.GetFullPath(current);
    }

    private static bool IsInside(string path, string root)
    {
        var comparison = OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        var trimmed = root.TrimEnd(Path.DirectorySeparatorChar);
        return path.Equals(trimmed, comparison)
            || path.StartsWith(trimmed + Path.DirectorySeparatorChar, comparison)
            || (trimmed.Length == 0 && path.StartsWith(Path.DirectorySeparatorChar));
    }
}
