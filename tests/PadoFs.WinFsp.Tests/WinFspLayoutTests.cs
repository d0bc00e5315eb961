using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PadoFs.WinFsp.Native;
using PadoFs.WinFsp.Tests.Support;

namespace PadoFs.WinFsp.Tests;

/// <summary>Every struct, field and constant the WinFsp binding passes, checked against WinFsp's headers by mingw-w64.</summary>
[Trait("Category", "Fast")]
public sealed class WinFspLayoutTests
{
    private static readonly (string C, long Managed)[] Layout =
    [
        Size<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS"),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "Version", nameof(VolumeParams.Version)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "SectorSize", nameof(VolumeParams.SectorSize)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "SectorsPerAllocationUnit", nameof(VolumeParams.SectorsPerAllocationUnit)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "MaxComponentLength", nameof(VolumeParams.MaxComponentLength)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "VolumeCreationTime", nameof(VolumeParams.VolumeCreationTime)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "VolumeSerialNumber", nameof(VolumeParams.VolumeSerialNumber)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "TransactTimeout", nameof(VolumeParams.TransactTimeout)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "IrpTimeout", nameof(VolumeParams.IrpTimeout)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "IrpCapacity", nameof(VolumeParams.IrpCapacity)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "FileInfoTimeout", nameof(VolumeParams.FileInfoTimeout)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "Prefix", nameof(VolumeParams.Prefix)),
        Offset<VolumeParams>("FSP_FSCTL_VOLUME_PARAMS", "FileSystemName", nameof(VolumeParams.FileSystemName)),
        ("sizeof(((FSP_FSCTL_VOLUME_PARAMS *)0)->Prefix)", Unsafe.SizeOf<VolumeParams.PrefixBuffer>()),
        ("sizeof(((FSP_FSCTL_VOLUME_PARAMS *)0)->FileSystemName)", Unsafe.SizeOf<VolumeParams.FileSystemNameBuffer>()),

        Size<VolumeInfo>("FSP_FSCTL_VOLUME_INFO"),
        Offset<VolumeInfo>("FSP_FSCTL_VOLUME_INFO", "TotalSize", nameof(VolumeInfo.TotalSize)),
        Offset<VolumeInfo>("FSP_FSCTL_VOLUME_INFO", "FreeSize", nameof(VolumeInfo.FreeSize)),
        Offset<VolumeInfo>("FSP_FSCTL_VOLUME_INFO", "VolumeLabelLength", nameof(VolumeInfo.VolumeLabelLength)),
        Offset<VolumeInfo>("FSP_FSCTL_VOLUME_INFO", "VolumeLabel", nameof(VolumeInfo.VolumeLabel)),

        Size<FspFileInfo>("FSP_FSCTL_FILE_INFO"),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "FileAttributes", nameof(FspFileInfo.FileAttributes)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "ReparseTag", nameof(FspFileInfo.ReparseTag)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "AllocationSize", nameof(FspFileInfo.AllocationSize)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "FileSize", nameof(FspFileInfo.FileSize)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "CreationTime", nameof(FspFileInfo.CreationTime)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "LastAccessTime", nameof(FspFileInfo.LastAccessTime)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "LastWriteTime", nameof(FspFileInfo.LastWriteTime)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "ChangeTime", nameof(FspFileInfo.ChangeTime)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "IndexNumber", nameof(FspFileInfo.IndexNumber)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "HardLinks", nameof(FspFileInfo.HardLinks)),
        Offset<FspFileInfo>("FSP_FSCTL_FILE_INFO", "EaSize", nameof(FspFileInfo.EaSize)),

        Size<DirInfo>("FSP_FSCTL_DIR_INFO"),
        Offset<DirInfo>("FSP_FSCTL_DIR_INFO", "Size", nameof(DirInfo.Size)),
        Offset<DirInfo>("FSP_FSCTL_DIR_INFO", "FileInfo", nameof(DirInfo.FileInfo)),
        Offset<DirInfo>("FSP_FSCTL_DIR_INFO", "NextOffset", nameof(DirInfo.NextOffset)),
        ("offsetof(FSP_FSCTL_DIR_INFO, FileNameBuf)", Unsafe.SizeOf<DirInfo>()),
        ("FSP_FSCTL_DEFAULT_ALIGNMENT", DirInfo.Alignment),

        Size<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE"),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "GetVolumeInfo", nameof(FileSystemInterface.GetVolumeInfo)),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "GetSecurityByName", nameof(FileSystemInterface.GetSecurityByName)),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "Open", nameof(FileSystemInterface.Open)),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "Close", nameof(FileSystemInterface.Close)),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "Read", nameof(FileSystemInterface.Read)),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "GetFileInfo", nameof(FileSystemInterface.GetFileInfo)),
        Offset<FileSystemInterface>("FSP_FILE_SYSTEM_INTERFACE", "ReadDirectory", nameof(FileSystemInterface.ReadDirectory)),

