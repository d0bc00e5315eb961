using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Images.Sources;

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
    private ByteSourceVersion? _openedSource;
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

    /// <summary>
    /// Takes the version of a fresh open, a local file's identity or a remote object's version: the first one is
    /// kept, any other is a change.
    /// </summary>
    /// <exception cref="SlideChangedException">the file or object opened now is not the one opened first.</exception>
    public void Confirm(FileIdentity? opened, ByteSourceVersion? source, string urlpath)
    {
        FileIdentity? first;
        ByteSourceVersion? firstSource;
        lock (_gate)
        {
            _opened ??= opened;
            _openedSource ??= source;
            first = _opened;
            firstSource = _openedSource;
        }

        if (opened is { } identity && first is { } earlier && earlier != identity)
        {
            throw new SlideChangedException(urlpath, identity.DescribeChangeFrom(earlier));
        }

        if (opened is null && source is { } now && firstSource is { } before && before != now)
        {
            throw new SlideChangedException(urlpath, $"the object is another version now ({now.Tag}, opened as {before.Tag})");
        }
    }

    /// <summary>Records the change; true only the first time, when it is to be reported.</summary>
    public bool MarkChanged(SlideChangedException changed) => Interlocked.CompareExchange(ref _changed, changed, null) is null;
}
