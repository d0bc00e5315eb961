using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using PadoFs.Mount.Session;
using PadoFs.Mount.Tree;
using PadoFs.WinFsp.Native;

namespace PadoFs.WinFsp;

/// <summary>
/// A <see cref="MountTree"/> mounted as a read-only Windows volume through WinFsp's native API, served by WinFsp's
/// dispatcher threads until disposed. Names the volume cannot show are refused before mounting (<see cref="WindowsNames"/>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
public sealed unsafe class WinFspMount : IMountAdapter
{
    private const string FileSystemName = "PadoFs";

    private readonly WinFspLibrary _library;
    private readonly void* _fileSystem;
    private readonly GCHandle<WinFspVolume> _volume;
    private readonly FileSystemInterface* _callbacks;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _disposed;

    private WinFspMount(WinFspLibrary library, void* fileSystem, GCHandle<WinFspVolume> volume, FileSystemInterface* callbacks, string mountPoint)
    {
        _library = library;
        _fileSystem = fileSystem;
        _volume = volume;
        _callbacks = callbacks;
        MountPoint = mountPoint;
    }

    /// <summary>The drive letter asked for ("Z:"), or "*" for the first free one.</summary>
    public string MountPoint { get; }

    public string Description => $"WinFsp at {MountPoint}";

    public Task Completion => _completion.Task;

    public string EndedReason => "the WinFsp volume was removed";

    /// <summary>
    /// Checks the tree's names, then mounts it at <paramref name="mountPoint"/> ("Z:", or "*" for a free letter) and
    /// returns once WinFsp's dispatcher serves it.
    /// </summary>
    /// <exception cref="WindowsNameException">names Windows cannot show, all listed.</exception>
    /// <exception cref="DllNotFoundException">WinFsp is not installed.</exception>
    /// <exception cref="IOException">WinFsp refused to create, mount or serve the volume (its NTSTATUS is named).</exception>
    public static WinFspMount Mount(MountTree tree, string mountPoint, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(logger);
        WindowsNames.ThrowIfInvalid(tree);
        var library = WinFspLibrary.Shared;
        WinFspCallbacks.Logger = logger;

        var parameters = VolumeParameters.For(tree.Root.Modified, FileSystemName);
        var callbacks = (FileSystemInterface*)NativeMemory.AllocZeroed((nuint)sizeof(FileSystemInterface));
        *callbacks = WinFspCallbacks.CreateTable();
        var volume = new GCHandle<WinFspVolume>(new WinFspVolume(tree, WinFspVolume.DefaultLabel));
        var status = library.Create(&parameters, callbacks, out var fileSystem);
        if (status != NtStatus.Success)
        {
            volume.Dispose();
            NativeMemory.Free(callbacks);
            throw new IOException($"WinFsp could not create the volume (NTSTATUS 0x{status:X8}).");
        }

        ((FileSystemHeader*)fileSystem)->UserContext = (void*)GCHandle<WinFspVolume>.ToIntPtr(volume);
        var mount = new WinFspMount(library, fileSystem, volume, callbacks, mountPoint);
        status = library.SetMountPoint(fileSystem, mountPoint == "*" ? null : mountPoint);
        if (status == NtStatus.Success)
        {
            status = library.StartDispatcher(fileSystem, 0);
        }

        if (status != NtStatus.Success)
        {
            mount.Release();
            throw new IOException($"WinFsp could not mount the volume at {mountPoint} (NTSTATUS 0x{status:X8}).");
        }

        WinFspLog.Mounted(logger, mountPoint, WinFspVolume.DefaultLabel);
        return mount;
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
            _completion.TrySetResult();
        }

        return ValueTask.CompletedTask;
    }

    private void Release()
    {
        _library.StopDispatcher(_fileSystem);
        _library.RemoveMountPoint(_fileSystem);
        _library.Delete(_fileSystem);
        _volume.Dispose();
        NativeMemory.Free(_callbacks);
    }
}
