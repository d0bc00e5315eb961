using System.Text;

namespace PadoFs.Mount.Configuration;

/// <summary>A place in a text file as editors show it: line and column counted from 1, the column in characters.</summary>
public readonly record struct TextPosition(long Line, long Column)
{
    /// <summary>The position of the byte at <paramref name="offset"/> of UTF-8 <paramref name="text"/>.</summary>
    public static TextPosition Of(ReadOnlySpan<byte> text, long offset)
    {
        var before = text[..(int)Math.Min(offset, text.Length)];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1L;
        return new TextPosition(line, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1L);
    }

    /// <summary>The position of the byte <paramref name="bytesIntoLine"/> bytes into line <paramref name="lineIndex"/> (both from 0), as JSON readers report them.</summary>
    public static TextPosition Of(ReadOnlySpan<byte> text, long lineIndex, long bytesIntoLine)
    {
        var lineStart = 0;
        for (var line = 0L; line < lineIndex; line++)
        {
            var next = text[lineStart..].IndexOf((byte)'\n');
            if (next < 0)
            {
                break;
            }

            lineStart += next + 1;
        }

        return Of(text, lineStart + bytesIntoLine);
    }

    public override string ToString() => $"line {Line}, column {Column}";
}
