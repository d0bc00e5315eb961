using PadoFs.Images.Backends;
using PadoFs.Images.Backends.Dicom;
using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Dicom;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Images.Sources;
using PadoFs.Images.Tiff;

namespace PadoFs.Images;

/// <summary>
/// Opens a slide file with the backend its format calls for: OpenSlide for its vendor formats (recognised as
/// OpenSlide recognises them, <see cref="OpenSlideVendorTiff"/>) and for files that are no TIFF, our TIFF reader for
/// plain, OME and other TIFFs, which pado reads through tifffile; where the first refuses a file, the other is tried.
/// A TIFF reaches OpenSlide only once our reader has read its whole structure and found nothing that makes OpenSlide
/// allocate out of bounds (<see cref="OpenSlideTiffCheck"/>), since
/// OpenSlide ends the process where it fails to allocate. Failures name the file as the caller gave it and say why
/// each reader refused it. A DICOM file goes to our DICOM reader (<see cref="DicomBackend"/>), with the other
/// instances of its series in its folder; so does a folder, which is a slide only as the instances of one DICOM series.
/// </summary>
internal static class SlideOpener
{
    public static OpenedSlide Open(string urlpath, string localPath)
    {
        var status = StatusOf(urlpath, localPath);
        if (status.IsDirectory)
        {
            return OpenDicom(urlpath, localPath, status);
        }

        if (status.Identity.Size == 0)
        {
            throw new SlideFormatException(urlpath, "is an empty file (0 bytes)");
        }

        if (DicomFile.IsDicom(localPath))
        {
            return OpenDicom(urlpath, localPath, status);
        }

        TiffFile? tiff = null;
        string? notTiff = null;
        try
        {
            tiff = TiffFile.Open(localPath);
        }
        catch (TiffFormatException e) when (!e.IsTiff)
        {
            notTiff = e.Message;
        }
        catch (TiffFormatException e)
        {
            throw new SlideFormatException(urlpath, $"broken TIFF structure: {e.Message}", e);
        }
        catch (UnauthorizedAccessException e)
        {
            // Every file is opened by the TIFF reader first, so this is where one this process may not read is found.
            throw new SlideAccessDeniedException(urlpath, e);
        }

        ISlideBackend? backend = null;
        try
        {
            backend = OpenBackend(urlpath, localPath, tiff, notTiff);
            return new OpenedSlide(localPath, status.Identity, backend, tiff, [localPath]);
        }
        catch
        {
            backend?.Dispose();
            tiff?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens a remote slide with our TIFF reader, the only one that reads from a byte source: OpenSlide and our DICOM
    /// reader read local files only, so a remote slide must be TIFF-based (SVS, generic or OME TIFF).
    /// </summary>
    public static OpenedSlide OpenRemote(string urlpath, Uri url, IReadOnlyDictionary<string, string>? storageOptions)
    {
        RemoteObjectSource source;
        try
        {
            source = RemoteSources.Open(url, storageOptions);
        }
        catch (FileNotFoundException e)
        {
            throw new SlideNotFoundException(urlpath, e, RemoteReason(e));
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SlideAccessDeniedException(urlpath, e, RemoteReason(e));
        }
        catch (Exception e) when (e is IOException or ArgumentException)
        {
            throw new SlideReadException(urlpath, RemoteReason(e), e);
        }

        if (source.Length == 0)
        {
            source.Dispose();
            throw new SlideFormatException(urlpath, "is an empty object (0 bytes)");
        }

        TiffFile tiff;
        try
        {
            tiff = TiffFile.Open(source);
        }
        catch (TiffFormatException e) when (!e.IsTiff)
        {
            throw new SlideFormatException(urlpath, $"is no TIFF ({e.Message}); remote slides are read by PadoFs's TIFF reader alone, since OpenSlide reads local files only: only TIFF-based formats (SVS, generic and OME TIFF) can be remote", e);
        }
        catch (TiffFormatException e)
        {
            throw new SlideFormatException(urlpath, $"broken TIFF structure: {e.Message}", e);
        }
        catch (IOException e)
        {
            throw new SlideReadException(urlpath, RemoteReason(e), e);
        }

        try
        {
            return new OpenedSlide(tiff, OpenTiff(urlpath, tiff, "OpenSlide: not tried, it reads local files only"));
        }
        catch
        {
            tiff.Dispose();
            throw;
        }
    }

    // A source's messages start with the object's name in quotes, which the slide's own message gives already.
    private static string RemoteReason(Exception e)
    {
        var message = e.Message;
        var end = message.StartsWith('\'') ? message.IndexOf('\'', 1) : -1;
        return end > 0 ? message[(end + 1)..].TrimStart(':', ' ').TrimEnd('.') : message;
    }

    // A DICOM file (the "DICM" prefix after the preamble) is read by our DICOM reader alone: OpenSlide 3.4 does not read it.
    private static OpenedSlide OpenDicom(string urlpath, string localPath, LocalFileStatus status)
    {
        if (status.IsDirectory && !Directory.EnumerateFiles(localPath).Any(DicomFile.IsDicom))
        {
            throw new SlideFormatException(urlpath, "is a directory holding no DICOM file, not a slide file");
        }

        DicomBackend backend;
        try
        {
            backend = DicomBackend.Open(localPath);
        }
        catch (SlideFormatException e)
        {
            throw new SlideFormatException(urlpath, e.Reason, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SlideAccessDeniedException(urlpath, e);
        }
        catch (IOException e)
        {
            throw new SlideFormatException(urlpath, $"cannot read the DICOM file: {e.Message}", e);
        }

        // A folder's own version changes as instances are added, removed or replaced (mv); its files' are read for file info.
        return new OpenedSlide(localPath, status.Identity, backend, null, status.IsDirectory ? backend.InstancePaths : [localPath]);
    }

    // The identity is taken before any reader opens the file: a file replaced while it is being opened then differs
    // from it at the first read, which refuses to mix the two.
    private static LocalFileStatus StatusOf(string urlpath, string localPath)
    {
        try
        {
            return LocalFileStatus.Of(localPath);
        }
        catch (FileNotFoundException e)
        {
            throw new SlideNotFoundException(urlpath, e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new SlideAccessDeniedException(urlpath, e);
        }
    }

    // The format decides: a file that is no TIFF (MIRAX, Hamamatsu VMS, Sakura, ...) and a TIFF in one of OpenSlide's
    // vendor formats go to OpenSlide; a plain, OME or other TIFF to our reader, which reads it as tifffile does. Each
    // falls back to the other where the first refuses the file.
    private static ISlideBackend OpenBackend(string urlpath, string localPath, TiffFile? tiff, string? notTiff)
    {
        if (tiff is null)
        {
            return TryOpenSlide(localPath, tiff, out var refusal)
                ?? throw new SlideFormatException(urlpath, $"not a slide format PadoFs reads (OpenSlide: {refusal}; TIFF reader: {notTiff})");
        }

        string? vendor;
        try
        {
            vendor = OpenSlideVendorTiff.Detect(tiff);
        }
        catch (TiffFormatException e)
        {
            // A tag value the directories did not load lies outside the file.
            throw new SlideFormatException(urlpath, e.Message, e);
        }

        string refusedByOpenSlide;
        if (vendor is not null)
        {
            if (TryOpenSlide(localPath, tiff, out refusedByOpenSlide) is { } openSlide)
            {
                return openSlide;
            }

            return OpenTiff(urlpath, tiff, $"OpenSlide ({vendor}): {refusedByOpenSlide}");
        }

        try
        {
            return TiffBackend.Over(tiff);
        }
        catch (SlideFormatException e)
        {
            return TryOpenSlide(localPath, tiff, out refusedByOpenSlide)
                ?? throw new SlideFormatException(urlpath, $"{e.Reason} (OpenSlide: {refusedByOpenSlide})", e);
        }
    }

    private static TiffBackend OpenTiff(string urlpath, TiffFile tiff, string otherRefusal)
    {
        try
        {
            return TiffBackend.Over(tiff);
        }
        catch (SlideFormatException e)
        {
            throw new SlideFormatException(urlpath, $"{e.Reason} ({otherRefusal})", e);
        }
    }

    private static OpenSlideBackend? TryOpenSlide(string localPath, TiffFile? tiff, out string refusal)
    {
        if (tiff is not null && OpenSlideTiffCheck.Refusal(tiff) is { } unsafeForOpenSlide)
        {
            refusal = $"not tried, {unsafeForOpenSlide}";
            return null;
        }

        try
        {
            refusal = string.Empty;
            return OpenSlideBackend.Open(localPath, tiff);
        }
        catch (SlideFormatException e)
        {
            refusal = e.Reason;
            return null;
        }
    }
}
