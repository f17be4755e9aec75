namespace Rpa.Runtime.Tests;

/// <summary>Small bots the runtime tests save through the API.</summary>
internal static class TestBots
{
    /// <summary>Greets <c>who</c> <c>times</c> times with a Log activity; output <c>greeting</c>.</summary>
    public static string Greeter(string name) => $$$"""
        {
          "format": 1,
          "name": "{{{name}}}",
          "version": 1,
          "description": "Greets someone.",
          "inputs": [
            { "name": "who", "type": "text", "default": "world" },
            { "name": "times", "type": "number", "default": 2 }
          ],
          "outputs": [ { "name": "greeting", "type": "text" } ],
          "variables": [ { "name": "count", "type": "number", "value": 0 } ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              { "id": "compose", "type": "SetVariable", "inputs": { "variable": "greeting", "value": { "liquid": "Hello, {{ who }}!" } } },
              { "id": "say", "type": "Log", "inputs": { "message": { "js": "`${greeting} (${count + 1} of ${times})`" } } },
              { "id": "count-up", "type": "SetVariable", "inputs": { "variable": "count", "value": { "js": "count + 1" } } },
              { "id": "again", "type": "If", "inputs": { "condition": { "js": "count < times" } } }
            ],
            "connections": [
              { "from": "compose", "outcome": "Done", "to": "say" },
              { "from": "say", "outcome": "Done", "to": "count-up" },
              { "from": "count-up", "outcome": "Done", "to": "again" },
              { "from": "again", "outcome": "True", "to": "say" }
            ]
          }
        }
        """;

    /// <summary>Waits <c>seconds</c> (default 30) in one Delay activity.</summary>
    public static string Waiter(string name) => $$"""
        {
          "format": 1,
          "name": "{{name}}",
          "version": 1,
          "inputs": [ { "name": "seconds", "type": "number", "default": 30 } ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              { "id": "pause", "type": "Delay", "inputs": { "seconds": { "js": "seconds" } } }
            ]
          }
        }
        """;

    /// <summary>Prepares, waits for an approval ("Pay {amount}?"), then pays or not: output <c>result</c>.</summary>
    public static string Approver(string name) => $$$"""
        {
          "format": 1,
          "name": "{{{name}}}",
          "version": 1,
          "inputs": [ { "name": "amount", "type": "number", "default": 100 } ],
          "outputs": [ { "name": "result", "type": "text" } ],
          "variables": [ { "name": "prepared", "type": "text" } ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              { "id": "prepare", "type": "SetVariable", "inputs": { "variable": "prepared", "value": { "js": "'paid ' + amount" } } },
              { "id": "ask", "type": "WaitForApproval", "inputs": { "title": { "liquid": "Pay {{ amount }}?" } }, "outputs": { "comment": "result" } },
              { "id": "pay", "type": "SetVariable", "inputs": { "variable": "result", "value": { "js": "prepared + (result ? ' (' + result + ')' : '')" } } },
              { "id": "skip", "type": "SetVariable", "inputs": { "variable": "result", "value": "not paid" } }
            ],
            "connections": [
              { "from": "prepare", "to": "ask" },
              { "from": "ask", "outcome": "Approved", "to": "pay" },
              { "from": "ask", "outcome": "Rejected", "to": "skip" }
            ]
          }
        }
        """;

    /// <summary>Two problems: an unknown activity type, and an expression that uses an undeclared name.</summary>
    public static string Broken(string name) => $$"""
        {
          "format": 1,
          "name": "{{name}}",
          "version": 1,
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              { "id": "first", "type": "NoSuchActivity" },
              { "id": "second", "type": "Log", "inputs": { "message": { "js": "missing + 1" } } }
            ]
          }
        }
        """;

    /// <summary>
    /// Pays a queue item's amount once a person approves it: outputs <c>paid</c> = "reference amount", or "not paid".
    /// </summary>
    public static string ItemApprover(string name) => $$$"""
        {
          "format": 1,
          "name": "{{{name}}}",
          "version": 1,
          "inputs": [ { "name": "item", "type": "object", "required": true } ],
          "outputs": [ { "name": "paid", "type": "text" } ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              { "id": "ask", "type": "WaitForApproval", "inputs": { "title": { "liquid": "Pay {{ item.reference }}: {{ item.payload.amount }}?" } } },
              { "id": "pay", "type": "SetVariable", "inputs": { "variable": "paid", "value": { "js": "item.reference + ' ' + item.payload.amount" } } },
              { "id": "skip", "type": "SetVariable", "inputs": { "variable": "paid", "value": "not paid" } }
            ],
            "connections": [
              { "from": "ask", "outcome": "Approved", "to": "pay" },
              { "from": "ask", "outcome": "Rejected", "to": "skip" }
            ]
          }
        }
        """;

    /// <summary>
    /// Processes a queue item: payload.fail = "business" fails with a business exception, "always" with an application
    /// error, "once" with an application error on the first attempt only; otherwise outputs <c>echo</c> = "reference:attempt".
    /// </summary>
    public static string ItemWorker(string name) => $$"""
        {
          "format": 1,
          "name": "{{name}}",
          "version": 1,
          "inputs": [ { "name": "item", "type": "object", "required": true } ],
          "outputs": [ { "name": "echo", "type": "text" } ],
          "root": {
            "id": "flow",
            "type": "Flowchart",
            "activities": [
              { "id": "business", "type": "If", "inputs": { "condition": { "js": "item.payload.fail == 'business'" } } },
              { "id": "reject", "type": "Fail", "inputs": { "message": { "js": "item.reference + ' breaks a rule'" }, "kind": "business" } },
              { "id": "broken", "type": "If", "inputs": { "condition": { "js": "item.payload.fail == 'always' || (item.payload.fail == 'once' && item.attempt < 2)" } } },
              { "id": "crash", "type": "Fail", "inputs": { "message": { "js": "'the portal is down for ' + item.reference" } } },
              { "id": "answer", "type": "SetVariable", "inputs": { "variable": "echo", "value": { "js": "item.reference + ':' + item.attempt" } } }
            ],
            "connections": [
              { "from": "business", "outcome": "True", "to": "reject" },
              { "from": "business", "outcome": "False", "to": "broken" },
              { "from": "broken", "outcome": "True", "to": "crash" },
              { "from": "broken", "outcome": "False", "to": "answer" }
            ]
          }
        }
        """;
}
