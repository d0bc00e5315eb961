using Microsoft.Extensions.Logging;

namespace PadoFs.Fuse;

/// <summary>The adapter's structured log messages.</summary>
internal static partial class FuseLog
{
    [LoggerMessage(EventId = 1, Message = "FUSE {Operation} of {Path} failed with errno {Errno}")]
    public static partial void OperationFailed(ILogger logger, LogLevel level, string operation, string path, int errno, Exception exception);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "FUSE {Operation} of {Path} failed with errno {Errno}: {Reason}")]
    public static partial void OperationRefused(ILogger logger, string operation, string path, int errno, string reason);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Mounted {MountPoint} (read-only {ReadOnly}, allow_other {AllowOther}, up to {MaxThreads} threads)")]
    public static partial void Mounted(ILogger logger, string mountPoint, bool readOnly, bool allowOther, int maxThreads);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Unmounted {MountPoint}")]
    public static partial void Unmounted(ILogger logger, string mountPoint);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Recovering the stale mount at {MountPoint} left by a daemon that is gone")]
    public static partial void RecoveringStaleMount(ILogger logger, string mountPoint);

    [LoggerMessage(EventId = 5, Level = LogLevel.Error, Message = "The FUSE loop of {MountPoint} ended with status {Status} before it was stopped")]
    public static partial void LoopFailed(ILogger logger, string mountPoint, int status);

    [LoggerMessage(EventId = 6, Level = LogLevel.Error, Message = "The FUSE loop of {MountPoint} threw")]
    public static partial void LoopThrew(ILogger logger, string mountPoint, Exception exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Error, Message = "Cannot unmount {MountPoint}: errno {Errno}")]
    public static partial void UnmountFailed(ILogger logger, string mountPoint, int errno);

    [LoggerMessage(EventId = 8, Level = LogLevel.Warning, Message = "The FUSE loop of {MountPoint} did not end within {Timeout} after stop")]
    public static partial void StopTimedOut(ILogger logger, string mountPoint, TimeSpan timeout);

    [LoggerMessage(EventId = 9, Level = LogLevel.Warning, Message = "Cannot set the read-ahead of {MountPoint} to {ReadAheadKiB} KiB, reads stay at the kernel's default size: {Reason}")]
    public static partial void ReadAheadNotSet(ILogger logger, string mountPoint, int readAheadKiB, string reason);

    [LoggerMessage(EventId = 10, Level = LogLevel.Error, Message = "Cannot unmount {MountPoint}")]
    public static partial void UnmountThrew(ILogger logger, string mountPoint, Exception exception);
}
