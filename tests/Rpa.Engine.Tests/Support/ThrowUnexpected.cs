using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>Test activity: fails with an exception that is not an <see cref="ActivityException"/>, as a bug in an activity would.</summary>
[Activity("Testing", "Throw unexpected")]
public sealed class ThrowUnexpected : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => throw new InvalidOperationException("the activity has a bug");
}
