using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>How a run ended: what was written, whether its error is a business exception, and whether the write took (the run was still Running).</summary>
public sealed record RunEnd(RunCompletion Completion, bool IsBusinessError, bool Recorded);
