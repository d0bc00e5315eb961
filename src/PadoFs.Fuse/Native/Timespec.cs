using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>struct timespec of x86_64 Linux.</summary>
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
