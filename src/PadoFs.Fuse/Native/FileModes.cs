namespace PadoFs.Fuse.Native;

/// <summary>The Linux constants of modes, open flags and access masks this adapter reads or writes.</summary>
internal static class FileModes
{
    public const uint S_IFDIR = 0x4000;
    public const uint S_IFREG = 0x8000;

    public const int O_ACCMODE = 3;
    public const int O_RDONLY = 0;
    public const int O_TRUNC = 0x200;

    public const int X_OK = 1;
    public const int W_OK = 2;

    public const int MNT_DETACH = 2;
}
