namespace PadoFs.Fuse;

/// <summary>
/// One line of /proc/self/mountinfo: the mount's id (unique while it exists, kept when a folder above it is renamed),
/// where it is mounted, its device and type.
/// </summary>
internal sealed record MountTableEntry(string Id, string MountPoint, string Device, string FileSystemType);