        Offset<FileSystemHeader>("FSP_FILE_SYSTEM", "Version", nameof(FileSystemHeader.Version)),
        Offset<FileSystemHeader>("FSP_FILE_SYSTEM", "UserContext", nameof(FileSystemHeader.UserContext)),
    ];

    private static readonly (string C, long Managed)[] Constants =
    [
        ("STATUS_SUCCESS", NtStatus.Success),
        ("STATUS_BUFFER_OVERFLOW", NtStatus.BufferOverflow),
        ("STATUS_END_OF_FILE", NtStatus.EndOfFile),
        ("STATUS_OBJECT_NAME_NOT_FOUND", NtStatus.ObjectNameNotFound),
        ("STATUS_OBJECT_PATH_NOT_FOUND", NtStatus.ObjectPathNotFound),
        ("STATUS_FILE_IS_A_DIRECTORY", NtStatus.FileIsADirectory),
        ("STATUS_NOT_A_DIRECTORY", NtStatus.NotADirectory),
        ("STATUS_INVALID_DEVICE_REQUEST", NtStatus.InvalidDeviceRequest),
        ("STATUS_IO_DEVICE_ERROR", NtStatus.IoDeviceError),
        ("STATUS_MEDIA_WRITE_PROTECTED", NtStatus.MediaWriteProtected),
        ("FILE_ATTRIBUTE_READONLY", FileAttributeBits.ReadOnly),
        ("FILE_ATTRIBUTE_DIRECTORY", FileAttributeBits.Directory),
        ("FILE_DIRECTORY_FILE", FileAttributeBits.DirectoryFileOption),
        ("FILE_NON_DIRECTORY_FILE", FileAttributeBits.NonDirectoryFileOption),
        ("FILE_GENERIC_READ | FILE_GENERIC_EXECUTE", ReadOnlySecurity.ReadAndExecute),
        ("FSP_FSCTL_VOLUME_PREFIX_SIZE / sizeof(WCHAR)", VolumeParams.PrefixCapacity),
        ("FSP_FSCTL_VOLUME_FSNAME_SIZE / sizeof(WCHAR)", VolumeParams.FileSystemNameCapacity),
    ];

    private static readonly (string C, VolumeAttributes Managed)[] Attributes =
    [
        ("CaseSensitiveSearch", VolumeAttributes.CaseSensitiveSearch),
        ("CasePreservedNames", VolumeAttributes.CasePreservedNames),
        ("UnicodeOnDisk", VolumeAttributes.UnicodeOnDisk),
        ("PersistentAcls", VolumeAttributes.PersistentAcls),
        ("ReadOnlyVolume", VolumeAttributes.ReadOnlyVolume),
        ("UmFileContextIsUserContext2", VolumeAttributes.UmFileContextIsUserContext2),
    ];

    [Fact]
    public void Struct_sizes_and_field_offsets_match_the_headers() => AssertNone(WinFspHeaderProbe.Mismatches(Layout));

    [Fact]
    public void Constants_match_the_headers() => AssertNone(WinFspHeaderProbe.Mismatches(Constants));

    [Fact]
    public void The_probe_reports_a_value_the_headers_contradict()
    {
        var mismatches = WinFspHeaderProbe.Mismatches([("sizeof(FSP_FSCTL_FILE_INFO)", 73)]);

        Assert.Equal(["sizeof(FSP_FSCTL_FILE_INFO): binding 73"], mismatches);
    }

    [Fact]
    public void Volume_attribute_bits_sit_where_mingw_puts_the_bitfields()
    {
        var mismatches = new List<string>();
        foreach (var (c, managed) in Attributes)
        {
            // The object file pads the section past the struct's 504 bytes.
            var section = WinFspHeaderProbe.VolumeParamsWith(c);
            var native = section.AsSpan(0, Math.Min(section.Length, Unsafe.SizeOf<VolumeParams>())).ToArray();
            var binding = new VolumeParams { Attributes = managed };
            var bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<VolumeParams>(in binding)).ToArray();
            if (!native.AsSpan().SequenceEqual(bytes))
            {
                mismatches.Add($"{c}: mingw {Convert.ToHexStringLower(native)}, binding {Convert.ToHexStringLower(bytes)}");
            }
        }

        AssertNone(mismatches);
    }

    private static void AssertNone(IReadOnlyList<string> mismatches) => Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));

    private static (string, long) Size<T>(string cType)
        where T : unmanaged => ($"sizeof({cType})", Unsafe.SizeOf<T>());

    private static (string, long) Offset<T>(string cType, string cField, string managedField)
        where T : unmanaged => ($"offsetof({cType}, {cField})", Marshal.OffsetOf<T>(managedField));
}
