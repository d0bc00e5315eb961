using Microsoft.Extensions.Logging;
using PadoFs.Images;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Mount.Configuration;
using PadoFs.Zarr;
using PadoFs.Zarr.Caching;
using PadoFs.Zarr.Formats;
using PadoFs.Zarr.Stores;

namespace PadoFs.Mount.Slides;

/// <summary>
/// One image of the mount. Its zarr store is built on first access (which opens the slide) and kept; the
/// slide itself is closed when idle and reopened by the next chunk decode, since the store lends it per decode.
/// A slide that fails to open is remembered for a while, so a broken file is not reopened on every request.
/// The store is built from one version of the slide's file; once a read finds the path naming another version
/// (replaced, rewritten, truncated, deleted), the slide is changed for good: every later read fails, since its
/// listed sizes and cached chunks belong to the version it opened.
/// </summary>
public sealed partial class MountedSlide : IImageLender
{
    private static readonly TimeSpan s_retryAfterFailure = TimeSpan.FromSeconds(30);

    private readonly SlideRegistry _registry;
    private readonly IChunkCache _cache;
    private readonly ZarrLayout _layout;
    private readonly ZarrFormat _format;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Image _image;
    private readonly SlideFileVersion _version = new();
    private readonly SlideFileReaders _readers;
    private SlideStore? _store;
    private Exception? _failure;
    private DateTimeOffset _failedAt;
    private int _borrowed;
    private long _lastUsedTicks;

    internal MountedSlide(MountedImage definition, SlideRegistry registry, IChunkCache cache, ZarrLayout layout, ZarrFormat format, ILogger logger)
    {
        Definition = definition;
        _registry = registry;
        _cache = cache;
        _layout = layout;
        _format = format;
        _logger = logger;
        _image = Image.FromRecord(definition.Record);
        _readers = new SlideFileReaders(definition.Record.Urlpath);
    }

    public MountedImage Definition { get; }

    public bool IsOpen => _image.IsOpen;

    /// <summary>Who may read the slide's file, for other users of the mount; found without opening the slide.</summary>
    public FileReaders Readers => _readers.Current;

    /// <summary>The version of the slide file the slide serves, once it has opened it (a local file); null before.</summary>
    public FileIdentity? OpenedVersion => _version.Opened;

    internal long LastUsedTicks => Interlocked.Read(ref _lastUsedTicks);

    /// <summary>The slide's zarr group, built on first use.</summary>
    /// <exception cref="IOException">the slide cannot be opened; the message says why.</exception>
    public SlideStore GetStore()
    {
        if (Volatile.Read(ref _store) is { } store)
        {
            return store;
        }

        lock (_gate)
        {
            if (_store is not null)
            {
                return _store;
            }

            ThrowIfRecentlyFailed();

            // Borrowing records its own failure; whatever building the store throws is this slide's failure too.
            var image = Borrow();
            try
            {
                _store = new SlideStore(image, new SlideStoreOptions
                {
                    Layout = _layout,
                    Format = _format,
                    Cache = _cache,
                    SlideId = Definition.Index,
                    ImageId = Definition.Record.ImageId,
                    Lender = this,
                });
                _registry.OnStoreBuilt(image);
            }
            catch (Exception e)
            {
                throw Fail("open", e);
            }
            finally
            {
                Return();
            }

            return _store;
        }
    }

    public Image Borrow()
    {
        lock (_gate)
        {
            _version.ThrowIfChanged();
            ThrowIfRecentlyFailed();
            _borrowed++;
        }

        Interlocked.Exchange(ref _lastUsedTicks, DateTimeOffset.UtcNow.UtcTicks);
        var wasOpen = _image.IsOpen;
        try
        {
            _image.Open(storageOptions: Definition.StorageOptions);
            if (!wasOpen)
            {
                LogOpened(Definition.FolderPath);
                _registry.OnOpened();
            }

            _version.Confirm(_image.OpenedFile, _image.OpenedSource, Definition.Record.Urlpath);
        }
        catch (Exception e)
        {
            // Whatever went wrong, this borrowing is over: a count left raised would keep the slide open for good.
            // Any exception a file can provoke is this slide's failure, remembered so the file is not parsed on every access.
            Return();
            if (e is SlideChangedException changed)
            {
                throw Changed(changed);
            }

            throw Fail("open", e);
        }

        return _image;
    }

