namespace PadoFs.WinFsp.Native;

/// <summary>The FILE_ATTRIBUTE_* and FILE_*_FILE create options the volume reports or reads (winnt.h).</summary>
internal static class FileAttributeBits
{
    public const uint ReadOnly = 0x1;
    public const uint Directory = 0x10;

    public const uint DirectoryFileOption = 0x1;
    public const uint NonDirectoryFileOption = 0x40;
}
