using Rpa.Engine.Activities;

namespace Rpa.Activities.Documents;

/// <summary>Writes files so a failure never leaves a half-written one: to a hidden temporary file beside it, then one move.</summary>
public static class PdfFiles
{
    public static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ActivityException($"cannot write {path}: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Reads a PDF the bot named, with a clear error when it is missing.</summary>
    public static byte[] Read(string given, string path)
    {
        if (!File.Exists(path)) throw new ActivityException($"the PDF file '{given}' ({path}) does not exist");
        return File.ReadAllBytes(path);
    }

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden, uniquely named leftover does no harm.
        }
    }
}
