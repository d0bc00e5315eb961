using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PadoFs.Fuse.Tests.Support;

/// <summary>Keeps every log entry with its structured values, so tests can check what the adapter reported.</summary>
internal sealed class RecordingLogger : ILogger
{
    public ConcurrentQueue<LogEntry> Entries { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
        Entries.Enqueue(new LogEntry(logLevel, values.ToDictionary(pair => pair.Key, pair => pair.Value), exception, formatter(state, exception)));
    }
}
