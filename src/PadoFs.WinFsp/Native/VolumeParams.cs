using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>
/// FSP_FSCTL_VOLUME_PARAMS (version 1, 504 bytes): the volume's fixed properties, given to FspFileSystemCreate.
/// The header's attribute bitfields are one 32-bit word here (<see cref="Attributes"/>, bits in <see cref="VolumeAttributes"/>).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 504)]
internal struct VolumeParams
{
    public const int PrefixCapacity = 192;
    public const int FileSystemNameCapacity = 16;

    [FieldOffset(0)]
    public ushort Version;

    [FieldOffset(2)]
    public ushort SectorSize;

    [FieldOffset(4)]
    public ushort SectorsPerAllocationUnit;

    [FieldOffset(6)]
    public ushort MaxComponentLength;

    [FieldOffset(8)]
    public ulong VolumeCreationTime;

    [FieldOffset(16)]
    public uint VolumeSerialNumber;

    [FieldOffset(20)]
    public uint TransactTimeout;

    [FieldOffset(24)]
    public uint IrpTimeout;

    [FieldOffset(28)]
    public uint IrpCapacity;

    [FieldOffset(32)]
    public uint FileInfoTimeout;

    [FieldOffset(36)]
    public VolumeAttributes Attributes;

    [FieldOffset(40)]
    public PrefixBuffer Prefix;

    [FieldOffset(424)]
    public FileSystemNameBuffer FileSystemName;

    [InlineArray(PrefixCapacity)]
    public struct PrefixBuffer
    {
        private char _element;
    }

    [InlineArray(FileSystemNameCapacity)]
    public struct FileSystemNameBuffer
    {
        private char _element;
    }
}
