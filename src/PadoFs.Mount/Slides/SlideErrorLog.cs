using System.Collections.Concurrent;

namespace PadoFs.Mount.Slides;

/// <summary>The latest failure of every slide that failed, kept for <c>.padofs/errors.json</c>.</summary>
public sealed class SlideErrorLog
{
    private readonly ConcurrentDictionary<string, SlideError> _latest = new(StringComparer.Ordinal);
    private long _count;

    /// <summary>Failures since the mount started, all slides together.</summary>
    public long Count => Interlocked.Read(ref _count);

    public void Add(SlideError error)
    {
        Interlocked.Increment(ref _count);
        _latest[error.Folder] = error;
    }

    public IReadOnlyList<SlideError> Snapshot()
    {
        var errors = _latest.Values.ToList();
        errors.Sort(static (a, b) => string.CompareOrdinal(a.Folder, b.Folder));
        return errors;
    }
}
