namespace Rpa.Benchmarks.Running;

/// <summary>How long to measure and which scenarios to run, from the command line.</summary>
internal sealed record BenchmarkOptions
{
    public const string Usage = """
        usage: dotnet run -c Release --project tests/Rpa.Benchmarks [-- [--quick] [--list] [scenario]]

          --quick    one warm-up and three samples per scenario: a smoke run that checks every scenario works
          --list     lists the scenarios and what each measures
          scenario   runs only the scenario of that name, or the scenarios whose names contain it
        """;

    public bool Quick { get; init; }

    public bool List { get; init; }

    public bool Help { get; init; }

    public string? Filter { get; init; }

    /// <summary>Runs before the samples, at least this many and for at least <see cref="MinWarmupTime"/>.</summary>
    public int Warmups => Quick ? 1 : 2;

    /// <summary>Warm-up keeps going until this much time has passed, so the JIT has tiered up the hot paths.</summary>
    public TimeSpan MinWarmupTime => Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(1);

    /// <summary>Measured samples; the table shows their median.</summary>
    public int Samples => Quick ? 3 : 7;

    /// <summary>Operations are repeated in a batch so that one sample takes about this long and spans several gen0 collections.</summary>
    public TimeSpan TargetSampleTime => Quick ? TimeSpan.FromMilliseconds(20) : TimeSpan.FromMilliseconds(500);

    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions();
        foreach (var arg in args)
        {
            options = arg switch
            {
                "--quick" => options with { Quick = true },
                "--list" => options with { List = true },
                "--help" or "-h" or "-?" => options with { Help = true },
                _ when arg.StartsWith('-') => throw new ArgumentException($"unknown option '{arg}'"),
                _ when options.Filter is not null => throw new ArgumentException($"give one scenario filter, not '{options.Filter}' and '{arg}'"),
                _ => options with { Filter = arg },
            };
        }

        return options;
    }
}
