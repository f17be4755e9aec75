using System.Runtime.InteropServices;
using Rpa.Host.Cli;

// Ctrl+C or SIGTERM cancels the run cleanly: the journal says where it stopped and the exit code is 130.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    cancel.Cancel();
});

return await RpaCli.RunAsync(args, Console.Out, Console.Error, cancel.Token);
