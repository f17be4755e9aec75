namespace Rpa.Activities.Ocr.Engine;

/// <summary>Finds the tessdata folder and checks that languages are installed, naming the Debian package when one is not.</summary>
internal static class Tessdata
{
    /// <summary>Where Debian 12 (Tesseract 5), Debian 11 / Ubuntu (Tesseract 4) and other distributions put the models.</summary>
    public static readonly string[] StandardFolders =
    [
        "/usr/share/tesseract-ocr/5/tessdata",
        "/usr/share/tesseract-ocr/4.00/tessdata",
        "/usr/share/tessdata",
        "/usr/local/share/tessdata",
    ];

    /// <summary>The folder to use: the configured one, TESSDATA_PREFIX (the folder or its tessdata/), then the standard folders.</summary>
    public static string Find(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured)
                ? configured
                : throw new OcrException($"the tessdata folder {configured} (OcrOptions.TessdataPath) does not exist");
        }

        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("TESSDATA_PREFIX") is { Length: > 0 } prefix)
        {
            candidates.Add(prefix);
            candidates.Add(Path.Combine(prefix, "tessdata"));
        }

        candidates.AddRange(StandardFolders);
        foreach (var folder in candidates)
        {
            if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.traineddata").Any()) return folder;
        }

        throw new OcrException($"no Tesseract language data was found (looked in {string.Join(", ", candidates)}); install it with apt-get install tesseract-ocr-eng, or set TESSDATA_PREFIX");
    }

    /// <summary>The languages of "eng+deu", each checked to have its .traineddata in <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> Check(string folder, string languages)
    {
        var names = Split(languages);
        if (names.Count == 0) throw new OcrException("no OCR language was given; use a Tesseract language code such as \"eng\" (or \"eng+deu\" for several)");
        foreach (var name in names)
        {
            if (name.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            {
                throw new OcrException($"'{name}' is not a Tesseract language code (such as eng, deu, fra, chi_sim)");
            }

            if (!File.Exists(Path.Combine(folder, name + ".traineddata")))
            {
                throw new OcrException($"language '{name}' is not installed (no {name}.traineddata in {folder}): apt-get install {DebianPackage(name)}; installed: {string.Join(", ", Installed(folder))}");
            }
        }

        return names;
    }

    public static IReadOnlyList<string> Split(string languages) =>
        languages.Split(['+', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Debian's package for a language: tesseract-ocr-deu, tesseract-ocr-chi-sim, ...</summary>
    public static string DebianPackage(string language) => "tesseract-ocr-" + language.ToLowerInvariant().Replace('_', '-');

    private static IEnumerable<string> Installed(string folder) =>
        Directory.EnumerateFiles(folder, "*.traineddata").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal)!;
}
