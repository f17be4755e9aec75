namespace Rpa.Integration.Tests.Ocr;

/// <summary>How a generated page is made to look scanned: rotation, grey paper, specks, blur, JPEG compression.</summary>
public sealed record Degradation
{
    public static readonly Degradation Clean = new();

    /// <summary>A poor office scan: 1.2° rotation, grey paper, specks, a slight blur, JPEG at quality 70.</summary>
    public static readonly Degradation Noisy = new() { RotationDegrees = 1.2, Background = "#d9d9d6", Specks = 0.0012, Blur = 0.35, JpegQuality = 70 };

    public double RotationDegrees { get; init; }

    /// <summary>The paper's colour (CSS); "transparent" makes a PNG with an alpha channel and no paper.</summary>
    public string Background { get; init; } = "#ffffff";

    /// <summary>Specks per square CSS pixel.</summary>
    public double Specks { get; init; }

    /// <summary>CSS blur radius in CSS pixels.</summary>
    public double Blur { get; init; }

    /// <summary>JPEG quality 1–100, or null for PNG.</summary>
    public int? JpegQuality { get; init; }

    public int Seed { get; init; } = 7;

    public string Extension => JpegQuality is null ? ".png" : ".jpg";
}
