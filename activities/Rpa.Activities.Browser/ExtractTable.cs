using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Extract table", Description = "Reads an HTML table into a table variable: column names from the header row (th), one row per body row. Cell values are text.", Needs = [ActivityNeeds.Browser])]
public sealed class ExtractTable : ElementActivity
{
    private const string ReadTable =
        "t => { const text = c => c.innerText.replace(/\\s+/g, ' ').trim(); " +
        "const rows = Array.from(t.querySelectorAll('tr')); " +
        "const headerRow = rows.find(r => r.querySelector('th')) || rows[0]; " +
        "const header = headerRow ? Array.from(headerRow.children).map(text) : []; " +
        "const body = rows.filter(r => r !== headerRow).map(r => Array.from(r.children).map(text)); " +
        "return { header, body }; }";

    public ExtractTable()
    {
        By = new Input<LocatorKind>(LocatorKind.Css);
        Target = new Input<string>("table");
    }

    [Output(Description = "The table's rows with named columns.")]
    public Output<Table> Table { get; set; } = new();

    protected override async Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var json = await element.First.EvaluateAsync<System.Text.Json.JsonElement>(ReadTable, null, new LocatorEvaluateOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
        var data = new TableData(JsonResults.Strings(json, "header"), JsonResults.Rows(json, "body"));
        var columns = data.Header.Select((h, i) => h.Length == 0 ? $"Column{i + 1}" : h).ToList();
        var unique = columns.Select((c, i) => columns.Take(i).Contains(c, StringComparer.OrdinalIgnoreCase) ? $"{c}{i + 1}" : c);
        var table = new Table(unique);
        foreach (var row in data.Body)
        {
            table.AddRow(row.Take(table.Columns.Count).Cast<object?>().ToArray());
        }

        step.Context.Set(Table, table);
    }

    private sealed record TableData(string[] Header, string[][] Body);
}
