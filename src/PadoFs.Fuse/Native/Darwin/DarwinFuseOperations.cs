using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native.Darwin;

/// <summary>
/// struct fuse_operations of macFUSE's libfuse3 with its Darwin extensions off: getattr, then macFUSE's setattr,
/// then every other slot of libfuse 3.14 in the same order with the same (vanilla) signatures, then chflags,
/// setvolname and monitor. The shared slots are one block copied from <see cref="FuseOperations"/>, which the
/// layout tests check slot by slot against macFUSE's order.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct DarwinFuseOperations
{
    /// <summary>The slots of libfuse 3.14 after getattr, readlink to lseek.</summary>
    public const int SharedSlotCount = 41;

    public delegate* unmanaged[Cdecl]<byte*, void*, FuseFileInfo*, int> GetAttributes;
    public delegate* unmanaged[Cdecl]<byte*, void*, int, FuseFileInfo*, int> SetAttributes;
    public fixed long SharedSlots[SharedSlotCount];
    public delegate* unmanaged[Cdecl]<byte*, FuseFileInfo*, uint, int> ChangeFlags;
    public delegate* unmanaged[Cdecl]<byte*, int> SetVolumeName;
    public delegate* unmanaged[Cdecl]<byte*, uint, void> Monitor;

    /// <summary><paramref name="shared"/>'s callbacks in this layout; setattr, chflags, setvolname and monitor stay empty.</summary>
    public static DarwinFuseOperations Extending(FuseOperations shared)
    {
        var darwin = new DarwinFuseOperations { GetAttributes = shared.GetAttributes };
        Buffer.MemoryCopy(&shared.ReadLink, darwin.SharedSlots, SharedSlotCount * sizeof(long), SharedSlotCount * sizeof(long));
        return darwin;
    }
}
