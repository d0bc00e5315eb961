using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace PadoFs.Mount.Configuration;

/// <summary>
/// A config file's bytes as a JSON document, or one problem saying what the file is instead and what to do: a slide
/// or other binary file, text that is not UTF-8, JSON that does not parse (with its line and column, from 1), a key
/// given twice. A UTF-8 byte-order mark is skipped.
/// </summary>
public static class MountConfigDocument
{
    private static readonly JsonDocumentOptions s_options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        AllowDuplicateProperties = false,
    };

    private static readonly string[] s_slideExtensions =
    [
        ".svs", ".tif", ".tiff", ".ndpi", ".vms", ".vmu", ".scn", ".mrxs", ".svslide", ".bif", ".dcm", ".czi", ".isyntax",
    ];

    private static readonly byte[][] s_tiffSignatures = [[0x49, 0x49, 0x2A, 0x00], [0x4D, 0x4D, 0x00, 0x2A], [0x49, 0x49, 0x2B, 0x00], [0x4D, 0x4D, 0x00, 0x2B]];

    /// <summary>The parsed document; throws <see cref="MountConfigException"/> with the one problem otherwise.</summary>
    public static JsonDocument Parse(string configPath, ReadOnlyMemory<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(configPath);
        var text = bytes.Span.StartsWith(Encoding.UTF8.Preamble) ? bytes[Encoding.UTF8.Preamble.Length..] : bytes;
        if (IsTiff(text.Span))
        {
            throw Problem(configPath, SlideGivenAsConfig(configPath, "a slide (TIFF)"));
        }

        if (text.Span[..Math.Min(text.Length, 4096)].Contains((byte)0))
        {
            throw Problem(configPath, HasSlideExtension(configPath)
                ? SlideGivenAsConfig(configPath, "a slide")
                : "a binary file, not a mount config: a config is JSON text (padofs mount --help shows one)");
        }

        if (!Utf8.IsValid(text.Span))
        {
            var (offset, value) = FirstInvalidUtf8(text.Span);
            throw Problem(configPath, $"not UTF-8 text at {TextPosition.Of(text.Span, offset)} (byte 0x{value:X2}): save the config as UTF-8");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, s_options);
        }
        catch (JsonException e) when (e.LineNumber is { } line && e.BytePositionInLine is { } column)
        {
            if (HasSlideExtension(configPath))
            {
                throw Problem(configPath, SlideGivenAsConfig(configPath, "a slide"));
            }

            var position = TextPosition.Of(text.Span, line, column);
            var reason = Shortened(e.Message[..Math.Max(0, e.Message.IndexOf(" LineNumber:", StringComparison.Ordinal))].TrimEnd());
            throw Problem(configPath, $"not valid JSON at {position}: {reason} ({HintFor(reason)})");
        }
        catch (JsonException e)
        {
            // A key given twice fails without a position: find it, so the message says which and where.
            throw Problem(configPath, DuplicateKey(text.Span) ?? $"not valid JSON: {e.Message}");
        }
        catch (InvalidOperationException e)
        {
            // The check for keys given twice reads every key, and fails on one that is no text.
            throw Problem(configPath, UnpairedSurrogate(text.Span) ?? $"not valid JSON: {e.Message}");
        }

        // Only a \u escape can give half a surrogate pair: a config without one is not read a second time.
        if (text.Span.IndexOf("\\u"u8) >= 0 && UnpairedSurrogate(text.Span) is { } problem)
        {
            document.Dispose();
            throw Problem(configPath, problem);
        }

        return document;
    }

    private static MountConfigException Problem(string configPath, string problem) => new(configPath, [problem]);

    private static string SlideGivenAsConfig(string configPath, string what) =>
        $"{what}, not a mount config. padofs mount takes a JSON config listing slides as records; to make one for this slide: "
        + $"echo \"{{\\\"mountPoint\\\": \\\"mnt\\\", \\\"images\\\": $(padofs record {configPath})}}\" > slides.json";

    private static bool IsTiff(ReadOnlySpan<byte> text)
    {
        foreach (var signature in s_tiffSignatures)
        {
            if (text.StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasSlideExtension(string configPath) =>
        s_slideExtensions.Contains(Path.GetExtension(configPath), StringComparer.OrdinalIgnoreCase);

    private static (long Offset, byte Value) FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var offset = 0;
        while (offset < text.Length)
        {
            if (Rune.DecodeFromUtf8(text[offset..], out _, out var consumed) != OperationStatus.Done)
            {
                return (offset, text[offset]);
            }

            offset += consumed;
        }

        return (text.Length, 0);
    }

    // The reader quotes what it met, which may be long.
    private static string Shortened(string reason) => reason.Length <= 200 ? reason : reason[..200] + "...";

    // What people most often get wrong when they edit JSON by hand, by what the reader met.
    private static string HintFor(string reason) => reason switch
    {
        _ when reason.Contains("is invalid after a value", StringComparison.Ordinal) => "is a comma missing before it?",
        _ when reason.Contains("invalid start of a property name", StringComparison.Ordinal) => "keys are written in double quotes, as \"mountPoint\"",
        _ when reason.Contains("invalid start of a value", StringComparison.Ordinal) => "text is written in double quotes, lists in [ ], records in { }",
        _ when reason.Contains("after a single JSON value", StringComparison.Ordinal) => "a config is one JSON object: { ... }",
        _ when reason.Contains("end of data", StringComparison.Ordinal) || reason.Contains("depth", StringComparison.Ordinal) => "is a closing } or ] missing?",
        _ => "padofs mount --help shows a config",
    };

    // JSON may escape half of a UTF-16 surrogate pair ("\ud800"); such a string cannot be read as text at all, so it
    // is found here, with its place, rather than failing wherever it is read.
    private static string? UnpairedSurrogate(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        while (reader.Read())
        {
            if (reader.ValueIsEscaped && reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                try
                {
                    reader.GetString();
                }
                catch (InvalidOperationException)
                {
                    return $"not valid JSON at {TextPosition.Of(text, reader.TokenStartIndex)}: a \\u escape gives half a surrogate pair, which is no text (remove it)";
                }
            }
        }

        return null;
    }

    private static string? DuplicateKey(ReadOnlySpan<byte> text)
    {
        var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var objects = new Stack<HashSet<string>>();
        var path = new Stack<string>();
        var pendingName = "the config";
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    objects.Push(new HashSet<string>(StringComparer.Ordinal));
                    path.Push(pendingName);
                    break;
                case JsonTokenType.EndObject:
                    objects.Pop();
                    path.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    pendingName = reader.GetString()!;
                    if (!objects.Peek().Add(pendingName))
                    {
                        var where = objects.Count == 1 ? string.Empty : $" in {path.Peek()}";
                        return $"'{pendingName}' is given twice{where} (the second at {TextPosition.Of(text, reader.TokenStartIndex)}): keep one";
                    }

                    break;
                default:
                    break;
            }
        }

        return null;
    }
}
