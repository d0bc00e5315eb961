using System.Globalization;
using Microsoft.Extensions.Logging;

namespace PadoFs.Fuse;

/// <summary>
/// Sets a mount's read-ahead through its backing device in sysfs. The kernel sizes FUSE read requests by the
/// read-ahead window (128 KiB by default) whatever size the reader asks for.
/// </summary>
internal static class KernelReadAhead
{
    public static void Raise(string mountPoint, string device, int kib, ILogger logger)
    {
        if (kib <= 0)
        {
            return;
        }

        try
        {
            File.WriteAllText($"/sys/class/bdi/{device}/read_ahead_kb", kib.ToString(CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            FuseLog.ReadAheadNotSet(logger, mountPoint, kib, exception.Message);
        }
    }
}
