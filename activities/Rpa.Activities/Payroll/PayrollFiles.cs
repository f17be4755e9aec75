using Rpa.Engine.Activities;

namespace Rpa.Activities.Payroll;

/// <summary>Writes payroll files in one step (a hidden temporary file, then a rename), so a failure never leaves half a file.</summary>
internal static class PayrollFiles
{
    public static void WriteAtomically(string path, string given, Action<Stream> write)
    {
        var folder = Path.GetDirectoryName(path)!;
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(folder);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ActivityException($"cannot write {given}: {e.Message}", e);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public static Payroll.PayrollRules ReadRules(string resolved, string given)
    {
        try
        {
            return PayrollRulesReader.ReadFile(resolved, given);
        }
        catch (PayrollRulesException e)
        {
            throw new ActivityException(e.Message, e);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file is hidden and named uniquely; a leftover does no harm.
        }
    }
}
