using System.Runtime.InteropServices;

namespace PadoFs.WinFsp.Native;

/// <summary>The entry points of WinFsp's native API the adapter calls, resolved from the installed DLL.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("windows")]
internal sealed unsafe class WinFspLibrary
{
    /// <summary>FSP_FSCTL_DISK_DEVICE_NAME: a volume that shows as a local disk.</summary>
    public const string DiskDevice = "WinFsp.Disk";

    private static readonly Lazy<WinFspLibrary> s_shared = new(() => new WinFspLibrary(NativeLibrary.Load(WinFspLibraryPath.Installed())));

    private readonly delegate* unmanaged<char*, VolumeParams*, FileSystemInterface*, void**, int> _create;
    private readonly delegate* unmanaged<void*, void> _delete;
    private readonly delegate* unmanaged<void*, char*, int> _setMountPoint;
    private readonly delegate* unmanaged<void*, void> _removeMountPoint;
    private readonly delegate* unmanaged<void*, uint, int> _startDispatcher;
    private readonly delegate* unmanaged<void*, void> _stopDispatcher;

    private WinFspLibrary(nint library)
    {
        _create = (delegate* unmanaged<char*, VolumeParams*, FileSystemInterface*, void**, int>)NativeLibrary.GetExport(library, "FspFileSystemCreate");
        _delete = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(library, "FspFileSystemDelete");
        _setMountPoint = (delegate* unmanaged<void*, char*, int>)NativeLibrary.GetExport(library, "FspFileSystemSetMountPoint");
        _removeMountPoint = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(library, "FspFileSystemRemoveMountPoint");
        _startDispatcher = (delegate* unmanaged<void*, uint, int>)NativeLibrary.GetExport(library, "FspFileSystemStartDispatcher");
        _stopDispatcher = (delegate* unmanaged<void*, void>)NativeLibrary.GetExport(library, "FspFileSystemStopDispatcher");
    }

    /// <summary>The loaded library; throws <see cref="DllNotFoundException"/> saying how to install WinFsp when it is missing.</summary>
    public static WinFspLibrary Shared => s_shared.Value;

    /// <summary>FspFileSystemCreate; the interface must stay at its address until the file system is deleted.</summary>
    public int Create(VolumeParams* parameters, FileSystemInterface* callbacks, out void* fileSystem)
    {
        void* created = null;
        int status;
        fixed (char* device = DiskDevice)
        {
            status = _create(device, parameters, callbacks, &created);
        }

        fileSystem = created;
        return status;
    }

    public void Delete(void* fileSystem) => _delete(fileSystem);

    /// <summary>FspFileSystemSetMountPoint: a drive letter ("Z:"), or null for the first free one.</summary>
    public int SetMountPoint(void* fileSystem, string? mountPoint)
    {
        fixed (char* point = mountPoint)
        {
            return _setMountPoint(fileSystem, point);
        }
    }

    public void RemoveMountPoint(void* fileSystem) => _removeMountPoint(fileSystem);

    public int StartDispatcher(void* fileSystem, uint threads) => _startDispatcher(fileSystem, threads);

    public void StopDispatcher(void* fileSystem) => _stopDispatcher(fileSystem);
}
