using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>
/// The entry points of libfuse3's high-level API that the adapter calls, resolved by their versioned names (the
/// unversioned ones are macros in the headers): from libfuse3.so.3 on Linux, from macFUSE's libfuse3.4.dylib on macOS.
/// macFUSE's library has no symbol versions; its plain fuse_new_31 is the compatibility entry point that passes
/// libfuse a zeroed libfuse_version, so the Darwin extensions stay off and the callbacks take the plain struct stat
/// (never observed here: no Mac runs these tests).
/// </summary>
internal sealed unsafe class LibFuse
{
    private static readonly Lazy<LibFuse> s_shared = new(() => new LibFuse(Load(FusePlatform.IsMacFuse), FusePlatform.IsMacFuse));

    private readonly bool _macFuse;
    private readonly delegate* unmanaged[Cdecl]<FuseArgs*, void*, nuint, void*, void*> _new;
    private readonly delegate* unmanaged[Cdecl]<void*, byte*, int> _mount;
    private readonly delegate* unmanaged[Cdecl]<void*, void> _unmount;
    private readonly delegate* unmanaged[Cdecl]<void*, void> _destroy;
    private readonly delegate* unmanaged[Cdecl]<void*, void> _exit;
    private readonly delegate* unmanaged[Cdecl]<FuseContext*> _getContext;
    private readonly delegate* unmanaged[Cdecl]<FuseArgs*, void> _freeArgs;

    // libfuse >= 3.12: fuse_loop_mt_312 with an opaque config made by fuse_loop_cfg_create.
    private readonly delegate* unmanaged[Cdecl]<void*, void*, int> _loopMt312;
    private readonly delegate* unmanaged[Cdecl]<void*> _loopConfigCreate;
    private readonly delegate* unmanaged[Cdecl]<void*, void> _loopConfigDestroy;
    private readonly delegate* unmanaged[Cdecl]<void*, uint, void> _loopConfigSetMaxThreads;

    // libfuse 3.2 - 3.11: fuse_loop_mt_31(fuse, clone_fd) with libfuse's default thread limit.
    private readonly delegate* unmanaged[Cdecl]<void*, int, int> _loopMt31;

    private LibFuse(nint library, bool macFuse)
    {
        _macFuse = macFuse;
        _new = (delegate* unmanaged[Cdecl]<FuseArgs*, void*, nuint, void*, void*>)Export(library, "fuse_new_31");
        _mount = (delegate* unmanaged[Cdecl]<void*, byte*, int>)Export(library, "fuse_mount");
        _unmount = (delegate* unmanaged[Cdecl]<void*, void>)Export(library, "fuse_unmount");
        _destroy = (delegate* unmanaged[Cdecl]<void*, void>)Export(library, "fuse_destroy");
        _exit = (delegate* unmanaged[Cdecl]<void*, void>)Export(library, "fuse_exit");
        _getContext = (delegate* unmanaged[Cdecl]<FuseContext*>)Export(library, "fuse_get_context");
        _freeArgs = (delegate* unmanaged[Cdecl]<FuseArgs*, void>)Export(library, "fuse_opt_free_args");

        if (NativeLibrary.TryGetExport(library, "fuse_loop_mt_312", out var loopMt312)
            && NativeLibrary.TryGetExport(library, "fuse_loop_cfg_create", out var create)
            && NativeLibrary.TryGetExport(library, "fuse_loop_cfg_destroy", out var destroy)
            && NativeLibrary.TryGetExport(library, "fuse_loop_cfg_set_max_threads", out var setMaxThreads))
        {
            _loopMt312 = (delegate* unmanaged[Cdecl]<void*, void*, int>)loopMt312;
            _loopConfigCreate = (delegate* unmanaged[Cdecl]<void*>)create;
            _loopConfigDestroy = (delegate* unmanaged[Cdecl]<void*, void>)destroy;
            _loopConfigSetMaxThreads = (delegate* unmanaged[Cdecl]<void*, uint, void>)setMaxThreads;
        }
        else
        {
            _loopMt31 = (delegate* unmanaged[Cdecl]<void*, int, int>)Export(library, "fuse_loop_mt_31");
        }
    }

    /// <summary>
    /// The loaded library; throws <see cref="DllNotFoundException"/> naming what to install (the Debian packages, or
    /// macFUSE) when it is missing.
    /// </summary>
    public static LibFuse Shared => s_shared.Value;

    /// <summary>
    /// Where the library is looked for, in order. macFUSE installs into /usr/local/lib, which dlopen does not search
    /// by itself on macOS; the bare name then follows DYLD_LIBRARY_PATH and the default fallback paths.
    /// </summary>
    public static IReadOnlyList<string> Candidates(bool macFuse) => macFuse
        ? ["/usr/local/lib/libfuse3.4.dylib", "libfuse3.4.dylib", "/usr/local/lib/libfuse3.dylib"]
        : ["libfuse3.so.3"];

    /// <summary>The one line a missing library is reported with.</summary>
    public static string MissingMessage(bool macFuse) => macFuse
        ? $"Cannot load macFUSE's libfuse3 (looked for {string.Join(", ", Candidates(macFuse))}): macFUSE 4.10 or newer "
            + "is not installed. Install macFUSE from macfuse.github.io."
        : "Cannot load libfuse3.so.3: FUSE 3 is not installed. On Debian install the packages fuse3 and libfuse3-3 "
            + "(apt-get install fuse3 libfuse3-3).";

    /// <summary>Loads the first candidate that loads; throws <see cref="DllNotFoundException"/> with <see cref="MissingMessage"/>.</summary>
    public static nint Load(bool macFuse)
    {
        foreach (var candidate in Candidates(macFuse))
        {
            if (NativeLibrary.TryLoad(candidate, out var library))
            {
                return library;
            }
        }

        throw new DllNotFoundException(MissingMessage(macFuse));
    }

    /// <summary>libfuse copies the first <paramref name="size"/> bytes of the table, so it must be the platform's.</summary>
    public void* New(FuseArgs* args, void* operations, nuint size, void* userData) =>
        _new(args, operations, size, userData);

    public int Mount(void* fuse, byte* mountPoint) => _mount(fuse, mountPoint);

    public void Unmount(void* fuse) => _unmount(fuse);

    public void Destroy(void* fuse) => _destroy(fuse);

    public void Exit(void* fuse) => _exit(fuse);

    public FuseContext* GetContext() => _getContext();

    public void FreeArgs(FuseArgs* args) => _freeArgs(args);

    /// <summary>Serves requests on worker threads until the session exits; returns libfuse's status (0 when clean).</summary>
    public int LoopMultiThreaded(void* fuse, int maxThreads)
    {
        if (_loopMt312 is null)
        {
            return _loopMt31(fuse, 0);
        }

        var config = _loopConfigCreate();
        if (config is null)
        {
            return _loopMt312(fuse, null);
        }

        try
        {
            _loopConfigSetMaxThreads(config, (uint)maxThreads);
            return _loopMt312(fuse, config);
        }
        finally
        {
            _loopConfigDestroy(config);
        }
    }

    private nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new EntryPointNotFoundException(_macFuse
                ? $"macFUSE's libfuse3 has no {name}: macFUSE 4.10 or newer is required."
                : $"libfuse3.so.3 has no {name}: libfuse 3.2 or newer is required.");
}