    public void Return()
    {
        lock (_gate)
        {
            _borrowed--;
        }
    }

    /// <summary>Records a read failure of this slide (its chunk failed to decode) for errors.json and the log.</summary>
    public void ReportReadFailure(Exception failure)
    {
        if ((failure as SlideChangedException ?? failure.InnerException as SlideChangedException) is { } changed)
        {
            Changed(changed);
            return;
        }

        var reason = SlideFailure.Reason(failure);
        _registry.Errors.Add(new SlideError(Definition.FolderPath, Definition.Record.Urlpath, "read", reason, DateTimeOffset.UtcNow));
        LogReadFailed(Definition.FolderPath, reason);
    }

    /// <summary>Closes the slide if nobody is using it; true when it was open and is now closed.</summary>
    /// <remarks>
    /// It never waits for the slide's gate: a slide whose gate is taken is busy (being opened, borrowed), and
    /// waiting here while another slide's opening waits for this one's gate would deadlock.
    /// </remarks>
    internal bool TryCloseIdle()
    {
        if (!_gate.TryEnter())
        {
            return false;
        }

        try
        {
            if (_borrowed > 0 || !_image.IsOpen)
            {
                return false;
            }

            _image.Close();
        }
        finally
        {
            _gate.Exit();
        }

        LogClosed(Definition.FolderPath);
        return true;
    }

    /// <summary>Fails when the slide's file changed since it was opened; every read of the slide calls it first.</summary>
    /// <exception cref="MountFailureException">the slide changed (<see cref="MountFailureKind.ReadFailed"/>).</exception>
    public void ThrowIfChanged() => _version.ThrowIfChanged();

    private void ThrowIfRecentlyFailed()
    {
        if (_failure is not null && DateTimeOffset.UtcNow - _failedAt < s_retryAfterFailure)
        {
            throw MountFailureException.From(_failure);
        }
    }

    // Logged and listed once; the open image is closed as soon as no decode uses it, which releases a deleted file.
    private MountFailureException Changed(SlideChangedException changed)
    {
        if (_version.MarkChanged(changed))
        {
            _registry.Errors.Add(new SlideError(Definition.FolderPath, Definition.Record.Urlpath, "changed", changed.Message, DateTimeOffset.UtcNow));
            LogChanged(Definition.FolderPath, changed.Change);
            TryCloseIdle();
        }

        return MountFailureException.From(changed);
    }

    private MountFailureException Fail(string operation, Exception e)
    {
        lock (_gate)
        {
            _failure = e;
            _failedAt = DateTimeOffset.UtcNow;
        }

        var reason = SlideFailure.Reason(e);
        _registry.Errors.Add(new SlideError(Definition.FolderPath, Definition.Record.Urlpath, operation, reason, _failedAt));
        LogOpenFailed(Definition.FolderPath, reason);
        return MountFailureException.From(e);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Debug, Message = "Opened slide {Folder}")]
    private partial void LogOpened(string folder);

    [LoggerMessage(EventId = 201, Level = LogLevel.Debug, Message = "Closed idle slide {Folder}")]
    private partial void LogClosed(string folder);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Slide {Folder} cannot be opened: {Reason}")]
    private partial void LogOpenFailed(string folder, string reason);

    [LoggerMessage(EventId = 204, Level = LogLevel.Error, Message = "Slide {Folder} changed on disk since it was opened ({Change}); its files answer EIO until the mount restarts")]
    private partial void LogChanged(string folder, string change);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "Slide {Folder} failed to read: {Reason}")]
    private partial void LogReadFailed(string folder, string reason);
}
