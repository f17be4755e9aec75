namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// One run of the input-forms challenge: the rounds as timed by <see cref="RoundsClock"/>, and what the page reported
/// (fields correct out of total, and its own time from Start to the 10th submit).
/// </summary>
internal sealed record ChallengeRun(TimeSpan Rounds, long BytesAllocated, int[] Collections, int Correct, int Total, int PageMilliseconds);
