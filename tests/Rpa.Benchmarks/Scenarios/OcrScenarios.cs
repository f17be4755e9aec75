using System.Diagnostics;
using Microsoft.Playwright;
using Rpa.Activities.Ocr;
using Rpa.Activities.Ocr.Native;
using Rpa.Benchmarks.Running;
using Rpa.Integration.Tests.Ocr;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// The same 50 pages (25 clean, 25 noisy, 150 dpi) through the `tesseract` command (one process per page, as scripts
/// do it; in the default environment and with OMP_THREAD_LIMIT=1) and through the pooled engine of Rpa.Activities.Ocr,
/// sequentially and on 2 threads; with the character error rate of each way against the known text.
/// </summary>
internal static class OcrScenarios
{
    public const int Pages = 50;

    /// <summary>Target from the OCR issue: the pool at least this many times the CLI's pages/s.</summary>
    public const double TargetRatio = 3.0;

    public static IEnumerable<Scenario> All()
    {
        yield return new Scenario
        {
            Name = "ocr",
            Description = $"{Pages} text pages (150 dpi, half clean PNG, half noisy JPEG: 1.2° rotation, grey paper, specks, blur) four ways: the tesseract CLI one process per page "
                + "as a user runs it (default environment) and with OMP_THREAD_LIMIT=1, the pooled engine sequentially, and the pooled engine on 2 threads (2 engines). "
                + "Rows: ocr-cli, ocr-cli-omp1, ocr-pool, ocr-pool-2threads; notes give the ratios to both CLI rows and CER clean/noisy.",
            Work = $"{Pages} pages of OCR, 4 ways",
            Items = Pages,
            Unit = ("pages", "page"),
            MeasureAsync = MeasureAsync,
        };
    }

