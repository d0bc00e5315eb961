using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>
/// The entry points of libfuse3's high-level API that the adapter calls, resolved from libfuse3.so.3 by their
/// versioned names (the unversioned ones are macros in the 3.14 headers).
/// </summary>
internal sealed unsafe class LibFuse
{
    public const string FileName = "libfuse3.so.3";

    private static readonly Lazy<LibFuse> s_shared = new(() => new LibFuse(LoadLibrary()));

    private readonly delegate* unmanaged[Cdecl]<FuseArgs*, FuseOperations*, nuint, void*, void*> _new;
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

    private LibFuse(nint library)
    {
        _new = (delegate* unmanaged[Cdecl]<FuseArgs*, FuseOperations*, nuint, void*, void*>)Export(library, "fuse_new_31");
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

    /// <summary>The loaded library; throws <see cref="DllNotFoundException"/> naming the Debian packages when it is missing.</summary>
    public static LibFuse Shared => s_shared.Value;

    public void* New(FuseArgs* args, FuseOperations* operations, void* userData) =>
        _new(args, operations, (nuint)sizeof(FuseOperations), userData);

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

    private static nint LoadLibrary()
    {
        if (NativeLibrary.TryLoad(FileName, out var library))
        {
            return library;
        }

        throw new DllNotFoundException(
            $"Cannot load {FileName}: FUSE 3 is not installed. On Debian install the packages fuse3 and libfuse3-3 "
            + "(apt-get install fuse3 libfuse3-3).");
    }

    private static nint Export(nint library, string name) =>
        NativeLibrary.TryGetExport(library, name, out var address)
            ? address
            : throw new EntryPointNotFoundException($"{FileName} has no {name}: libfuse 3.2 or newer is required.");
}
