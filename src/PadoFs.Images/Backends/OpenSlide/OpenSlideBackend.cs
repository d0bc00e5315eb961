using System.Buffers;
using System.Collections.Frozen;
using System.Collections.ObjectModel;
using System.Globalization;
using PadoFs.Images.Backends.Chunks;
using PadoFs.Images.Errors;
using PadoFs.Images.Pixels;
using PadoFs.Images.Tiff;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// Reads slides through the OpenSlide C library: every vendor format it knows. Pixels come out as RGB, OpenSlide's
/// premultiplied ARGB composited over the slide's background colour (see <see cref="ArgbCompositor"/>).
/// </summary>
/// <remarks>
/// OpenSlide reads are thread-safe, so reads run concurrently without a lock. A handle that hit an error stays
/// broken in OpenSlide 3.4; every later read then fails with that first error rather than returning blank pixels.
/// Disposing while reads are in flight closes the handle when the last of them returns.
/// </remarks>
public sealed class OpenSlideBackend : ISlideBackend
{
    /// <summary>The bound on the temporary ARGB buffer of one region read (see <see cref="RegionPlan"/> for the exception).</summary>
    public const int DefaultBufferBytes = 16 * 1024 * 1024;

    private static readonly Lazy<string> s_version = new(() =>
    {
        OpenSlideLibrary.EnsureLoaded();
        return OpenSlideNative.GetVersion();
    });

    private readonly OpenSlideHandle _handle;
    private readonly string _urlpath;
    private readonly int _maxBufferPixels;
    private readonly ArgbCompositor _compositor;

    private OpenSlideBackend(string urlpath, OpenSlideHandle handle, int maxBufferPixels, TiffFile? tiff)
    {
        _urlpath = urlpath;
        _handle = handle;
        _maxBufferPixels = maxBufferPixels;
        ThrowIfOpenFailed();

        Properties = ReadProperties(handle);
        ThrowIfOpenFailed();

        Levels = ReadLevels(handle, Properties);
        ThrowIfOpenFailed();

        AssociatedImageNames = new ReadOnlyCollection<string>(OpenSlideNative.GetAssociatedImageNames(handle));
        ThrowIfOpenFailed();

        _compositor = ArgbCompositor.ForBackgroundProperty(Properties.GetValueOrDefault(SlidePropertyNames.BackgroundColor));
        ChunkSources = OpenSlideTiffLevels.ChunkSources(this, tiff);
    }

    /// <summary>The version of the OpenSlide library loaded, e.g. <c>3.4.1</c>.</summary>
    /// <exception cref="DllNotFoundException">OpenSlide is not installed.</exception>
    public static string LibraryVersion => s_version.Value;

    public string Name => "openslide";

    public string Version => LibraryVersion;

    public IReadOnlyList<SlideLevel> Levels { get; }

    public IReadOnlyList<IChunkSource> ChunkSources { get; }

    public IReadOnlyDictionary<string, string> Properties { get; }

    public IReadOnlyList<string> AssociatedImageNames { get; }

    public IReadOnlyList<SlideChannel> Channels => [];

    public PixelFormat PixelFormat => PixelFormat.Rgb8;

    /// <summary>The vendor OpenSlide detects for a file (e.g. <c>aperio</c>), or null when it does not recognise the format.</summary>
    /// <exception cref="DllNotFoundException">OpenSlide is not installed.</exception>
    public static string? DetectVendor(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        OpenSlideLibrary.EnsureLoaded();
        return OpenSlideNative.DetectVendor(Path.GetFullPath(path));
    }

    /// <summary>Opens a slide file.</summary>
    /// <exception cref="SlideNotFoundException">nothing exists at <paramref name="path"/>.</exception>
    /// <exception cref="SlideFormatException">OpenSlide does not recognise the file, or failed opening it.</exception>
    /// <exception cref="DllNotFoundException">OpenSlide is not installed.</exception>
    public static OpenSlideBackend Open(string path) => Open(path, DefaultBufferBytes / sizeof(uint), tiff: null);

    /// <summary>Opens a slide file whose TIFF structure <paramref name="tiff"/> the caller has read and keeps open.</summary>
    internal static OpenSlideBackend Open(string path, TiffFile? tiff) => Open(path, DefaultBufferBytes / sizeof(uint), tiff);

    internal static OpenSlideBackend Open(string path, int maxBufferPixels, TiffFile? tiff = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBufferPixels);
        if (Directory.Exists(path))
        {
            throw new SlideFormatException(path, "it is a directory");
        }

        if (!File.Exists(path))
        {
            throw new SlideNotFoundException(path);
        }

