using PadoFs.Fuse.Native.Darwin;

namespace PadoFs.Fuse.Native;

/// <summary>
/// The layouts of the libfuse3 this process runs against, chosen once at start-up: Linux's libfuse 3 with glibc's
/// structs, or macFUSE's libfuse3 on macOS with Darwin's. Only struct stat, struct statvfs, struct fuse_config and
/// struct fuse_operations differ where the adapter touches them; fuse_file_info, fuse_conn_info, fuse_context and
/// fuse_args keep the offsets of the fields it uses (the layout tests check both platforms).
/// </summary>
internal static unsafe class FusePlatform
{
    /// <summary>True on macOS, where the library is macFUSE's libfuse3 with its Darwin extensions off.</summary>
    public static readonly bool IsMacFuse = OperatingSystem.IsMacOS();

    /// <summary>Room for a struct stat of either platform, for a stat on the stack.</summary>
    public static int StatSize => Math.Max(sizeof(NativeStat), sizeof(DarwinStat));

    public static void WriteStat(void* destination, in NodeAttributes attributes)
    {
        if (IsMacFuse)
        {
            *(DarwinStat*)destination = DarwinStat.From(attributes);
        }
        else
        {
            *(NativeStat*)destination = NativeStat.From(attributes);
        }
    }

    /// <summary>A statvfs with only the block size and the longest name set: the tree has no capacity to report.</summary>
    public static void WriteFileSystemStatistics(void* destination, uint blockSize, uint maximumNameLength)
    {
        if (IsMacFuse)
        {
            *(DarwinStatVfs*)destination = new DarwinStatVfs { BlockSize = blockSize, FragmentSize = blockSize, MaximumNameLength = maximumNameLength };
        }
        else
        {
            *(NativeStatVfs*)destination = new NativeStatVfs { BlockSize = blockSize, FragmentSize = blockSize, MaximumNameLength = maximumNameLength };
        }
    }

    public static void Configure(void* config, in FuseSettings settings)
    {
        if (IsMacFuse)
        {
            ((DarwinFuseConfig*)config)->Apply(settings);
        }
        else
        {
            ((FuseConfig*)config)->Apply(settings);
        }
    }
}
