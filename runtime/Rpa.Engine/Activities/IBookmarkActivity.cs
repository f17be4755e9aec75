namespace Rpa.Engine.Activities;

/// <summary>
/// Marks an activity that may pause the run with <see cref="Execution.ActivityContext.Suspend"/>. Bots that contain one
/// (or RunBot) record what their activities did, so that a resumed run can replay to the bookmark without doing it again.
/// </summary>
public interface IBookmarkActivity;
