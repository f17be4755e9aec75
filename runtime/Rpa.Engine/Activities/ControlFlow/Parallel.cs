using System.Runtime.ExceptionServices;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Parallel", Description = "Runs its branches at the same time, at most maxParallelism at once. When one fails, the others are cancelled and the activity fails with the first error.")]
public sealed class Parallel : Activity
{
    [Input(Description = "How many branches may run at once.")]
    public Input<int> MaxParallelism { get; set; } = new(4);

    [Slot(Description = "The branches; each is one activity (use a Sequence for several steps).")]
    public IReadOnlyList<Activity> Branches { get; set; } = [];

    public override IEnumerable<string> Validate()
    {
        if (MaxParallelism.IsLiteral && MaxParallelism.LiteralValue < 1) yield return "maxParallelism must be 1 or more";
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var max = context.Get(MaxParallelism);
        if (max < 1) throw new ActivityException($"maxParallelism must be 1 or more, not {max}");

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        using var gate = new SemaphoreSlim(max);
        ActivityFaultException? firstFault = null;

        var branches = Branches.Select((branch, index) => Task.Run(async () =>
        {
            try
            {
                await gate.WaitAsync(cancel.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await context.RunAsync(branch, iteration: index, cancellation: cancel.Token).ConfigureAwait(false);
            }
            catch (ActivityFaultException fault)
            {
                Interlocked.CompareExchange(ref firstFault, fault, null);
                await cancel.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
            }
            finally
            {
                gate.Release();
            }
        }));

        await Task.WhenAll(branches).ConfigureAwait(false);
        context.CancellationToken.ThrowIfCancellationRequested();
        if (firstFault is not null) ExceptionDispatchInfo.Throw(firstFault);
    }
}
