namespace PadoFs.WinFsp.Native;

/// <summary>The bitfields of FSP_FSCTL_VOLUME_PARAMS that follow FileInfoTimeout, in the order the header declares them.</summary>
[Flags]
internal enum VolumeAttributes : uint
{
    None = 0,
    CaseSensitiveSearch = 1u << 0,
    CasePreservedNames = 1u << 1,
    UnicodeOnDisk = 1u << 2,
    PersistentAcls = 1u << 3,
    ReadOnlyVolume = 1u << 9,
    UmFileContextIsUserContext2 = 1u << 16,
}
