using Rpa.Benchmarks.Running;
using Rpa.Benchmarks.Scenarios;

// Scenario benchmarks of the engine and of browser bots: dotnet run -c Release --project tests/Rpa.Benchmarks [-- --quick] [-- scenario]
BenchmarkOptions options;
try
{
    options = BenchmarkOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(BenchmarkOptions.Usage);
    return 2;
}

if (options.Help)
{
    Console.WriteLine(BenchmarkOptions.Usage);
    return 0;
}

var scenarios = ScenarioCatalog.Select(options.Filter);
if (options.List || scenarios.Count == 0)
{
    if (scenarios.Count == 0) Console.Error.WriteLine($"no scenario matches '{options.Filter}'; the scenarios are:");
    foreach (var scenario in ScenarioCatalog.All) Console.WriteLine($"{scenario.Name,-20} {scenario.Description}");
    return scenarios.Count == 0 ? 2 : 0;
}

if (!MachineInfo.IsOptimized) Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for numbers that mean anything");
return await BenchmarkReport.RunAsync(scenarios, options, Console.Out, Console.Error);
