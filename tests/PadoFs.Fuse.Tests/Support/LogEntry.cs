using Microsoft.Extensions.Logging;

namespace PadoFs.Fuse.Tests.Support;

internal sealed record LogEntry(LogLevel Level, IReadOnlyDictionary<string, object?> Values, Exception? Exception, string Message);