        OpenSlideLibrary.EnsureLoaded();
        var fullPath = Path.GetFullPath(path);
        var handle = OpenSlideNative.Open(fullPath);
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw new SlideFormatException(path, NotOpenedReason(fullPath));
        }

        try
        {
            return new OpenSlideBackend(path, handle, maxBufferPixels, tiff);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public unsafe void ReadRegion(int level, long x, long y, int width, int height, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(level, Levels.Count);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        var bytes = (long)width * height * PixelFormat.BytesPerPixel;
        if (destination.Length < bytes)
        {
            throw new ArgumentException($"A {width} x {height} RGB region needs {bytes} bytes, the destination has {destination.Length}.", nameof(destination));
        }

        if (bytes == 0)
        {
            return;
        }

        var plan = new RegionPlan(x, y, width, height, Levels[level].Downsample, _maxBufferPixels);
        var rowBytes = width * PixelFormat.BytesPerPixel;
        using var lease = AcquireHandle();
        var buffer = ArrayPool<uint>.Shared.Rent(plan.MaxPiecePixels);
        try
        {
            fixed (uint* argb = buffer)
            {
                for (var index = 0; index < plan.PieceCount; index++)
                {
                    var piece = plan.Piece(index);
                    OpenSlideNative.ReadRegion(_handle, argb, piece.X, piece.Y, level, piece.Width, piece.Height);
                    ThrowIfReadFailed();
                    var pixels = buffer.AsSpan(0, piece.Width * piece.Height);
                    var target = destination[(piece.Top * rowBytes)..];
                    if (piece.Width == width)
                    {
                        _compositor.Composite(pixels, target);
                        continue;
                    }

                    var left = piece.Left * PixelFormat.BytesPerPixel;
                    for (var row = 0; row < piece.Height; row++)
                    {
                        _compositor.Composite(pixels.Slice(row * piece.Width, piece.Width), target.Slice((row * rowBytes) + left));
                    }
                }
            }
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(buffer);
        }
    }

    public (int Width, int Height) GetAssociatedImageSize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!AssociatedImageNames.Contains(name))
        {
            var known = AssociatedImageNames.Count == 0 ? "none" : string.Join(", ", AssociatedImageNames);
            throw new ArgumentException($"Slide '{_urlpath}' has no associated image '{name}' (it has: {known}).", nameof(name));
        }

        using var lease = AcquireHandle();
        OpenSlideNative.GetAssociatedImageDimensions(_handle, name, out var width, out var height);
        ThrowIfReadFailed();
        // An associated image is one chunk, and OpenSlide allocates it whole as ARGB: bounded like any chunk.
        if (width <= 0 || height <= 0 || (double)width * height * sizeof(uint) > SlideLevel.MaxChunkBytes)
        {
            throw new SlideReadException(_urlpath, string.Create(CultureInfo.InvariantCulture, $"associated image '{name}' has an unusable size {width} x {height}"));
        }

        return ((int)width, (int)height);
    }

    public unsafe PixelArray ReadAssociatedImage(string name)
    {
        var (width, height) = GetAssociatedImageSize(name);
        using var lease = AcquireHandle();
        var pixelCount = width * height;
        var image = new PixelArray(height, width, PixelFormat);
        var buffer = ArrayPool<uint>.Shared.Rent(pixelCount);
        try
        {
            fixed (uint* argb = buffer)
            {
                OpenSlideNative.ReadAssociatedImage(_handle, name, argb);
            }

            ThrowIfReadFailed();
            _compositor.Composite(buffer.AsSpan(0, pixelCount), image.Data);
        }
        finally
        {
            ArrayPool<uint>.Shared.Return(buffer);
        }

        return image;
    }

    public void Dispose() => _handle.Dispose();

    private static FrozenDictionary<string, string> ReadProperties(OpenSlideHandle handle)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in OpenSlideNative.GetPropertyNames(handle))
        {
            if (OpenSlideNative.GetPropertyValue(handle, name) is { } value)
            {
                properties[name] = value;
            }
        }

        return properties.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static ReadOnlyCollection<SlideLevel> ReadLevels(OpenSlideHandle handle, IReadOnlyDictionary<string, string> properties)
    {
        var count = OpenSlideNative.GetLevelCount(handle);
        var levels = new SlideLevel[Math.Max(count, 0)];
        for (var level = 0; level < levels.Length; level++)
        {
            OpenSlideNative.GetLevelDimensions(handle, level, out var width, out var height);
            levels[level] = new SlideLevel(
                width,
                height,
                OpenSlideNative.GetLevelDownsample(handle, level),
                TileSide(properties, level, "width"),
                TileSide(properties, level, "height"));
        }

        return new ReadOnlyCollection<SlideLevel>(levels);
    }

    private static int TileSide(IReadOnlyDictionary<string, string> properties, int level, string side) =>
        properties.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"openslide.level[{level}].tile-{side}"), out var text)
        && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : 0;

    private static string NotOpenedReason(string fullPath) =>
        OpenSlideNative.DetectVendor(fullPath) is { } vendor
            ? $"OpenSlide detects the vendor '{vendor}' but refused to open the file"
            : "not a format OpenSlide recognises";

    private HandleLease AcquireHandle()
    {
        try
        {
            return new HandleLease(_handle);
        }
        catch (ObjectDisposedException)
        {
            throw new ObjectDisposedException(nameof(OpenSlideBackend), $"The OpenSlide backend of slide '{_urlpath}' is disposed.");
        }
    }

    private void ThrowIfOpenFailed()
    {
        if (OpenSlideNative.GetError(_handle) is { } error)
        {
            throw new SlideFormatException(_urlpath, error);
        }
    }

    private void ThrowIfReadFailed()
    {
        if (OpenSlideNative.GetError(_handle) is { } error)
        {
            throw new SlideReadException(_urlpath, error);
        }
    }
}
