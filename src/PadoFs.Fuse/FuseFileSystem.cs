using System.Text;
using Microsoft.Extensions.Logging;
using PadoFs.Fuse.Native;
using PadoFs.Mount;
using PadoFs.Mount.Tree;

namespace PadoFs.Fuse;

/// <summary>
/// Serves one <see cref="MountTree"/> to libfuse's requests: attributes, listings, opens and reads; every change is
/// refused. Methods return 0, a byte count, or a negated errno, as libfuse expects.
/// </summary>
internal sealed unsafe class FuseFileSystem(MountTree tree, FuseMountOptions options, ILogger logger)
{
    /// <summary>The largest read the kernel is asked to send, passed as <c>max_read</c> and set again in init.</summary>
    public const int MaxRead = 1 << 20;

    private const uint DirectoryMode = FileModes.S_IFDIR | 0x16D; // 0555
    private const uint FileMode = FileModes.S_IFREG | FileReadBits;
    private const uint FileReadBits = 0x124; // 0444
    private const uint OwnerReadBit = 0x100; // 0400
    private const int NameMax = 255;

    private readonly uint _userId = LibC.EffectiveUserId;
    private readonly uint _groupId = LibC.EffectiveGroupId;

    /// <summary>The handles of what is open; all freed once the mount has ended.</summary>
    public OpenNodeTable OpenNodes { get; } = new();

    private readonly TaskCompletionSource _initialized = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the kernel's INIT has been answered: from then on requests are served.</summary>
    public Task Initialized => _initialized.Task;

    public void Initialize(FuseConnectionInfo* connection, void* config)
    {
        FusePlatform.Configure(config, new FuseSettings(
            // Nothing changes while mounted: names, attributes, absent names and file pages may all stay cached.
            CacheTimeout: options.CacheTimeout.TotalSeconds,
            KernelCache: true,
            DirectIo: false,
            AutoCache: false,
            // libfuse numbers the nodes itself, stably for as long as the kernel knows them; the tree has no inodes.
            UseInode: false,
            // getattr resolves by path, and with nullpath_ok libfuse would pass none for a file that is open.
            NullPathOk: false,
            // An interrupt option would make libfuse install a signal handler; the host owns the signals.
            Interrupt: false));

        // libfuse refuses the connection unless this repeats the max_read mount option, which macFUSE does not take.
        if (!FusePlatform.IsMacFuse)
        {
            connection->MaxRead = MaxRead;
        }

        // In offset-0 readdir mode libfuse 3.14 sends readdirplus entries with inode 0, so the kernel discards their
        // attributes: plain readdir carries the same names in smaller replies.
        connection->Want &= ~(FuseConnectionInfo.CapabilityReadDirectoryPlus | FuseConnectionInfo.CapabilityReadDirectoryPlusAuto);
        _initialized.TrySetResult();
    }

    public int GetAttributes(string path, void* stat)
    {
        var node = tree.Resolve(path);
        if (node is null)
        {
            return -Errno.ENOENT;
        }

        FillAttributes(node, stat);
        return 0;
    }

    public int Access(string path, int mask)
    {
        var node = tree.Resolve(path);
        if (node is null)
        {
            return -Errno.ENOENT;
        }

        if ((mask & FileModes.W_OK) != 0)
        {
            return -Errno.EROFS;
        }

        return (mask & FileModes.X_OK) != 0 && node is MountFile ? -Errno.EACCES : 0;
    }

    public int Open(string path, FuseFileInfo* info)
    {
        if ((info->Flags & FileModes.O_ACCMODE) != FileModes.O_RDONLY || (info->Flags & FileModes.O_TRUNC) != 0)
        {
            return -Errno.EROFS;
        }

        switch (tree.Resolve(path))
        {
            case null:
                return -Errno.ENOENT;
            case MountFile file:
                // Immutable files stay in the page cache across opens; live ones are read from the tree every time.
                info->KeepCache = !file.IsLive;
                info->DirectIo = file.IsLive;
                info->FileHandle = OpenNodes.Open(file, path);
                return 0;
            default:
                return -Errno.EISDIR;
        }
    }

    public int OpenDirectory(string path, FuseFileInfo* info)
    {
        switch (tree.Resolve(path))
        {
            case null:
                return -Errno.ENOENT;
            case MountDirectory directory:
                // A folder whose contents fail (a slide that does not open) fails here, where ls and os.listdir report
                // it: glibc's readdir takes ENOENT from getdents for a folder removed while open, and lists it as empty.
                _ = directory.Children;

                // Listings never change while mounted: the kernel may keep each one (libfuse passes this on from 3.16.1).
                info->CacheReadDirectory = true;
                info->KeepCache = true;
                info->FileHandle = OpenNodes.Open(directory, path);
                return 0;
            default:
                return -Errno.ENOTDIR;
        }
    }

