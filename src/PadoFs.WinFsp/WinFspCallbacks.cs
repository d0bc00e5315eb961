using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using PadoFs.WinFsp.Native;

namespace PadoFs.WinFsp;

/// <summary>
/// The entry points WinFsp's dispatcher calls. Each finds its <see cref="WinFspVolume"/> through the file system's
/// UserContext (or the open file's context) and turns every exception into an NTSTATUS: nothing managed crosses into
/// native code.
/// </summary>
internal static unsafe class WinFspCallbacks
{
    /// <summary>Where the callbacks log failures; set by the mount before the dispatcher starts.</summary>
    public static ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    public static FileSystemInterface CreateTable() => new()
    {
        GetVolumeInfo = (delegate* unmanaged<FileSystemHeader*, VolumeInfo*, int>)&GetVolumeInfo,
        GetSecurityByName = (delegate* unmanaged<FileSystemHeader*, char*, uint*, byte*, nuint*, int>)&GetSecurityByName,
        Open = (delegate* unmanaged<FileSystemHeader*, char*, uint, uint, nint*, FspFileInfo*, int>)&Open,
        Close = (delegate* unmanaged<FileSystemHeader*, nint, void>)&Close,
        Read = (delegate* unmanaged<FileSystemHeader*, nint, byte*, ulong, uint, uint*, int>)&Read,
        GetFileInfo = (delegate* unmanaged<FileSystemHeader*, nint, FspFileInfo*, int>)&GetFileInfo,
        ReadDirectory = (delegate* unmanaged<FileSystemHeader*, nint, char*, char*, byte*, uint, uint*, int>)&ReadDirectory,
    };

    [UnmanagedCallersOnly]
    private static int GetVolumeInfo(FileSystemHeader* fileSystem, VolumeInfo* info)
    {
        try
        {
            return VolumeOf(fileSystem).GetVolumeInfo(out *info);
        }
        catch (Exception exception)
        {
            return Fail("GetVolumeInfo", "\\", exception);
        }
    }

    [UnmanagedCallersOnly]
    private static int GetSecurityByName(FileSystemHeader* fileSystem, char* fileName, uint* attributes, byte* descriptor, nuint* descriptorSize)
    {
        var name = new string(fileName);
        try
        {
            nuint size = descriptorSize is null ? 0 : *descriptorSize;
            var status = VolumeOf(fileSystem).GetSecurityByName(name, out var found, new Span<byte>(descriptor, descriptor is null ? 0 : (int)size), ref size, descriptorSize is not null);
            if (attributes is not null)
            {
                *attributes = found;
            }

            if (descriptorSize is not null)
            {
                *descriptorSize = size;
            }

            return status;
        }
        catch (Exception exception)
        {
            return Fail("GetSecurityByName", name, exception);
        }
    }

    [UnmanagedCallersOnly]
    private static int Open(FileSystemHeader* fileSystem, char* fileName, uint createOptions, uint grantedAccess, nint* fileContext, FspFileInfo* info)
    {
        var name = new string(fileName);
        try
        {
            var status = VolumeOf(fileSystem).Open(name, createOptions, out var opened, out *info);
            if (opened is not null)
            {
                *fileContext = GCHandle<OpenedNode>.ToIntPtr(new GCHandle<OpenedNode>(opened));
            }

            return status;
        }
        catch (Exception exception)
        {
            return Fail("Open", name, exception);
        }
    }

    [UnmanagedCallersOnly]
    private static void Close(FileSystemHeader* fileSystem, nint fileContext)
    {
        if (fileContext != 0)
        {
            GCHandle<OpenedNode>.FromIntPtr(fileContext).Dispose();
        }
    }

    [UnmanagedCallersOnly]
    private static int Read(FileSystemHeader* fileSystem, nint fileContext, byte* buffer, ulong offset, uint length, uint* transferred)
    {
        var opened = OpenedOf(fileContext);
        try
        {
            var status = WinFspVolume.Read(opened, offset > long.MaxValue ? long.MaxValue : (long)offset, new Span<byte>(buffer, (int)Math.Min(length, int.MaxValue)), out var count);
            *transferred = (uint)count;
            return status;
        }
        catch (Exception exception)
        {
            return Fail("Read", opened.Node.Name, exception);
        }
    }

    [UnmanagedCallersOnly]
    private static int GetFileInfo(FileSystemHeader* fileSystem, nint fileContext, FspFileInfo* info)
    {
        var opened = OpenedOf(fileContext);
        try
        {
            return VolumeOf(fileSystem).GetFileInfo(opened, out *info);
        }
        catch (Exception exception)
        {
            return Fail("GetFileInfo", opened.Node.Name, exception);
        }
    }

    [UnmanagedCallersOnly]
    private static int ReadDirectory(FileSystemHeader* fileSystem, nint fileContext, char* pattern, char* marker, byte* buffer, uint length, uint* transferred)
    {
        var opened = OpenedOf(fileContext);
        try
        {
            var status = VolumeOf(fileSystem).ReadDirectory(opened, marker is null ? null : new string(marker), new Span<byte>(buffer, (int)Math.Min(length, int.MaxValue)), out var count);
            *transferred = (uint)count;
            return status;
        }
        catch (Exception exception)
        {
            return Fail("ReadDirectory", opened.Node.Name, exception);
        }
    }

    private static WinFspVolume VolumeOf(FileSystemHeader* fileSystem) =>
        GCHandle<WinFspVolume>.FromIntPtr((nint)fileSystem->UserContext).Target;

    private static OpenedNode OpenedOf(nint fileContext) => GCHandle<OpenedNode>.FromIntPtr(fileContext).Target;

    private static int Fail(string operation, string name, Exception exception)
    {
        WinFspLog.CallbackFailed(Logger, operation, name, exception.Message);
        return exception is FileNotFoundException or DirectoryNotFoundException ? NtStatus.ObjectNameNotFound : NtStatus.IoDeviceError;
    }
}
