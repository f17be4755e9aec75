using Rpa.Benchmarks.Running;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>Every scenario, in the order of the table.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> All { get; } =
        [.. EngineScenarios.All(), .. ExpressionScenarios.All(), .. DefinitionScenarios.All(), .. BrowserScenarios.All(), .. InvoiceScenarios.All(), .. OcrScenarios.All()];

    /// <summary>The scenario named <paramref name="filter"/>, else those whose names contain it; all when there is no filter.</summary>
    public static IReadOnlyList<Scenario> Select(string? filter)
    {
        if (string.IsNullOrEmpty(filter)) return All;
        var exact = All.Where(s => s.Name.Equals(filter, StringComparison.OrdinalIgnoreCase)).ToList();
        return exact.Count > 0 ? exact : All.Where(s => s.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
    }
}
