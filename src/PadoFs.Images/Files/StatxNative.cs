using System.Runtime.InteropServices;

namespace PadoFs.Images.Files;

/// <summary>
/// glibc's statx(2), which .NET does not expose with the inode. Its struct has one layout on every Linux
/// architecture, unlike struct stat.
/// </summary>
internal static unsafe partial class StatxNative
{
    private const int AtCurrentDirectory = -100;
    private const uint BasicStats = 0x7FF;
    private const int ENOENT = 2;
    private const int EACCES = 13;
    private const int ENOTDIR = 20;

    public static LocalFileStatus Stat(string path)
    {
        StatxBuffer buffer;
        if (statx(AtCurrentDirectory, path, 0, BasicStats, &buffer) != 0)
        {
            var errno = Marshal.GetLastSystemError();
            throw errno switch
            {
                ENOENT or ENOTDIR => new FileNotFoundException($"'{path}' does not exist.", path),
                EACCES => new UnauthorizedAccessException($"'{path}' cannot be reached: permission denied."),
                _ => new IOException($"stat of '{path}' failed: {Marshal.GetPInvokeErrorMessage(errno)}."),
            };
        }

        var device = ((ulong)buffer.DeviceMajor << 32) | buffer.DeviceMinor;
        var modified = (buffer.ModifiedSeconds * 1_000_000_000L) + buffer.ModifiedNanoseconds;
        return new LocalFileStatus(new FileIdentity(device, buffer.Inode, (long)buffer.Size, modified), buffer.Mode, buffer.UserId, buffer.GroupId);
    }

    [LibraryImport("libc.so.6", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int statx(int directory, string path, int flags, uint mask, StatxBuffer* buffer);

    /// <summary>struct statx of linux/stat.h (256 bytes).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct StatxBuffer
    {
        [FieldOffset(20)]
        public uint UserId;

        [FieldOffset(24)]
        public uint GroupId;

        [FieldOffset(28)]
        public ushort Mode;

        [FieldOffset(32)]
        public ulong Inode;

        [FieldOffset(40)]
        public ulong Size;

        [FieldOffset(112)]
        public long ModifiedSeconds;

        [FieldOffset(120)]
        public uint ModifiedNanoseconds;

        [FieldOffset(136)]
        public uint DeviceMajor;

        [FieldOffset(140)]
        public uint DeviceMinor;
    }
}
