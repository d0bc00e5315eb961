namespace PadoFs.Fuse;

/// <summary>One line of /proc/self/mountinfo: where a filesystem is mounted, its device and type.</summary>
internal sealed record MountTableEntry(string MountPoint, string Device, string FileSystemType);
