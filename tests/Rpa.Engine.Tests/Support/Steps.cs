using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;

namespace Rpa.Engine.Tests.Support;

/// <summary>Short builders for the activities most tests are made of, and journal look-ups.</summary>
public static class Steps
{
    public static ActivityBuilder<SetVariable> Set(string id, string variable, InputValue value) =>
        Bot.Activity<SetVariable>(id).Set(x => x.Variable, variable).Set(x => x.Value, value);

    public static ActivityBuilder<SetVariable> SetJs(string id, string variable, string script) =>
        Set(id, variable, InputValue.JavaScript(script));

    public static ActivityBuilder<Fail> Fail(string id, string message) =>
        Bot.Activity<Fail>(id).Set(x => x.Message, message);

    public static ActivityBuilder<If> If(string id, string condition) =>
        Bot.Activity<If>(id).Set(x => x.Condition, InputValue.JavaScript(condition));

    public static ActivityBuilder<Delay> Delay(string id, decimal seconds) =>
        Bot.Activity<Delay>(id).Set(x => x.Seconds, seconds);

    /// <summary>The journal entries of one activity, in start order.</summary>
    public static IReadOnlyList<JournalEntry> EntriesOf(this RunResult result, string activityId) =>
        result.Journal.Entries.Where(e => e.ActivityId == activityId).ToList();

    /// <summary>The single journal entry of an activity that ran once.</summary>
    public static JournalEntry EntryOf(this RunResult result, string activityId) =>
        result.Journal.Entries.Single(e => e.ActivityId == activityId);

    /// <summary>Ids of the activities in start order.</summary>
    public static IReadOnlyList<string> Ran(this RunResult result) =>
        result.Journal.Entries.Select(e => e.ActivityId).ToList();

    /// <summary>Asserts that the run succeeded, showing its error otherwise.</summary>
    public static RunResult ShouldSucceed(this RunResult result)
    {
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        return result;
    }
}
