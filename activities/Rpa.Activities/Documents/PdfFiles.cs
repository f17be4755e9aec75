using Rpa.Engine.Activities;

namespace Rpa.Activities.Documents;

/// <summary>PDF files of the documents activities: written whole or not at all (<see cref="AtomicFile"/>), read with a clear error.</summary>
public static class PdfFiles
{
    public static Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken cancellationToken) =>
        AtomicFile.WriteAsync(path, path, async temp =>
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(content, cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }
        });

    /// <summary>Reads a PDF the bot named, with a clear error when it is missing.</summary>
    public static byte[] Read(string given, string path)
    {
        if (!File.Exists(path)) throw new ActivityException($"the PDF file '{given}' ({path}) does not exist");
        return File.ReadAllBytes(path);
    }

    public static void TryDelete(string path) => AtomicFile.TryDelete(path);
}
