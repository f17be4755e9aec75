using System.Diagnostics;
using Rpa.Activities.Ocr;
using Rpa.Activities.Ocr.Native;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>The Tesseract binding and the engine pool, with the real library on generated images.</summary>
[Collection(OcrCollection.Name)]
public sealed class OcrEngineTests(OcrFixture ocr)
{
    private static readonly string PageText = TextPages.Create(seed: 1);

    [Fact]
    public async Task Clean_pages_at_300_and_150_dpi_are_read_with_under_one_percent_character_errors()
    {
        var sharp = await ocr.ImageAsync("text-300-clean", g => g.RenderTextPageAsync(PageText, 300, Degradation.Clean));
        var small = await ocr.ImageAsync("text-150-clean", g => g.RenderTextPageAsync(PageText, 150, Degradation.Clean));

        var results = await Task.WhenAll(ocr.Pool.RecognizeAsync(sharp), ocr.Pool.RecognizeAsync(small));

        CharacterErrorRate.Of(results[0].Text, PageText).Should().BeLessThanOrEqualTo(0.01, results[0].Text);
        CharacterErrorRate.Of(results[1].Text, PageText).Should().BeLessThanOrEqualTo(0.01, results[1].Text);
        results[0].Confidence.Should().BeGreaterThan(0.85);
    }

    [Fact]
    public async Task A_noisy_rotated_scan_on_grey_paper_is_read_with_under_three_percent_character_errors_after_preprocessing()
    {
        var noisy = await ocr.ImageAsync("text-150-noisy", g => g.RenderTextPageAsync(PageText, 150, Degradation.Noisy));

        var result = await ocr.Pool.RecognizeAsync(noisy, new OcrRequest { Preprocessing = OcrPreprocessing.All });

        CharacterErrorRate.Of(result.Text, PageText).Should().BeLessThanOrEqualTo(0.03, result.Text);
        result.SkewDegrees.Should().BeInRange(-1.6, -0.8, "the page was rotated by 1.2° and deskewing turns it back");
    }

    [Fact]
    public async Task A_colour_page_with_a_transparent_background_is_read_as_text_on_white()
    {
        var transparent = await ocr.ImageAsync("text-150-transparent", g => g.RenderTextPageAsync(PageText, 150, new Degradation { Background = "transparent" }));
        using (var pix = Activities.Ocr.Engine.ImageLoader.Load(transparent, "the page"))
        {
            (pix.Depth, pix.SamplesPerPixel).Should().Be((32, 4), "the page is a colour PNG with an alpha channel (transparent pixels are black with alpha 0)");
        }

        var result = await ocr.Pool.RecognizeAsync(transparent);

        CharacterErrorRate.Of(result.Text, PageText).Should().BeLessThanOrEqualTo(0.01, "colour goes to Tesseract as grey over white, not over the black of transparent pixels: " + result.Text);
    }

