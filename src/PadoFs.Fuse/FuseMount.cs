using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PadoFs.Fuse.Native;
using PadoFs.Fuse.Native.Darwin;
using PadoFs.Mount.Session;
using PadoFs.Mount.Tree;

namespace PadoFs.Fuse;

/// <summary>
/// A <see cref="MountTree"/> mounted through libfuse3, served by libfuse's worker threads until <see cref="Stop"/>.
/// libfuse installs no signal handlers here: the host owns SIGINT and SIGTERM and calls <see cref="Stop"/>.
/// </summary>
public sealed unsafe class FuseMount : IMountAdapter, IDisposable
{
    private const string FileSystemName = "padofs";
    private static readonly string FileSystemType = MountTable.FuseTypeOf(FileSystemName);

    private readonly LibFuse _library;
    private readonly void* _fuse;
    private readonly FuseFileSystem _fileSystem;
    private readonly GCHandle<FuseFileSystem> _fileSystemHandle;
    private readonly MountTableEntry _mounted;
    private readonly FuseMountOptions _options;
    private readonly ILogger _logger;
    private readonly Thread _loop;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _gate = new();
    private bool _stopRequested;
    private bool _destroyed;

    private FuseMount(LibFuse library, void* fuse, GCHandle<FuseFileSystem> fileSystem, string mountPoint, MountTableEntry mounted, FuseMountOptions options, ILogger logger)
    {
        _library = library;
        _fuse = fuse;
        _fileSystem = fileSystem.Target;
        _fileSystemHandle = fileSystem;
        MountPoint = mountPoint;
        _mounted = mounted;
        _options = options;
        _logger = logger;
        _loop = new Thread(Serve) { IsBackground = true, Name = "padofs-fuse-loop" };
    }

    /// <summary>The canonical path the tree was mounted at; renaming a folder above it moves the mount (see <see cref="CurrentMountPoint"/>).</summary>
    public string MountPoint { get; }

    /// <summary>Where the mount is now, found by its mount id; <see cref="MountPoint"/> once it is gone.</summary>
    public string CurrentMountPoint => Unmounter.CurrentPath(_mounted);

    public string Description => $"FUSE at {MountPoint}";

    public string EndedReason => "unmounted from outside the daemon";

    /// <summary>How many files and folders are open through the mount.</summary>
    internal int OpenHandleCount => _fileSystem.OpenNodes.Count;

    /// <summary>Completes when the mount has ended and is unmounted; faults if it ended by itself with an error.</summary>
    public Task Completion => _completion.Task;

    /// <summary>
    /// Mounts <paramref name="tree"/> at <paramref name="mountPoint"/> and returns once the kernel is being served.
    /// </summary>
    /// <exception cref="MountPointException">the folder is missing, not a folder, not empty, or mounted already.</exception>
    /// <exception cref="FuseMountException">libfuse could not mount or serve.</exception>
    /// <exception cref="DllNotFoundException">libfuse3 is not installed.</exception>
    public static FuseMount Mount(MountTree tree, string mountPoint, FuseMountOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(tree);
        options ??= new FuseMountOptions();
        logger ??= NullLogger.Instance;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxThreads, 1);

        var library = LibFuse.Shared;
        var path = MountPointGuard.Prepare(mountPoint, logger);
        var fileSystem = new FuseFileSystem(tree, options, logger);
        var handle = new GCHandle<FuseFileSystem>(fileSystem);
        var fuse = CreateSession(library, options, handle);
        if (fuse is null)
        {
            handle.Dispose();
            throw new FuseMountException("libfuse rejected the mount options; its reason is on stderr.");
        }

        FuseMount mount;
        try
        {
            mount = new FuseMount(library, fuse, handle, path, MountEntry(library, fuse, path), options, logger);
        }
        catch
        {
            library.Destroy(fuse);
            handle.Dispose();
            throw;
        }

        mount._loop.Start();
        var started = Task.WaitAny([fileSystem.Initialized, mount.Completion], options.StartTimeout);
        if (started != 0)
        {
            mount.Stop();
            var reason = mount.Completion.Exception?.InnerException?.Message ?? "the kernel's INIT was not answered in time";
            throw new FuseMountException($"Mounting {path} failed: {reason}.");
        }

        // The kernel applies INIT's reply after the callback has returned, and that reply caps the read-ahead at the
        // window the kernel offered (128 KiB): a statfs waits until the reply is applied, so the raise is not undone.
        LibC.StatFileSystem(path);
        if (!FusePlatform.IsMacFuse)
        {
            KernelReadAhead.Raise(path, mount._mounted.Device, options.ReadAheadKiB, logger);
        }

