using System.Globalization;
using PadoFs.Fuse.Native;

namespace PadoFs.Fuse;

/// <summary>
/// The mounts of macOS from getfsstat(2), which has no /proc/self/mountinfo. A mount's id and device are both its
/// fsid, which stays with the mount for as long as it exists.
/// </summary>
internal static class DarwinMountTable
{
    public static IReadOnlyList<MountTableEntry> All()
    {
        var entries = new List<MountTableEntry>();
        foreach (var mounted in LibC.MountedFileSystems())
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{mounted.FileSystemId0}:{mounted.FileSystemId1}");
            entries.Add(new MountTableEntry(id, mounted.MountedOnText, id, mounted.TypeNameText));
        }

        return entries;
    }
}