    [Fact]
    public void OpenMp_in_libtesseract_is_limited_to_one_thread_because_the_pool_runs_one_engine_per_core()
    {
        // The environment the test process started with (/proc/self/environ), before the binding set anything.
        var atStart = File.ReadAllText("/proc/self/environ").Split('\0').FirstOrDefault(v => v.StartsWith("OMP_THREAD_LIMIT=", StringComparison.Ordinal));
        var expected = atStart is null ? 1 : int.Parse(atStart["OMP_THREAD_LIMIT=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        var limit = NativeLibraries.OpenMpThreadLimit();

        limit.Should().Be(expected, "Debian's libtesseract uses OpenMP (libgomp), and OMP_THREAD_LIMIT=1 is set before libgomp reads it unless the environment set a value");
    }

    [Fact]
    public async Task Words_and_lines_come_with_boxes_in_the_original_pixels_and_confidences()
    {
        var image = await ocr.ImageAsync("text-150-clean", g => g.RenderTextPageAsync(PageText, 150, Degradation.Clean));

        var plain = await ocr.Pool.RecognizeAsync(image);
        var scaled = await ocr.Pool.RecognizeAsync(image, new OcrRequest { Preprocessing = OcrPreprocessing.ScaleUp | OcrPreprocessing.Grayscale });

        plain.Lines.Should().HaveCount(12);
        plain.Words.Should().OnlyContain(w => w.Box.Width > 0 && w.Box.Right <= plain.Width && w.Box.Bottom <= plain.Height && w.Confidence > 0 && w.Confidence <= 1);
        plain.Lines[0].Text.Should().Be(PageText.Split('\n')[0]);
        plain.Words.Select(w => w.Line).Should().BeInAscendingOrder();
        var first = plain.Words[0];
        var same = scaled.Words[0];
        same.Text.Should().Be(first.Text);
        Math.Abs(same.Box.X - first.Box.X).Should().BeLessThanOrEqualTo(2, "boxes of a scaled-up image are mapped back to the image as given");
        Math.Abs(same.Box.Width - first.Box.Width).Should().BeLessThanOrEqualTo(3);
    }

    [Fact]
    public async Task A_corrupt_or_foreign_file_fails_with_a_message_that_says_what_is_wrong()
    {
        var png = await ocr.ImageAsync("text-150-clean", g => g.RenderTextPageAsync(PageText, 150, Degradation.Clean));

        var truncated = () => ocr.Pool.Recognize(png.AsSpan(0, 300), source: "scan.png");
        var text = () => ocr.Pool.Recognize("hello, not an image"u8, source: "notes.png");
        var pdf = () => ocr.Pool.Recognize("%PDF-1.7 ..."u8, source: "invoice.png");
        var empty = () => ocr.Pool.Recognize([], source: "empty.png");

        truncated.Should().Throw<OcrException>().WithMessage("scan.png is a damaged or truncated PNG image (300 bytes) that cannot be decoded");
        text.Should().Throw<OcrException>().WithMessage("notes.png is not an image that can be read (PNG, JPEG, TIFF, BMP, GIF, WebP or PNM); it starts with bytes 68656C6C6F2C206E");
        pdf.Should().Throw<OcrException>().WithMessage("*it is a PDF: use 'Read PDF text'");
        empty.Should().Throw<OcrException>().WithMessage("empty.png is empty (0 bytes)*");
    }

    [Fact]
    public async Task An_empty_page_gives_no_words_and_no_text()
    {
        var blank = await ocr.ImageAsync("blank", g => g.RenderAsync("<div style='height: 400px'></div>", 500, 150, Degradation.Clean));

        var result = await ocr.Pool.RecognizeAsync(blank);

        result.IsEmpty.Should().BeTrue();
        result.Text.Should().BeEmpty();
        result.Confidence.Should().Be(0);
    }

    [Fact]
    public void A_missing_language_names_the_debian_package_to_install()
    {
        File.Exists("/usr/share/tesseract-ocr/5/tessdata/deu.traineddata").Should().BeFalse("this test needs a language that is not installed");

        var act = () => ocr.Pool.Recognize("x"u8, new OcrRequest { Languages = "eng+deu" });

        act.Should().Throw<OcrException>()
            .WithMessage("language 'deu' is not installed (no deu.traineddata in *): apt-get install tesseract-ocr-deu; installed: eng*");
        var chinese = () => ocr.Pool.CheckLanguages("chi_sim");
        chinese.Should().Throw<OcrException>().WithMessage("*apt-get install tesseract-ocr-chi-sim*");
    }

    [Fact]
    public async Task Engines_are_reused_and_native_handles_are_released_over_hundreds_of_images()
    {
        // RPA_OCR_LEAK_IMAGES=10000 runs the long version (about 100 s on 2 cores).
        var count = int.TryParse(Environment.GetEnvironmentVariable("RPA_OCR_LEAK_IMAGES"), out var n) ? n : 600;
        var word = await ocr.ImageAsync("tiny", g => g.RenderAsync("<div style='font: 20px Liberation Sans; padding: 6px'>Total 42</div>", 110, 96, Degradation.Clean));
        using var pool = new OcrEnginePool(new OcrOptions { MaxEngines = 2 });
        var request = new OcrRequest { PageSegmentation = PageSegmentationMode.SingleLine };
        pool.Warm(count: 2);
        pool.Recognize(word, request).Text.Should().Be("Total 42");
        var handles = TrackedHandleCount();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var memoryBefore = Process.GetCurrentProcess().WorkingSet64;

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, (i, _) =>
        {
            var result = pool.Recognize(word, request);
            if (result.Words.Count != 2) throw new InvalidOperationException($"image {i}: read '{result.Text}'");
            return ValueTask.CompletedTask;
        });

        Console.WriteLine($"{count} images in {clock.Elapsed.TotalSeconds:0.0} s; working set {memoryBefore / 1048576} MB before");
        pool.ImagesRecognized.Should().Be(count + 1);
        pool.EnginesCreated.Should().BeLessThanOrEqualTo(2, "engines are initialised once and reused");
        TrackedHandleCount().Should().Be(handles, "every image, result and text handle was released");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var growth = Process.GetCurrentProcess().WorkingSet64 - memoryBefore;
        Console.WriteLine($"working set growth {growth / 1048576.0:0.0} MB");
        growth.Should().BeLessThan(64L * 1024 * 1024, "recognising images must not leak native memory");
    }

    [Fact]
    public async Task A_cancelled_recognition_stops_and_leaves_the_engine_usable()
    {
        var image = await ocr.ImageAsync("text-300-clean", g => g.RenderTextPageAsync(PageText, 300, Degradation.Clean));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var act = () => ocr.Pool.Recognize(image, cancellationToken: cancel.Token);

        act.Should().Throw<OperationCanceledException>();
        (await ocr.Pool.RecognizeAsync(image)).Words.Should().NotBeEmpty();
    }

    private static long TrackedHandleCount() => TrackedHandle.Live;
}