        FuseLog.Mounted(logger, path, options.ReadOnly, options.AllowOther, options.MaxThreads);
        return mount;
    }

    /// <summary>
    /// Ends the request loop and unmounts; a mount still in use is detached, and its users' later calls fail.
    /// Safe to call more than once and from any thread.
    /// </summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (!_stopRequested && !_destroyed)
            {
                _library.Exit(_fuse);

                // libfuse's workers notice the exit flag only after their next request, and unmounting a busy
                // mount would not wake them: a statfs, never cached by the kernel, is such a request.
                var current = CurrentMountPoint;
                new Thread(() => LibC.StatFileSystem(current)) { IsBackground = true, Name = "padofs-fuse-wake" }.Start();
            }

            _stopRequested = true;
        }

        if (!_loop.Join(_options.StopTimeout))
        {
            FuseLog.StopTimedOut(_logger, MountPoint, _options.StopTimeout);
            TryUnmount(out _);
        }
    }

    public void Dispose() => Stop();

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private void Serve()
    {
        var status = 0;
        Exception? failure = null;
        try
        {
            status = _library.LoopMultiThreaded(_fuse, _options.MaxThreads);
        }
        catch (Exception exception)
        {
            failure = exception;
            FuseLog.LoopThrew(_logger, MountPoint, exception);
        }

        bool stopRequested;
        lock (_gate)
        {
            stopRequested = _stopRequested;
            _destroyed = true;

            // Closes /dev/fuse: the kernel aborts whatever a detached mount's users still wait for.
            _library.Destroy(_fuse);
        }

        _fileSystem.OpenNodes.CloseAll();
        _fileSystemHandle.Dispose();
        if (TryUnmount(out var unmountedAt))
        {
            FuseLog.Unmounted(_logger, unmountedAt);
        }

        if (status != 0 && !stopRequested)
        {
            FuseLog.LoopFailed(_logger, MountPoint, status);
            failure ??= new FuseMountException($"The FUSE loop of {MountPoint} ended with status {status}.");
        }

        if (failure is null)
        {
            _completion.TrySetResult();
        }
        else
        {
            _completion.TrySetException(failure);
        }
    }

    // Runs on the loop's own thread too, where an exception would end the process: failures are logged instead.
    private bool TryUnmount(out string unmountedAt)
    {
        unmountedAt = MountPoint;
        try
        {
            var errno = Unmounter.UnmountWherever(_mounted, out unmountedAt);
            if (errno != 0)
            {
                FuseLog.UnmountFailed(_logger, unmountedAt, errno);
            }

            return errno == 0;
        }
        catch (Exception exception)
        {
            FuseLog.UnmountThrew(_logger, MountPoint, exception);
            return false;
        }
    }

    private static void* CreateSession(LibFuse library, FuseMountOptions options, GCHandle<FuseFileSystem> handle)
    {
        // macFUSE's mount tool ignores subtype and takes no max_read: its reads are sized by its own iosize.
        var mountOptions = (FusePlatform.IsMacFuse
                ? $"fsname={FileSystemName},volname={FileSystemName}"
                : $"fsname={FileSystemName},subtype={FileSystemName},max_read={FuseFileSystem.MaxRead}")
            + (options.ReadOnly ? ",ro" : string.Empty)
            + (options.AllowOther ? ",allow_other,default_permissions" : string.Empty)
            + (options.Debug ? ",debug" : string.Empty);
        using var program = new NativeString(FileSystemName);
        using var optionFlag = new NativeString("-o");
        using var optionList = new NativeString(mountOptions);
        var argv = stackalloc byte*[] { program.Pointer, optionFlag.Pointer, optionList.Pointer, null };
        var args = new FuseArgs { Count = 3, Values = argv, Allocated = 0 };
        var userData = (void*)GCHandle<FuseFileSystem>.ToIntPtr(handle);
        try
        {
            if (FusePlatform.IsMacFuse)
            {
                var darwinOperations = FuseCallbacks.CreateDarwinTable();
                return library.New(&args, &darwinOperations, (nuint)sizeof(DarwinFuseOperations), userData);
            }

            var operations = FuseCallbacks.CreateTable();
            return library.New(&args, &operations, (nuint)sizeof(FuseOperations), userData);
        }
        finally
        {
            // The option parser replaced args with a copy of its own; ours are freed by the usings.
            library.FreeArgs(&args);
        }
    }

    private static MountTableEntry MountEntry(LibFuse library, void* fuse, string path)
    {
        using var native = new NativeString(path);
        if (library.Mount(fuse, native.Pointer) != 0)
        {
            throw new FuseMountException($"libfuse could not mount {path}; its reason is on stderr.");
        }

        var entries = MountTable.At(path);
        if (entries.Count == 0 || entries[^1].FileSystemType != FileSystemType)
        {
            // The loop has not started, so libfuse's own unmount cannot race a worker.
            library.Unmount(fuse);
            throw new FuseMountException($"The mount at {path} does not appear in the mount table.");
        }

        return entries[^1];
    }
}
