using Rpa.Engine.Model;

namespace Rpa.Engine.Activities;

/// <summary>A composite whose children are connected by outcomes; the compiler hands it the connections.</summary>
public interface IFlowchart
{
    /// <summary>The slot that holds the flowchart's nodes.</summary>
    string NodesSlot { get; }

    void SetConnections(IReadOnlyList<Connection> connections, string? start);
}
