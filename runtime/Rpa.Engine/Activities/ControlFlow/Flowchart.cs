using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Flowchart", Description = "Runs activities connected by their outcomes: from the start activity, each finished activity leads to the activities connected to the outcome it ended with. Loops are allowed.")]
public sealed class Flowchart : Activity, IFlowchart
{
    private Dictionary<string, List<(string Outcome, string To)>> _next = new(StringComparer.Ordinal);
    private Dictionary<string, HashSet<(string From, string Outcome)>> _inbound = new(StringComparer.Ordinal);
    private string? _start;

    [Input(Description = "A guard against endless loops through connections: the flowchart fails after running this many activities.")]
    public Input<int> MaxSteps { get; set; } = new(1_000_000);

    [Slot(Description = "The activities of the flowchart (its nodes).")]
    public IReadOnlyList<Activity> Activities { get; set; } = [];

    string IFlowchart.NodesSlot => "activities";

    void IFlowchart.SetConnections(IReadOnlyList<Connection> connections, string? start)
    {
        _start = start;
        _next = connections
            .GroupBy(c => c.From, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.Outcome, c.To)).ToList(), StringComparer.Ordinal);
        _inbound = connections
            .GroupBy(c => c.To, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(c => (c.From, c.Outcome)).ToHashSet(), StringComparer.Ordinal);
    }

    public override IEnumerable<string> Validate()
    {
        if (MaxSteps.IsLiteral && MaxSteps.LiteralValue < 1) yield return "maxSteps must be 1 or more";
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        if (Activities.Count == 0) return;
        var maxSteps = context.Get(MaxSteps);
        var steps = 0;
        var byId = Activities.ToDictionary(a => a.Id, StringComparer.Ordinal);
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        // Per Join: the connections into it followed since it last ran.
        var arrived = new Dictionary<string, HashSet<(string From, string Outcome)>>(StringComparer.Ordinal);
        var pending = new Queue<Activity>();
        pending.Enqueue(StartActivity(byId));

        while (pending.TryDequeue(out var node))
        {
            if (++steps > maxSteps)
            {
                throw new ActivityException($"the flowchart ran {maxSteps.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} activities and is still going (last: '{node.Id}'); is a loop missing its exit? Raise maxSteps if that is expected");
            }

            visits.TryGetValue(node.Id, out var visit);
            visits[node.Id] = visit + 1;
            var outcome = await context.RunAsync(node, iteration: visit == 0 ? null : visit).ConfigureAwait(false);
            if (!_next.TryGetValue(node.Id, out var next)) continue;
            foreach (var (connectionOutcome, to) in next)
            {
                if (!string.Equals(connectionOutcome, outcome, StringComparison.Ordinal)) continue;
                if (byId[to] is Join && !AllArrived(arrived, to, (node.Id, connectionOutcome))) continue;
                pending.Enqueue(byId[to]);
            }
        }

        foreach (var (join, came) in arrived.Where(a => a.Value.Count > 0))
        {
            var missing = _inbound[join].Except(came).Select(c => $"'{c.From}' ({c.Outcome})");
            throw new ActivityException($"join '{join}' waited for {string.Join(", ", missing)}, which never came, so what follows it did not run; a Join goes on only when every connection leading to it was followed (after an If, connect both branches straight to the next activity instead)");
        }
    }

    /// <summary>Records that <paramref name="connection"/> into the Join <paramref name="join"/> was followed; true when that completes the set (which starts over).</summary>
    private bool AllArrived(Dictionary<string, HashSet<(string From, string Outcome)>> arrived, string join, (string From, string Outcome) connection)
    {
        if (!arrived.TryGetValue(join, out var came)) arrived[join] = came = [];
        came.Add(connection);
        if (!came.SetEquals(_inbound[join])) return false;
        came.Clear();
        return true;
    }

    private Activity StartActivity(Dictionary<string, Activity> byId)
    {
        if (_start is not null) return byId[_start];
        var targets = _next.Values.SelectMany(n => n).Select(n => n.To).ToHashSet(StringComparer.Ordinal);
        return Activities.FirstOrDefault(a => !targets.Contains(a.Id)) ?? Activities[0];
    }
}
