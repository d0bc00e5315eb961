using System.Buffers;
using System.Text.Json;
using PadoFs.Mount.Caching;
using PadoFs.Mount.Slides;

namespace PadoFs.Mount.Status;

/// <summary>Renders <c>.padofs/stats.json</c> (live counters) and <c>.padofs/errors.json</c> (slides that failed, and why).</summary>
public sealed class MountStatusDocuments(MountStatistics statistics, ChunkCache cache, SlideRegistry registry)
{
    // The same bytes on every platform: on Windows the writer would otherwise break lines with CR LF.
    private static readonly JsonWriterOptions s_options = new() { Indented = true, NewLine = "\n", Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public byte[] RenderStatistics() => Render(writer =>
    {
        var cacheStatistics = cache.GetStatistics();
        writer.WriteStartObject();
        writer.WriteString("started", statistics.Started);
        writer.WriteNumber("uptime_seconds", Math.Round((DateTimeOffset.UtcNow - statistics.Started).TotalSeconds, 1));
        writer.WriteNumber("reads", statistics.Reads);
        writer.WriteNumber("bytes_read", statistics.BytesRead);
        writer.WriteNumber("read_errors", statistics.Failures);
        writer.WriteStartObject("slides");
        writer.WriteNumber("configured", registry.Slides.Count);
        writer.WriteNumber("open", registry.OpenCount);
        writer.WriteNumber("errors", registry.Errors.Count);
        writer.WriteEndObject();
        writer.WriteStartObject("cache");
        writer.WriteNumber("budget_bytes", cacheStatistics.BudgetBytes);
        writer.WriteNumber("charged_bytes", cacheStatistics.ChargedBytes);
        writer.WriteNumber("chunks", cacheStatistics.Entries);
        writer.WriteNumber("hits", cacheStatistics.Hits);
        writer.WriteNumber("misses", cacheStatistics.Misses);
        writer.WriteNumber("evictions", cacheStatistics.Evictions);
        writer.WriteNumber("decodes", cacheStatistics.Decodes);
        writer.WriteNumber("decode_failures", cacheStatistics.DecodeFailures);
        writer.WriteNumber("decode_seconds", Math.Round(cacheStatistics.DecodeTime.TotalSeconds, 3));
        writer.WriteEndObject();
        var prefetch = cacheStatistics.Prefetch;
        writer.WriteStartObject("prefetch");
        writer.WriteNumber("decoded", prefetch.Decoded);
        writer.WriteNumber("used", prefetch.Used);
        writer.WriteNumber("unused", prefetch.Unused);
        writer.WriteNumber("cancelled", prefetch.Cancelled);
        writer.WriteNumber("overtaken", prefetch.Overtaken);
        writer.WriteNumber("dropped", prefetch.Dropped);
        writer.WriteEndObject();

        // How much the JIT compiled since start: near nothing when the daemon was published ReadyToRun.
        writer.WriteStartObject("jit");
        writer.WriteNumber("compiled_methods", System.Runtime.JitInfo.GetCompiledMethodCount());
        writer.WriteNumber("compile_seconds", Math.Round(System.Runtime.JitInfo.GetCompilationTime().TotalSeconds, 3));
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public byte[] RenderErrors() => Render(writer =>
    {
        writer.WriteStartArray();
        foreach (var error in registry.Errors.Snapshot())
        {
            writer.WriteStartObject();
            writer.WriteString("folder", error.Folder);
            writer.WriteString("urlpath", error.Urlpath);
            writer.WriteString("operation", error.Operation);
            writer.WriteString("error", error.Message);
            writer.WriteString("time", error.Time);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static byte[] Render(Action<Utf8JsonWriter> body)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, s_options))
        {
            body(writer);
        }

        return [.. buffer.WrittenSpan, (byte)'\n'];
    }
}
