using System.Runtime.InteropServices;
using PadoFs.Fuse.Native;
using PadoFs.Fuse.Native.Darwin;
using PadoFs.Fuse.Tests.Support;
using static PadoFs.Fuse.Tests.Support.LayoutEntries;

namespace PadoFs.Fuse.Tests;

/// <summary>
/// The structs and constants the binding uses on macOS, checked without a Mac: clang compiles Darwin/macfuse-darwin.h
/// for arm64 and x86_64 macOS and the values it computes are compared with the C# declarations. What this checks is
/// the arithmetic: sizes, offsets, alignment and bitfield placement under Apple's ABI, exactly as clang lays them out
/// for a Mac. What it cannot check is the transcription itself: the fixture was written by hand from XNU's and Apple
/// Libc's headers and from macFUSE's libfuse3 headers (the file names its sources), not compiled against them, since
/// no macOS SDK or macFUSE exists here. Nor does anything here call macFUSE's library: that fuse_new_31 is exported
/// and keeps the Darwin extensions off is taken from the issue and macFUSE's headers, not observed.
/// </summary>
[Trait("Category", "Fast")]
public sealed class DarwinLayoutTests
{
    private static readonly (string C, long Managed)[] Layout =
    [
        Size<Timespec>("struct timespec"),
        .. Offsets<Timespec>("struct timespec", FuseFieldNames.Timespec),

        Size<DarwinStat>("struct stat"),
        .. Offsets<DarwinStat>("struct stat", [
            ("st_dev", nameof(DarwinStat.Device)),
            ("st_mode", nameof(DarwinStat.Mode)),
            ("st_nlink", nameof(DarwinStat.LinkCount)),
            ("st_ino", nameof(DarwinStat.Inode)),
            ("st_uid", nameof(DarwinStat.UserId)),
            ("st_gid", nameof(DarwinStat.GroupId)),
            ("st_rdev", nameof(DarwinStat.SpecialDevice)),
            ("st_atimespec", nameof(DarwinStat.AccessTime)),
            ("st_mtimespec", nameof(DarwinStat.ModificationTime)),
            ("st_ctimespec", nameof(DarwinStat.ChangeTime)),
            ("st_birthtimespec", nameof(DarwinStat.BirthTime)),
            ("st_size", nameof(DarwinStat.Size)),
            ("st_blocks", nameof(DarwinStat.Blocks)),
            ("st_blksize", nameof(DarwinStat.BlockSize)),
            ("st_flags", nameof(DarwinStat.Flags)),
            ("st_gen", nameof(DarwinStat.Generation)),
        ]),

        Size<DarwinStatVfs>("struct statvfs"),
        .. Offsets<DarwinStatVfs>("struct statvfs", FuseFieldNames.StatVfs),

        Size<DarwinStatFs>("struct statfs"),
        .. Offsets<DarwinStatFs>("struct statfs", [
            ("f_bsize", nameof(DarwinStatFs.BlockSize)),
            ("f_iosize", nameof(DarwinStatFs.IoSize)),
            ("f_blocks", nameof(DarwinStatFs.Blocks)),
            ("f_bfree", nameof(DarwinStatFs.FreeBlocks)),
            ("f_bavail", nameof(DarwinStatFs.AvailableBlocks)),
            ("f_files", nameof(DarwinStatFs.Files)),
            ("f_ffree", nameof(DarwinStatFs.FreeFiles)),
            ("f_fsid", nameof(DarwinStatFs.FileSystemId0)),
            ("f_owner", nameof(DarwinStatFs.Owner)),
            ("f_type", nameof(DarwinStatFs.Type)),
            ("f_flags", nameof(DarwinStatFs.Flags)),
            ("f_fssubtype", nameof(DarwinStatFs.SubType)),
            ("f_fstypename", nameof(DarwinStatFs.TypeName)),
            ("f_mntonname", nameof(DarwinStatFs.MountedOn)),
            ("f_mntfromname", nameof(DarwinStatFs.MountedFrom)),
            ("f_flags_ext", nameof(DarwinStatFs.ExtendedFlags)),
        ]),
        ("offsetof(struct statfs, f_fsid) + sizeof(int32_t)", Marshal.OffsetOf<DarwinStatFs>(nameof(DarwinStatFs.FileSystemId1))),

        // libfuse allocates fuse_file_info, fuse_conn_info, fuse_context and fuse_args and the adapter only follows
        // pointers to them: the binding shares Linux's structs, so the fields it touches must sit where macFUSE puts
        // them. Their sizes differ (fuse_file_info 64 bytes here, 40 in 3.14) and are not compared.
        .. Offsets<FuseFileInfo>("struct fuse_file_info", FuseFieldNames.FileInfo),
        .. Offsets<FuseConnectionInfo>("struct fuse_conn_info", FuseFieldNames.ConnectionInfo),
        .. Offsets<FuseContext>("struct fuse_context", FuseFieldNames.Context),
        Size<FuseArgs>("struct fuse_args"),
        .. Offsets<FuseArgs>("struct fuse_args", FuseFieldNames.Args),

        Size<DarwinFuseConfig>("struct fuse_config"),
        .. Offsets<DarwinFuseConfig>("struct fuse_config", FuseFieldNames.Config),
        .. Offsets<DarwinFuseConfig>("struct fuse_config", [
            ("fmask", nameof(DarwinFuseConfig.FileMask)),
            ("dmask", nameof(DarwinFuseConfig.DirectoryMask)),
            ("parallel_direct_writes", nameof(DarwinFuseConfig.ParallelDirectWrites)),
            ("flags", nameof(DarwinFuseConfig.Flags)),
        ]),

        Size<DarwinFuseOperations>("struct fuse_operations"),

        // The shared block starts where readlink does, so each shared slot must sit one pointer later than in 3.14.
        .. FuseFieldNames.Operations.Skip(1).Select(slot =>
            ($"offsetof(struct fuse_operations, {slot.C})", (long)Marshal.OffsetOf<FuseOperations>(slot.Managed) + IntPtr.Size)),
        ("offsetof(struct fuse_operations, readlink)", Marshal.OffsetOf<DarwinFuseOperations>(nameof(DarwinFuseOperations.SharedSlots))),
        ("offsetof(struct fuse_operations, lseek) + sizeof(void *)", Marshal.OffsetOf<DarwinFuseOperations>(nameof(DarwinFuseOperations.SharedSlots)) + (DarwinFuseOperations.SharedSlotCount * sizeof(long))),
        .. Offsets<DarwinFuseOperations>("struct fuse_operations", [
            ("getattr", nameof(DarwinFuseOperations.GetAttributes)),
            ("setattr", nameof(DarwinFuseOperations.SetAttributes)),
            ("chflags", nameof(DarwinFuseOperations.ChangeFlags)),
            ("setvolname", nameof(DarwinFuseOperations.SetVolumeName)),
            ("monitor", nameof(DarwinFuseOperations.Monitor)),
        ]),
    ];

