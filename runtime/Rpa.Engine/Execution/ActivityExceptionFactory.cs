using Rpa.Engine.Activities;

namespace Rpa.Engine.Execution;

internal static class ActivityExceptionFactory
{
    public sealed class ReadOnlyVariableException(string name)
        : ActivityException($"'{name}' is a bot input and cannot be changed; copy it into a variable first");

    public sealed class UnknownVariableException(string name)
        : ActivityException($"there is no variable '{name}' in scope; declare it in the bot's variables");
}
