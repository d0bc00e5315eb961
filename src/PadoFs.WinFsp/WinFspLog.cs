using Microsoft.Extensions.Logging;

namespace PadoFs.WinFsp;

/// <summary>The adapter's log messages.</summary>
internal static partial class WinFspLog
{
    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "WinFsp {Operation} of {Name} failed: {Reason}")]
    public static partial void CallbackFailed(ILogger logger, string operation, string name, string reason);

    [LoggerMessage(EventId = 401, Level = LogLevel.Information, Message = "Mounted as {MountPoint} (read-only WinFsp volume {Label})")]
    public static partial void Mounted(ILogger logger, string mountPoint, string label);
}
