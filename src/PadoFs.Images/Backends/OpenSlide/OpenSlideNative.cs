using System.Runtime.InteropServices;

namespace PadoFs.Images.Backends.OpenSlide;

/// <summary>
/// The C API of OpenSlide 3.4 (<c>src/openslide.h</c>), as declared there. Strings OpenSlide returns are borrowed
/// (owned by the library or the handle) and are copied here, never freed; callers must have called
/// <see cref="OpenSlideLibrary.EnsureLoaded"/> first.
/// </summary>
internal static unsafe partial class OpenSlideNative
{
    /// <summary>The vendor of a file OpenSlide recognises, or null; cheaper than opening it.</summary>
    public static string? DetectVendor(string filename) => CopyString(openslide_detect_vendor(filename));

    /// <summary>An invalid handle when OpenSlide does not recognise the file; otherwise a handle that may be in error state.</summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial OpenSlideHandle Open(string filename);

    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_close")]
    public static partial void Close(nint osr);

    /// <summary>The first error that happened on the handle, or null; once set it never clears.</summary>
    public static string? GetError(OpenSlideHandle osr) => CopyString(openslide_get_error(osr));

    /// <summary>-1 after an error.</summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_get_level_count")]
    public static partial int GetLevelCount(OpenSlideHandle osr);

    /// <summary>-1 x -1 after an error.</summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_get_level_dimensions")]
    public static partial void GetLevelDimensions(OpenSlideHandle osr, int level, out long w, out long h);

    /// <summary>-1 after an error.</summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_get_level_downsample")]
    public static partial double GetLevelDownsample(OpenSlideHandle osr, int level);

    public static string[] GetPropertyNames(OpenSlideHandle osr) => CopyStringArray(openslide_get_property_names(osr));

    public static string? GetPropertyValue(OpenSlideHandle osr, string name) =>
        CopyString(openslide_get_property_value(osr, name));

    public static string[] GetAssociatedImageNames(OpenSlideHandle osr) =>
        CopyStringArray(openslide_get_associated_image_names(osr));

    /// <summary>-1 x -1 for an unknown name or after an error.</summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_get_associated_image_dimensions", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void GetAssociatedImageDimensions(OpenSlideHandle osr, string name, out long w, out long h);

    /// <summary>Writes w x h premultiplied ARGB pixels (native-endian words) to <paramref name="dest"/>, or zeros after an error.</summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_read_associated_image", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ReadAssociatedImage(OpenSlideHandle osr, string name, uint* dest);

    /// <summary>
    /// Writes w x h premultiplied ARGB pixels (native-endian words) of <paramref name="level"/> whose top-left corner is
    /// (<paramref name="x"/>, <paramref name="y"/>) in level-0 pixels to <paramref name="dest"/>, or zeros after an error.
    /// </summary>
    [LibraryImport(OpenSlideLibrary.Name, EntryPoint = "openslide_read_region")]
    public static partial void ReadRegion(OpenSlideHandle osr, uint* dest, long x, long y, int level, long w, long h);

    public static string GetVersion() => CopyString(openslide_get_version()) ?? "unknown";

    private static string? CopyString(byte* value) => value is null ? null : Marshal.PtrToStringUTF8((nint)value);

    private static string[] CopyStringArray(byte** list)
    {
        if (list is null)
        {
            return [];
        }

        var count = 0;
        while (list[count] is not null)
        {
            count++;
        }

        var strings = new string[count];
        for (var i = 0; i < count; i++)
        {
            strings[i] = Marshal.PtrToStringUTF8((nint)list[i])!;
        }

        return strings;
    }

    [LibraryImport(OpenSlideLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    private static partial byte* openslide_detect_vendor(string filename);

    [LibraryImport(OpenSlideLibrary.Name)]
    private static partial byte* openslide_get_error(OpenSlideHandle osr);

    [LibraryImport(OpenSlideLibrary.Name)]
    private static partial byte** openslide_get_property_names(OpenSlideHandle osr);

    [LibraryImport(OpenSlideLibrary.Name, StringMarshalling = StringMarshalling.Utf8)]
    private static partial byte* openslide_get_property_value(OpenSlideHandle osr, string name);

    [LibraryImport(OpenSlideLibrary.Name)]
    private static partial byte** openslide_get_associated_image_names(OpenSlideHandle osr);

    [LibraryImport(OpenSlideLibrary.Name)]
    private static partial byte* openslide_get_version();
}
