using Rpa.Engine.Activities;

namespace Rpa.Activities;

/// <summary>
/// Writes a file whole or not at all: into a hidden, uniquely named temporary file beside it, then one rename. A failure
/// leaves the old file (or none) and no half-written one; the error names the file as the bot gave it.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The full path to write.</param>
    /// <param name="describe">How the error names the file, e.g. "the CSV file 'out/report.csv'".</param>
    /// <param name="write">Writes the content to the temporary path it is given.</param>
    public static async Task WriteAsync(string path, string describe, Func<string, Task> write)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            await write(temp).ConfigureAwait(false);
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ActivityException($"cannot write {describe}: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The same for writers that are not asynchronous: <paramref name="write"/> gets the temporary file's stream.</summary>
    public static void Write(string path, string describe, Action<Stream> write) =>
        WriteAsync(path, describe, temp =>
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            return Task.CompletedTask;
        }).GetAwaiter().GetResult();

    /// <summary>Deletes a file if it can; a leftover temporary file is hidden and named uniquely, so it does no harm.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A leftover does no harm.
        }
    }
}