    /// <summary>Each value with the header it comes from (XNU's bsd/sys unless named otherwise).</summary>
    private static readonly (string C, long Managed, string Header)[] Constants =
    [
        ("EPERM", Errno.EPERM, "errno.h"),
        ("ENOENT", Errno.ENOENT, "errno.h"),
        ("EIO", Errno.EIO, "errno.h"),
        ("EACCES", Errno.EACCES, "errno.h"),
        ("EBUSY", Errno.EBUSY, "errno.h"),
        ("ENOTDIR", Errno.ENOTDIR, "errno.h"),
        ("EISDIR", Errno.EISDIR, "errno.h"),
        ("EROFS", Errno.EROFS, "errno.h"),
        ("ENOTCONN", DarwinErrno.ENOTCONN, "errno.h"),
        ("S_IFDIR", FileModes.S_IFDIR, "_types/_s_ifmt.h"),
        ("S_IFREG", FileModes.S_IFREG, "_types/_s_ifmt.h"),
        ("O_ACCMODE", FileModes.O_ACCMODE, "fcntl.h"),
        ("O_RDONLY", FileModes.O_RDONLY, "fcntl.h"),
        ("O_TRUNC", DarwinFileModes.O_TRUNC, "fcntl.h"),
        ("X_OK", FileModes.X_OK, "unistd.h"),
        ("W_OK", FileModes.W_OK, "unistd.h"),
        ("MNT_FORCE", DarwinFileModes.MNT_FORCE, "mount.h"),
        ("MNT_NOWAIT", DarwinFileModes.MNT_NOWAIT, "mount.h"),
        ("FUSE_CAP_READDIRPLUS", FuseConnectionInfo.CapabilityReadDirectoryPlus, "macFUSE fuse_common.h"),
        ("FUSE_CAP_READDIRPLUS_AUTO", FuseConnectionInfo.CapabilityReadDirectoryPlusAuto, "macFUSE fuse_common.h"),
    ];

