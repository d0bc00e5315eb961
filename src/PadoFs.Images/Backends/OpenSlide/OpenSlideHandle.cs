using Microsoft.Win32.SafeHandles;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// An <c>openslide_t*</c>. Its reference count is what keeps <c>openslide_close</c> from running while a read is
/// still inside the library: every call holds a reference, and closing waits for the last one to be released.
/// </summary>
internal sealed class OpenSlideHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public OpenSlideHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        OpenSlideNative.Close(handle);
        return true;
    }
}
