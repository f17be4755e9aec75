using Rpa.Activities.Ocr.Native;

namespace Rpa.Activities.Ocr.Engine;

/// <summary>Decodes image bytes with Leptonica (PNG, JPEG, TIFF, BMP, GIF, WebP, PNM), with errors that say what is wrong with the file.</summary>
internal static unsafe class ImageLoader
{
    public static PixHandle Load(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.IsEmpty) throw new OcrException($"{source} is empty (0 bytes); it is not an image");
        var format = Format(bytes);
        if (format is null)
        {
            var head = Convert.ToHexString(bytes[..Math.Min(8, bytes.Length)]);
            var hint = bytes.Length >= 4 && bytes[..4].SequenceEqual("%PDF"u8) ? "; it is a PDF: use 'Read PDF text'" : "";
            throw new OcrException($"{source} is not an image that can be read (PNG, JPEG, TIFF, BMP, GIF, WebP or PNM); it starts with bytes {head}{hint}");
        }

        // libpng reports a truncated file on the console before failing; tell it from the missing end chunk instead.
        if (format == "PNG" && bytes.Length >= 12 && bytes[^12..].IndexOf("IEND"u8) < 0) throw Damaged(source, format, bytes.Length);

        PixHandle pix;
        fixed (byte* data = bytes)
        {
            pix = Lept.pixReadMem(data, (nuint)bytes.Length);
        }

        if (pix.IsInvalid)
        {
            pix.Dispose();
            throw Damaged(source, format, bytes.Length);
        }

        if (pix.Width < 3 || pix.Height < 3)
        {
            var (w, h) = (pix.Width, pix.Height);
            pix.Dispose();
            throw new OcrException($"{source} is too small to hold text ({w}×{h} pixels)");
        }

        return pix;
    }

    private static OcrException Damaged(string source, string format, int length) =>
        new($"{source} is a damaged or truncated {format} image ({length:N0} bytes) that cannot be decoded");

    /// <summary>The image format by its signature, or null when it is not one Leptonica reads.</summary>
    public static string? Format(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4) return null;
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G'])) return "PNG";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return "JPEG";
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return "TIFF";
        if (b.StartsWith("BM"u8)) return "BMP";
        if (b.StartsWith("GIF8"u8)) return "GIF";
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        if (b[0] == (byte)'P' && b[1] is >= (byte)'1' and <= (byte)'7' && b[2] is (byte)'\n' or (byte)' ' or (byte)'\r' or (byte)'\t') return "PNM";
        if (b.Length >= 12 && b[4..12].SequenceEqual((ReadOnlySpan<byte>)[0x6A, 0x50, 0x20, 0x20, 0x0D, 0x0A, 0x87, 0x0A])) return "JPEG 2000";
        return null;
    }
}
