using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct timespec of 64-bit Linux and macOS: two 64-bit fields on both.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Timespec
{
    public long Seconds;
    public long Nanoseconds;

    public static Timespec From(DateTimeOffset time) => new()
    {
        Seconds = time.ToUnixTimeSeconds(),
        Nanoseconds = time.UtcTicks % TimeSpan.TicksPerSecond * TimeSpan.NanosecondsPerTick,
    };
}
