using System.Diagnostics;
using System.Text;

namespace Rpa.Runtime.Tests.Postgres;

/// <summary>A real `rpa worker --queues default` process on PostgreSQL.</summary>
internal static class RpaWorkerProcess
{
    public static Process Start(string database, string dataDirectory, StringBuilder log)
    {
        Directory.CreateDirectory(dataDirectory);
        return RpaProcess.Start(
            [
                "worker", "--queues", "default", "--data", dataDirectory,
                "--Rpa:Store=Postgres", $"--Rpa:ConnectionString={database}", "--Rpa:BotsDirectory=", "--Rpa:ReconcileOnStart=false",
                "--Rpa:ShutdownTimeout=00:00:02",
            ],
            dataDirectory,
            log);
    }
}
