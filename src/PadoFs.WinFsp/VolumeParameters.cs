using PadoFs.WinFsp.Native;

namespace PadoFs.WinFsp;

/// <summary>The fixed properties of the volume: read-only, case-preserving, Unicode names, one security descriptor for all.</summary>
internal static class VolumeParameters
{
    /// <summary>How long Windows may keep file information, security and listings: nothing changes while mounted but the live counters.</summary>
    public const uint InfoTimeoutMilliseconds = 1000;

    public static VolumeParams For(DateTimeOffset created, string fileSystemName)
    {
        var parameters = new VolumeParams
        {
            Version = (ushort)System.Runtime.CompilerServices.Unsafe.SizeOf<VolumeParams>(),
            SectorSize = 4096,
            SectorsPerAllocationUnit = 1,
            MaxComponentLength = 255,
            VolumeCreationTime = (ulong)created.ToFileTime(),
            VolumeSerialNumber = (uint)(created.ToUnixTimeSeconds() & 0xFFFFFFFF),
            FileInfoTimeout = InfoTimeoutMilliseconds,
            Attributes = VolumeAttributes.ReadOnlyVolume | VolumeAttributes.CasePreservedNames | VolumeAttributes.UnicodeOnDisk
                | VolumeAttributes.PersistentAcls | VolumeAttributes.UmFileContextIsUserContext2,
        };
        var name = fileSystemName.AsSpan(0, Math.Min(fileSystemName.Length, VolumeParams.FileSystemNameCapacity - 1));
        name.CopyTo(parameters.FileSystemName);
        return parameters;
    }
}
