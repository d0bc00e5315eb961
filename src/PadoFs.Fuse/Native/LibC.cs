using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>The few glibc calls the adapter makes around a mount: unmounting, statvfs, realpath and the process ids.</summary>
internal static unsafe class LibC
{
    private const string FileName = "libc.so.6";

    private static readonly nint s_library = NativeLibrary.Load(FileName);
    private static readonly delegate* unmanaged[Cdecl]<byte*, int, int> s_umount2 = (delegate* unmanaged[Cdecl]<byte*, int, int>)Export("umount2");
    private static readonly delegate* unmanaged[Cdecl]<byte*, NativeStatVfs*, int> s_statvfs = (delegate* unmanaged[Cdecl]<byte*, NativeStatVfs*, int>)Export("statvfs");
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, byte*> s_realpath = (delegate* unmanaged[Cdecl]<byte*, byte*, byte*>)Export("realpath");
    private static readonly delegate* unmanaged[Cdecl]<void*, void> s_free = (delegate* unmanaged[Cdecl]<void*, void>)Export("free");
    private static readonly delegate* unmanaged[Cdecl]<uint> s_geteuid = (delegate* unmanaged[Cdecl]<uint>)Export("geteuid");
    private static readonly delegate* unmanaged[Cdecl]<uint> s_getegid = (delegate* unmanaged[Cdecl]<uint>)Export("getegid");

    public static uint EffectiveUserId => s_geteuid();

    public static uint EffectiveGroupId => s_getegid();

    /// <summary>umount2(2); returns 0 or the errno.</summary>
    public static int Unmount(string path, int flags)
    {
        using var native = new NativeString(path);
        return WithErrno(s_umount2(native.Pointer, flags));
    }

    /// <summary>statvfs(3) of <paramref name="path"/>; returns 0 or the errno.</summary>
    public static int StatFileSystem(string path)
    {
        using var native = new NativeString(path);
        NativeStatVfs result;
        return WithErrno(s_statvfs(native.Pointer, &result));
    }

    /// <summary>realpath(3): the canonical absolute path, or null when it cannot be resolved.</summary>
    public static string? RealPath(string path)
    {
        using var native = new NativeString(path);
        var resolved = s_realpath(native.Pointer, null);
        if (resolved is null)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8((nint)resolved);
        }
        finally
        {
            s_free(resolved);
        }
    }

    private static int WithErrno(int result)
    {
        // Read right after the call, before anything else on this thread can overwrite errno.
        var errno = Marshal.GetLastSystemError();
        return result == 0 ? 0 : errno;
    }

    private static nint Export(string name) => NativeLibrary.GetExport(s_library, name);
}
