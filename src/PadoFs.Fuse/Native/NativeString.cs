using System.Runtime.InteropServices;

namespace PadoFs.Fuse.Native;

/// <summary>A NUL-terminated UTF-8 copy of a string in native memory, freed on dispose.</summary>
internal readonly unsafe struct NativeString : IDisposable
{
    public NativeString(string value)
    {
        Pointer = (byte*)Marshal.StringToCoTaskMemUTF8(value);
    }

    public byte* Pointer { get; }

    public void Dispose() => Marshal.FreeCoTaskMem((nint)Pointer);
}
