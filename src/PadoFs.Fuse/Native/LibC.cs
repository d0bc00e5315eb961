using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>
/// The few C library calls the adapter makes around a mount: unmounting, statvfs, realpath, the process ids, and on
/// macOS the mount list. glibc on Linux; libSystem on macOS, where unmount(2) takes the place of umount2(2) and
/// x86_64 keeps the realpath that allocates under the name realpath$DARWIN_EXTSN.
/// </summary>
internal static unsafe class LibC
{
    private static readonly nint s_library = NativeLibrary.Load(FusePlatform.IsMacFuse ? "/usr/lib/libSystem.B.dylib" : "libc.so.6");
    private static readonly delegate* unmanaged[Cdecl]<byte*, int, int> s_unmount = (delegate* unmanaged[Cdecl]<byte*, int, int>)Export(FusePlatform.IsMacFuse ? "unmount" : "umount2");
    private static readonly delegate* unmanaged[Cdecl]<byte*, void*, int> s_statvfs = (delegate* unmanaged[Cdecl]<byte*, void*, int>)Export("statvfs");
    private static readonly delegate* unmanaged[Cdecl]<byte*, byte*, byte*> s_realpath = (delegate* unmanaged[Cdecl]<byte*, byte*, byte*>)Export(FusePlatform.IsMacFuse ? ["realpath$DARWIN_EXTSN", "realpath"] : ["realpath"]);
    private static readonly delegate* unmanaged[Cdecl]<void*, void> s_free = (delegate* unmanaged[Cdecl]<void*, void>)Export("free");
    private static readonly delegate* unmanaged[Cdecl]<uint> s_geteuid = (delegate* unmanaged[Cdecl]<uint>)Export("geteuid");
    private static readonly delegate* unmanaged[Cdecl]<uint> s_getegid = (delegate* unmanaged[Cdecl]<uint>)Export("getegid");

    public static uint EffectiveUserId => s_geteuid();

    public static uint EffectiveGroupId => s_getegid();

    /// <summary>umount2(2) on Linux, unmount(2) on macOS; returns 0 or the errno.</summary>
    public static int Unmount(string path, int flags)
    {
        using var native = new NativeString(path);
        return WithErrno(s_unmount(native.Pointer, flags));
    }

    /// <summary>statvfs(3) of <paramref name="path"/>; returns 0 or the errno.</summary>
    public static int StatFileSystem(string path)
    {
        using var native = new NativeString(path);
        var result = stackalloc byte[Math.Max(sizeof(NativeStatVfs), sizeof(Darwin.DarwinStatVfs))];
        return WithErrno(s_statvfs(native.Pointer, result));
    }

    /// <summary>
    /// getfsstat(2) of macOS: every mounted filesystem, without waiting for any of them. x86_64 has the
    /// 64-bit-inode struct statfs under getfsstat$INODE64; arm64 has no other.
    /// </summary>
    public static Darwin.DarwinStatFs[] MountedFileSystems()
    {
        var getfsstat = (delegate* unmanaged[Cdecl]<Darwin.DarwinStatFs*, int, int, int>)Export(["getfsstat$INODE64", "getfsstat"]);
        for (var capacity = Math.Max(getfsstat(null, 0, Darwin.DarwinFileModes.MNT_NOWAIT), 0) + 8; ; capacity *= 2)
        {
            var entries = new Darwin.DarwinStatFs[capacity];
            int count;
            fixed (Darwin.DarwinStatFs* buffer = entries)
            {
                count = getfsstat(buffer, checked(capacity * sizeof(Darwin.DarwinStatFs)), Darwin.DarwinFileModes.MNT_NOWAIT);
            }

            if (count < 0)
            {
                throw new IOException($"getfsstat failed with errno {Marshal.GetLastSystemError()}.");
            }

            // A full buffer may have cut the list short: ask again with more room.
            if (count < capacity)
            {
                return entries[..count];
            }
        }
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

    private static nint Export(string[] names)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryGetExport(s_library, name, out var address))
            {
                return address;
            }
        }

        throw new EntryPointNotFoundException($"The C library has none of {string.Join(", ", names)}.");
    }
}
