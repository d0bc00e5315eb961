using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using PadoFs.Fuse.Native;
using PadoFs.Fuse.Native.Darwin;
using PadoFs.Mount.Tree;

namespace PadoFs.Fuse;

/// <summary>
/// The entry points libfuse calls. Each finds its mount's <see cref="FuseFileSystem"/> through the request context
/// (or the open handle) and turns every exception into an errno: nothing managed crosses into native code.
/// </summary>
internal static unsafe class FuseCallbacks
{
    public static FuseOperations CreateTable() => new()
    {
        Init = &Init,
        GetAttributes = &GetAttributes,
        Access = &Access,
        Open = &Open,
        Read = &Read,
        Release = &Release,
        OpenDirectory = &OpenDirectory,
        ReadDirectory = &ReadDirectory,
        ReleaseDirectory = &Release,
        StatFileSystem = &StatFileSystem,
        MakeNode = &WriteRefusals.MakeNode,
        MakeDirectory = &WriteRefusals.MakeDirectory,
        Unlink = &WriteRefusals.Remove,
        RemoveDirectory = &WriteRefusals.Remove,
        SymbolicLink = &WriteRefusals.Link,
        Rename = &WriteRefusals.Rename,
        Link = &WriteRefusals.Link,
        ChangeMode = &WriteRefusals.ChangeMode,
        ChangeOwner = &WriteRefusals.ChangeOwner,
        Truncate = &WriteRefusals.Truncate,
        Write = &WriteRefusals.Write,
        SetExtendedAttribute = &WriteRefusals.SetExtendedAttribute,
        RemoveExtendedAttribute = &WriteRefusals.RemoveExtendedAttribute,
        Create = &WriteRefusals.Create,
        SetTimes = &WriteRefusals.SetTimes,
        WriteBuffer = &WriteRefusals.WriteBuffer,
        Allocate = &WriteRefusals.Allocate,
        CopyFileRange = &WriteRefusals.CopyFileRange,
    };

    /// <summary>The same table in macFUSE's layout, with its own writing operations refused as well.</summary>
    public static DarwinFuseOperations CreateDarwinTable()
    {
        var table = DarwinFuseOperations.Extending(CreateTable());
        table.SetAttributes = &WriteRefusals.SetAttributes;
        table.ChangeFlags = &WriteRefusals.ChangeFlags;
        table.SetVolumeName = &WriteRefusals.SetVolumeName;
        return table;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void* Init(FuseConnectionInfo* connection, void* config)
    {
        var privateData = LibFuse.Shared.GetContext()->PrivateData;
        try
        {
            FileSystemOf(privateData).Initialize(connection, config);
        }
        catch (Exception exception)
        {
            Fail("init", "/", exception);
        }

        // libfuse hands this value to every later request as the context's private data.
        return privateData;
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int GetAttributes(byte* path, void* stat, FuseFileInfo* info)
    {
        try
        {
            return path is null ? -Errno.ENOENT : Current().GetAttributes(PathOf(path), stat);
        }
        catch (Exception exception)
        {
            return Fail("getattr", path, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Access(byte* path, int mask)
    {
        try
        {
            return path is null ? -Errno.ENOENT : Current().Access(PathOf(path), mask);
        }
        catch (Exception exception)
        {
            return Fail("access", path, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Open(byte* path, FuseFileInfo* info)
    {
        try
        {
            return path is null ? -Errno.ENOENT : Current().Open(PathOf(path), info);
        }
        catch (Exception exception)
        {
            return Fail("open", path, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Read(byte* path, byte* buffer, nuint size, long offset, FuseFileInfo* info)
    {
        try
        {
            var file = (MountFile)OpenNode.Get(info->FileHandle).Node;
            return FuseFileSystem.Read(file, offset, new Span<byte>(buffer, checked((int)size)));
        }
        catch (Exception exception)
        {
            return Fail("read", info->FileHandle, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Release(byte* path, FuseFileInfo* info)
    {
        try
        {
            Current().OpenNodes.Close(info->FileHandle);
            return 0;
        }
        catch (Exception exception)
        {
            return Fail("release", path, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OpenDirectory(byte* path, FuseFileInfo* info)
    {
        try
        {
            return path is null ? -Errno.ENOENT : Current().OpenDirectory(PathOf(path), info);
        }
        catch (Exception exception)
        {
            return Fail("opendir", path, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int ReadDirectory(
        byte* path,
        void* buffer,
        delegate* unmanaged[Cdecl]<void*, byte*, void*, long, int, int> fill,
        long offset,
        FuseFileInfo* info,
        int flags)
    {
        try
        {
            var directory = (MountDirectory)OpenNode.Get(info->FileHandle).Node;
            return FuseFileSystem.ReadDirectory(directory, buffer, fill);
        }
        catch (Exception exception)
        {
            return Fail("readdir", info->FileHandle, exception);
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int StatFileSystem(byte* path, void* statistics)
    {
        FuseFileSystem.FillFileSystemStatistics(statistics);
        return 0;
    }

    private static FuseFileSystem Current() => FileSystemOf(LibFuse.Shared.GetContext()->PrivateData);

    private static FuseFileSystem FileSystemOf(void* privateData) =>
        GCHandle<FuseFileSystem>.FromIntPtr((nint)privateData).Target;

    private static string PathOf(byte* path) => Marshal.PtrToStringUTF8((nint)path) ?? "/";

    private static int Fail(string operation, byte* path, Exception exception) =>
        Fail(operation, path is null ? null : PathOf(path), exception);

    private static int Fail(string operation, ulong handle, Exception exception)
    {
        string? path = null;
        try
        {
            path = OpenNode.Get(handle).Path;
        }
        catch (Exception)
        {
            // The handle itself is what failed; the message still names the operation.
        }

        return Fail(operation, path, exception);
    }

    private static int Fail(string operation, string? path, Exception exception)
    {
        try
        {
            return Current().Fail(operation, path, exception);
        }
        catch (Exception)
        {
            return -Errno.EIO;
        }
    }
}
