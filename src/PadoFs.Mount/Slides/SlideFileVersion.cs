using PadoFs.Images.Errors;
using PadoFs.Images.Files;

namespace PadoFs.Mount.Slides;

/// <summary>
/// The one version of its file a mounted slide serves: fixed by the first open, and changed for good once a read
/// finds the path naming another version. A mounted slide's listed sizes and cached chunks belong to that version,
/// so it is never reopened as another file.
/// </summary>
internal sealed class SlideFileVersion
{
    private readonly Lock _gate = new();
    private FileIdentity? _opened;
    private SlideChangedException? _changed;

    public FileIdentity? Opened
    {
        get
        {
            lock (_gate)
            {
                return _opened;
            }
        }
    }

    /// <exception cref="MountFailureException">the file changed (<see cref="MountFailureKind.ReadFailed"/>), logged already.</exception>
    public void ThrowIfChanged()
    {
        if (Volatile.Read(ref _changed) is { } changed)
        {
            throw MountFailureException.From(changed);
        }
    }

    /// <summary>Takes the identity of a fresh open: the first one is kept, any other is a change.</summary>
    /// <exception cref="SlideChangedException">the file opened now is not the one opened first.</exception>
    public void Confirm(FileIdentity? opened, string urlpath)
    {
        if (opened is not { } identity)
        {
            return;
        }

        FileIdentity first;
        lock (_gate)
        {
            _opened ??= identity;
            first = _opened.Value;
        }

        if (first != identity)
        {
            throw new SlideChangedException(urlpath, identity.DescribeChangeFrom(first));
        }
    }

    /// <summary>Records the change; true only the first time, when it is to be reported.</summary>
    public bool MarkChanged(SlideChangedException changed) => Interlocked.CompareExchange(ref _changed, changed, null) is null;
}
