using Microsoft.Extensions.Logging;
using PadoFs.Images;
using PadoFs.Mount.Caching;
using PadoFs.Mount.Configuration;

namespace PadoFs.Mount.Slides;

/// <summary>
/// Every image of the mount, and the bound on how many are open at once: after a slide opens beyond
/// <c>maxOpenSlides</c>, the least recently used idle slides are closed; <see cref="CloseIdle"/> closes the
/// ones unused for the idle timeout.
/// </summary>
public sealed class SlideRegistry
{
    private readonly int _maxOpen;
    private readonly TimeSpan _idleTimeout;
    private readonly MountedSlide[] _slides;
    private readonly ChunkCache _cache;
    private readonly bool _deriveBudget;
    private long _decodedBytes;

    public SlideRegistry(MountConfig config, ChunkCache cache, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(cache);
        _cache = cache;
        _deriveBudget = config.CacheBudgetBytes is null;
        _maxOpen = config.MaxOpenSlides;
        _idleTimeout = config.IdleTimeout;
        _slides = new MountedSlide[config.Images.Count];
        for (var i = 0; i < _slides.Length; i++)
        {
            _slides[i] = new MountedSlide(config.Images[i], this, cache, config.Layout, config.Format, logger);
        }
    }

    public IReadOnlyList<MountedSlide> Slides => _slides;

    public SlideErrorLog Errors { get; } = new();

    public int OpenCount
    {
        get
        {
            var open = 0;
            foreach (var slide in _slides)
            {
                open += slide.IsOpen ? 1 : 0;
            }

            return open;
        }
    }

    /// <summary>Closes slides unused for longer than the idle timeout; returns how many.</summary>
    public int CloseIdle()
    {
        var threshold = DateTimeOffset.UtcNow.UtcTicks - _idleTimeout.Ticks;
        var closed = 0;
        foreach (var slide in _slides)
        {
            if (slide.IsOpen && slide.LastUsedTicks < threshold && slide.TryCloseIdle())
            {
                closed++;
            }
        }

        return closed;
    }

    /// <summary>Grows a derived cache budget by what the newly opened slide's stored chunks take decoded (see <see cref="CacheBudget"/>).</summary>
    internal void OnStoreBuilt(Image image)
    {
        if (_deriveBudget)
        {
            var total = Interlocked.Add(ref _decodedBytes, CacheBudget.DecodedBytesOfStoredChunks(image));
            _cache.RaiseBudget(CacheBudget.Clamp(total));
        }
    }

    internal void OnOpened()
    {
        // Last-use times keep changing while this runs: sort a snapshot of them, not the live values.
        var open = new List<(long LastUsed, MountedSlide Slide)>();
        foreach (var slide in _slides)
        {
            if (slide.IsOpen)
            {
                open.Add((slide.LastUsedTicks, slide));
            }
        }

        if (open.Count <= _maxOpen)
        {
            return;
        }

        open.Sort(static (a, b) => a.LastUsed.CompareTo(b.LastUsed));
        var excess = open.Count - _maxOpen;
        foreach (var (_, slide) in open)
        {
            if (excess == 0)
            {
                break;
            }

            if (slide.TryCloseIdle())
            {
                excess--;
            }
        }
    }
}