    private static async Task<IReadOnlyList<Measurement>> MeasureAsync(BenchmarkOptions options, TextWriter progress)
    {
        var setup = Stopwatch.StartNew();
        var folder = Directory.CreateTempSubdirectory("rpa-ocr-bench-").FullName;
        try
        {
            var pages = await RenderPagesAsync(folder).ConfigureAwait(false);
            using var pool = new OcrEnginePool(new OcrOptions { MaxEngines = 2 });
            pool.Warm(count: 2);
            setup.Stop();
            var openMp = NativeLibraries.OpenMpThreadLimit() is { } limit ? $"OpenMP thread limit {limit}" : "no OpenMP";
            progress.WriteLine($"  rendered {pages.Count} pages and started 2 engines in {ResultTable.Time(setup.Elapsed)} ({OcrEnginePool.TesseractVersion}; pool: {openMp})");

            var repetitions = options.Quick ? 1 : 3;
            var cli = new List<TimeSpan>();
            var cliOmp1 = new List<TimeSpan>();
            var sequential = new List<TimeSpan>();
            var parallel = new List<TimeSpan>();
            string[] cliTexts = [], cliOmp1Texts = [], poolTexts = [], parallelTexts = [];
            for (var r = 0; r < repetitions; r++)
            {
                (var time, cliTexts) = await TimeAsync(() => Task.FromResult(pages.Select(p => Cli(p.File, limitOpenMp: false)).ToArray())).ConfigureAwait(false);
                cli.Add(time);
                (time, cliOmp1Texts) = await TimeAsync(() => Task.FromResult(pages.Select(p => Cli(p.File, limitOpenMp: true)).ToArray())).ConfigureAwait(false);
                cliOmp1.Add(time);
                (time, poolTexts) = await TimeAsync(() => Task.FromResult(pages.Select(p => pool.Recognize(p.Bytes).Text).ToArray())).ConfigureAwait(false);
                sequential.Add(time);
                (time, parallelTexts) = await TimeAsync(async () =>
                {
                    var texts = new string[pages.Count];
                    await Parallel.ForAsync(0, pages.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (i, _) =>
                    {
                        texts[i] = pool.Recognize(pages[i].Bytes).Text;
                        return ValueTask.CompletedTask;
                    }).ConfigureAwait(false);
                    return texts;
                }).ConfigureAwait(false);
                parallel.Add(time);
                progress.WriteLine($"  run {r + 1}: cli {ResultTable.Time(cli[^1])}, cli with OMP_THREAD_LIMIT=1 {ResultTable.Time(cliOmp1[^1])}, "
                    + $"pool {ResultTable.Time(sequential[^1])}, pool on 2 threads {ResultTable.Time(parallel[^1])}");
            }

            (TimeSpan Default, TimeSpan Omp1) clis = (Median(cli), Median(cliOmp1));
            return
            [
                Row("ocr-cli", "tesseract CLI, one process per page, default environment", cli, cliTexts, pages, setup.Elapsed, null, ""),
                Row("ocr-cli-omp1", "tesseract CLI, one process per page, OMP_THREAD_LIMIT=1", cliOmp1, cliOmp1Texts, pages, setup.Elapsed, null, ""),
                Row("ocr-pool", "pooled engine, sequential", sequential, poolTexts, pages, setup.Elapsed, clis, openMp),
                Row("ocr-pool-2threads", "pooled engine, 2 threads", parallel, parallelTexts, pages, setup.Elapsed, clis, openMp),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Measurement Row(string name, string way, List<TimeSpan> samples, string[] texts, List<Page> pages, TimeSpan setup, (TimeSpan Default, TimeSpan Omp1)? cli, string openMp)
    {
        var clean = pages.Select((p, i) => (p, i)).Where(x => !x.p.Noisy).Average(x => CharacterErrorRate.Of(texts[x.i], x.p.Truth));
        var noisy = pages.Select((p, i) => (p, i)).Where(x => x.p.Noisy).Average(x => CharacterErrorRate.Of(texts[x.i], x.p.Truth));
        var median = Median(samples);
        var ratio = cli is not { } c ? "" :
            $"{c.Default / median:0.00}× the CLI's pages/s (target ≥ {TargetRatio:0}×: {(c.Default / median >= TargetRatio ? "met" : "missed")}), "
            + $"{c.Omp1 / median:0.00}× the CLI with OMP_THREAD_LIMIT=1 (for comparison); {openMp}; ";
        var scenario = new Scenario { Name = name, Description = way, Work = $"{Pages} pages, {way}", Items = Pages, Unit = ("pages", "page") };
        return new Measurement(scenario, samples, 1, 0, [0, 0, 0], setup, $"{ratio}{Pages / median.TotalSeconds:0.00} pages/s; CER clean {clean:P2}, noisy {noisy:P2} (targets ≤ 1 %, ≤ 3 %)");
    }

    private static async Task<List<Page>> RenderPagesAsync(string folder)
    {
        using var playwright = await Playwright.CreateAsync().ConfigureAwait(false);
        var chromium = Environment.GetEnvironmentVariable("RPA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true }).ConfigureAwait(false);
        var pages = new List<Page>();
        for (var i = 0; i < Pages; i++)
        {
            var noisy = i % 2 == 1;
            var text = TextPages.Create(seed: 100 + i, lines: 10);
            var bytes = await OcrPages.RenderAsync(browser, text, noisy, seed: i).ConfigureAwait(false);
            var file = Path.Combine(folder, $"page-{i:00}{(noisy ? ".jpg" : ".png")}");
            await File.WriteAllBytesAsync(file, bytes).ConfigureAwait(false);
            pages.Add(new Page(file, bytes, text, noisy));
        }

        return pages;
    }

    /// <summary>
    /// One `tesseract page stdout` process. Without <paramref name="limitOpenMp"/> it gets the environment a user's
    /// shell would give it: this process's environment without the OMP_THREAD_LIMIT=1 the OCR binding sets for itself.
    /// </summary>
    private static string Cli(string file, bool limitOpenMp)
    {
        var start = new ProcessStartInfo("tesseract", [file, "stdout"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (limitOpenMp) start.Environment["OMP_THREAD_LIMIT"] = "1";
        else start.Environment.Remove("OMP_THREAD_LIMIT");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start tesseract");
        var text = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"tesseract {file} exited with {process.ExitCode}");
        return text;
    }

    private static async Task<(TimeSpan Time, string[] Texts)> TimeAsync(Func<Task<string[]>> run)
    {
        var clock = Stopwatch.StartNew();
        var texts = await run().ConfigureAwait(false);
        return (clock.Elapsed, texts);
    }

    private static TimeSpan Median(List<TimeSpan> samples) => samples.Order().ElementAt(samples.Count / 2);

    private sealed record Page(string File, byte[] Bytes, string Truth, bool Noisy);
}
