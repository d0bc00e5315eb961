using System.Globalization;

namespace PadoFs.Http;

/// <summary>One byte range of a <c>Range</c> header (RFC 9110 §14): <c>bytes=a-b</c>, <c>bytes=a-</c> or the suffix <c>bytes=-n</c>.</summary>
internal readonly record struct ByteRange(long First, long Last)
{
    public long Length => Last - First + 1;

    /// <summary>How a <c>Range</c> header applies to a file of <paramref name="length"/> bytes.</summary>
    /// <returns>
    /// <see cref="RangeAnswer.Whole"/> (and the whole file as <paramref name="range"/>) for no header, one the server may ignore (not bytes, malformed, several ranges);
    /// <see cref="RangeAnswer.Part"/> with the range; <see cref="RangeAnswer.Unsatisfiable"/> when it starts past the end.
    /// </returns>
    public static RangeAnswer Parse(string? header, long length, out ByteRange range)
    {
        range = new ByteRange(0, length - 1);
        if (string.IsNullOrEmpty(header) || !header.StartsWith("bytes=", StringComparison.OrdinalIgnoreCase))
        {
            return RangeAnswer.Whole;
        }

        var spec = header.AsSpan("bytes=".Length).Trim();
        if (spec.Contains(','))
        {
            // Several ranges would need multipart/byteranges; the whole file is a valid answer to them.
            return RangeAnswer.Whole;
        }

        var dash = spec.IndexOf('-');
        if (dash < 0)
        {
            return RangeAnswer.Whole;
        }

        var firstText = spec[..dash].Trim();
        var lastText = spec[(dash + 1)..].Trim();
        if (firstText.IsEmpty)
        {
            if (!TryNumber(lastText, out var suffix))
            {
                return RangeAnswer.Whole;
            }

            if (suffix == 0 || length == 0)
            {
                return RangeAnswer.Unsatisfiable;
            }

            range = new ByteRange(Math.Max(0, length - suffix), length - 1);
            return RangeAnswer.Part;
        }

        if (!TryNumber(firstText, out var first))
        {
            return RangeAnswer.Whole;
        }

        var last = length - 1;
        if (!lastText.IsEmpty)
        {
            if (!TryNumber(lastText, out last) || last < first)
            {
                return RangeAnswer.Whole;
            }
        }

        if (first >= length)
        {
            return RangeAnswer.Unsatisfiable;
        }

        range = new ByteRange(first, Math.Min(last, length - 1));
        return RangeAnswer.Part;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, out long value) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
