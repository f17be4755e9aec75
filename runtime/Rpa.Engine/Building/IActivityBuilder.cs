using Rpa.Engine.Model;

namespace Rpa.Engine.Building;

/// <summary>Anything that builds an <see cref="ActivityDefinition"/>.</summary>
public interface IActivityBuilder
{
    ActivityDefinition Build();
}