    private static readonly (string C, FuseFileInfo Managed)[] Bitfields =
    [
        ("direct_io", new FuseFileInfo { DirectIo = true }),
        ("keep_cache", new FuseFileInfo { KeepCache = true }),
        ("cache_readdir", new FuseFileInfo { CacheReadDirectory = true }),
    ];

    // fuse_file_info up to fh: flags, the bitfield word and the padding words are the same 16 bytes in both layouts.
    private const int FileInfoPrefix = 16;

    public static TheoryData<string> Targets() => [.. DarwinProbe.Targets];

    [Theory]
    [MemberData(nameof(Targets))]
    public void Struct_sizes_and_field_offsets_match_the_transcribed_headers_as_clang_lays_them_out(string target) =>
        AssertMatches(target, Layout);

    [Theory]
    [MemberData(nameof(Targets))]
    public void Errno_values_and_flags_match_the_transcribed_headers(string target) =>
        AssertMatches(target, [.. Constants.Select(entry => ($"{entry.C} /* {entry.Header} */", entry.Managed))]);

    [Theory]
    [MemberData(nameof(Targets))]
    public void File_info_bitfields_sit_where_clang_puts_them_for_macOS(string target)
    {
        var probe = DarwinProbe.Run(target, [], [.. Bitfields.Select(entry => entry.C)]);
        var mismatches = Bitfields
            .Select(entry => (entry.C, Native: probe[entry.C][..(FileInfoPrefix * 2)], Managed: Hex(entry.Managed)[..(FileInfoPrefix * 2)]))
            .Where(entry => entry.Native != entry.Managed)
            .Select(entry => $"{entry.C}: clang {entry.Native}, binding {entry.Managed}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    [Fact]
    public unsafe void The_macFUSE_table_carries_every_callback_of_the_shared_table_and_refuses_its_own_writes()
    {
        var shared = FuseCallbacks.CreateTable();
        var darwin = FuseCallbacks.CreateDarwinTable();
        var sharedSlots = new ReadOnlySpan<nint>(&shared, sizeof(FuseOperations) / IntPtr.Size);
        var darwinSlots = new ReadOnlySpan<nint>(&darwin, sizeof(DarwinFuseOperations) / IntPtr.Size);

        Assert.Equal(sharedSlots[0], darwinSlots[0]);
        Assert.True(sharedSlots[1..].SequenceEqual(darwinSlots.Slice(2, sharedSlots.Length - 1)));
        Assert.NotEqual(0, darwinSlots[1]);
        Assert.True(darwin.ChangeFlags is not null && darwin.SetVolumeName is not null);
        Assert.True(darwin.Monitor is null);
    }

    private static void AssertMatches(string target, (string C, long Managed)[] entries)
    {
        var probe = DarwinProbe.Run(target, [.. entries.Select(entry => entry.C)], []);
        var mismatches = entries
            .Select(entry => (entry.C, Native: long.Parse(probe[entry.C], System.Globalization.CultureInfo.InvariantCulture), entry.Managed))
            .Where(entry => entry.Native != entry.Managed)
            .Select(entry => $"{target} {entry.C}: clang {entry.Native}, binding {entry.Managed}")
            .ToList();
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static string Hex(FuseFileInfo info) =>
        Convert.ToHexStringLower(MemoryMarshal.AsBytes(new ReadOnlySpan<FuseFileInfo>(in info)));
}
