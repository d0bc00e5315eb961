namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Holds a reference on an <see cref="OpenSlideHandle"/> across a sequence of calls (a read and its error check),
/// so that disposing the backend meanwhile defers <c>openslide_close</c> instead of failing the sequence halfway.
/// </summary>
internal ref struct HandleLease
{
    private OpenSlideHandle? _handle;

    /// <exception cref="ObjectDisposedException">the handle is already closed.</exception>
    public HandleLease(OpenSlideHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        _handle = added ? handle : null;
    }

    public void Dispose()
    {
        _handle?.DangerousRelease();
        _handle = null;
    }
}
