using System.Text.Json.Nodes;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>
/// What a queue's bot receives: one input named <c>item</c>, an object with the item's <c>id</c>, <c>queue</c>,
/// <c>reference</c>, <c>payload</c> (the JSON object given when the item was added) and <c>attempt</c> (1 for the first try).
/// </summary>
public static class QueueItemInput
{
    public const string Name = "item";

    public static JsonObject ToInputs(QueueItemRecord item) => new()
    {
        [Name] = new JsonObject
        {
            ["id"] = item.Id.ToString(),
            ["queue"] = item.QueueName,
            ["reference"] = item.Reference,
            ["payload"] = JsonNode.Parse(item.Payload),
            ["attempt"] = item.Attempts,
        },
    };
}
