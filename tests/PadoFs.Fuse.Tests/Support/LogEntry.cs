using Microsoft.Extensions.Logging;

namespace PadoFs.Fuse.Tests.Support;

internal sealed record LogEntry(LogLevel Level, IReadOnlyDictionary<string, object?> Values, Exception? Exception, string Message)
{
    /// <summary>The structured value called <paramref name="name"/>, or null when the message has none.</summary>
    public object? this[string name] => Values.GetValueOrDefault(name);
}