    /// <summary>Copies file bytes straight into libfuse's reply buffer.</summary>
    public static int Read(MountFile file, long offset, Span<byte> destination)
    {
        if (offset >= file.Length)
        {
            return 0;
        }

        var total = 0;
        while (total < destination.Length)
        {
            var count = file.Read(offset + total, destination[total..]);
            if (count <= 0)
            {
                break;
            }

            total += count;
        }

        return total;
    }

    /// <summary>Lists a folder in libfuse's offset-0 mode: every entry in one pass, each with its file type.</summary>
    public static int ReadDirectory(
        MountDirectory directory,
        void* buffer,
        delegate* unmanaged[Cdecl]<void*, byte*, void*, long, int, int> fill)
    {
        Span<byte> name = stackalloc byte[NameMax * 4 + 1];
        var stat = stackalloc byte[FusePlatform.StatSize];

        // Only the file type counts in a plain readdir.
        var directoryEntry = new NodeAttributes { Mode = DirectoryMode };
        var fileEntry = new NodeAttributes { Mode = FileMode };
        FusePlatform.WriteStat(stat, directoryEntry);
        if (Fill(fill, buffer, ".", name, stat) || Fill(fill, buffer, "..", name, stat))
        {
            return 0;
        }

        foreach (var child in directory.Children)
        {
            FusePlatform.WriteStat(stat, child is MountDirectory ? directoryEntry : fileEntry);
            if (Fill(fill, buffer, child.Name, name, stat))
            {
                break;
            }
        }

        return 0;
    }

    public static void FillFileSystemStatistics(void* statistics) =>
        FusePlatform.WriteFileSystemStatistics(statistics, blockSize: 4096, maximumNameLength: NameMax);

    /// <summary>Maps an exception from the tree to a negated errno and logs it; never throws.</summary>
    public int Fail(string operation, string? path, Exception exception)
    {
        var errno = FailureErrno.Of(exception);
        try
        {
            // A name the tree reports missing is an everyday answer, and so is a request cut off by the shutdown. A
            // slide's failure was logged by the slide when it happened, not again per request. Another IOException is
            // the tree explaining a failure it expects: its message says it all. Anything else is a bug, with its stack.
            if (errno == Errno.ENOENT || errno == Errno.ENOTCONN || exception is MountFailureException)
            {
                FuseLog.OperationFailed(logger, LogLevel.Debug, operation, path ?? "(unknown)", errno, exception);
            }
            else if (exception is IOException or UnauthorizedAccessException)
            {
                FuseLog.OperationRefused(logger, operation, path ?? "(unknown)", errno, exception.Message);
            }
            else
            {
                FuseLog.OperationFailed(logger, LogLevel.Error, operation, path ?? "(unknown)", errno, exception);
            }
        }
        catch (Exception)
        {
            // A failing log provider must not turn into an exception crossing into libfuse.
        }

        return -errno;
    }

    private void FillAttributes(MountNode node, void* stat)
    {
        var attributes = new NodeAttributes
        {
            UserId = _userId,
            GroupId = _groupId,
            BlockSize = MaxRead,
            Time = Timespec.From(node.Modified),
        };
        var readBits = FileReadBits;
        if (options.AllowOther)
        {
            (readBits, attributes.UserId, attributes.GroupId) = ReadersOf(node);
        }

        if (node is MountFile file)
        {
            attributes.Mode = FileModes.S_IFREG | readBits;
            attributes.LinkCount = 1;
            // A live file's length changes while the kernel keeps attributes for a day: like procfs it reports 0 and
            // is read to its end through direct I/O, so no reader trusts a stale size.
            var size = file.IsLive ? 0 : file.Length;
            attributes.Size = size;
            attributes.Blocks = (size + 511) / 512;
        }
        else
        {
            // A folder can be searched by whoever can read it.
            attributes.Mode = FileModes.S_IFDIR | readBits | (readBits >> 2);
            attributes.LinkCount = 2;
        }

        FusePlatform.WriteStat(stat, attributes);
    }

    // With other users admitted the kernel checks these bits itself (default_permissions): what comes from a slide
    // file is no more readable than that file, and errors.json, which names every failing file, is the mounting
    // user's alone.
    private (uint ReadBits, uint UserId, uint GroupId) ReadersOf(MountNode node) => node switch
    {
        { Readers: { } readers } => (readers.ReadBits, readers.UserId, readers.GroupId),
        MountFile { ForMountOwnerOnly: true } => (OwnerReadBit, _userId, _groupId),
        _ => (FileReadBits, _userId, _groupId),
    };

    // Returns true when libfuse has no room for more entries.
    private static bool Fill(
        delegate* unmanaged[Cdecl]<void*, byte*, void*, long, int, int> fill,
        void* buffer,
        string entry,
        Span<byte> name,
        void* stat)
    {
        if (Encoding.UTF8.GetByteCount(entry) > NameMax)
        {
            return false;
        }

        var length = Encoding.UTF8.GetBytes(entry, name);
        name[length] = 0;
        fixed (byte* pointer = name)
        {
            return fill(buffer, pointer, stat, 0, 0) != 0;
        }
    }
}
