using PadoFs.Images.Backends;
using PadoFs.Images.Backends.OpenSlide;
using PadoFs.Images.Backends.Tiff;
using PadoFs.Images.Errors;
using PadoFs.Images.Files;
using PadoFs.Images.Tiff;

namespace PadoFs.Images;

/// <summary>
/// Opens a slide file with the backend that reads it: OpenSlide for every format it knows, else our TIFF
/// reader for a TIFF that OpenSlide cannot open. A TIFF reaches OpenSlide only once our reader has read its whole
/// structure and found nothing that makes OpenSlide allocate out of bounds (<see cref="OpenSlideTiffCheck"/>), since
/// OpenSlide ends the process where it fails to allocate. Failures name the file as the caller gave it and say why
/// each reader refused it.
/// </summary>
internal static class SlideOpener
{
    public static OpenedSlide Open(string urlpath, string localPath)
    {
        var status = StatusOf(urlpath, localPath);
        if (status.IsDirectory)
        {
            throw new SlideFormatException(urlpath, "is a directory, not a slide file");
        }

        if (status.Identity.Size == 0)
        {
            throw new SlideFormatException(urlpath, "is an empty file (0 bytes)");
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
            return new OpenedSlide(localPath, status.Identity, backend, tiff);
        }
        catch
        {
            backend?.Dispose();
            tiff?.Dispose();
            throw;
        }
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

    private static ISlideBackend OpenBackend(string urlpath, string localPath, TiffFile? tiff, string? notTiff)
    {
        string refusedByOpenSlide;
        if (tiff is not null && OpenSlideTiffCheck.Refusal(tiff) is { } unsafeForOpenSlide)
        {
            refusedByOpenSlide = $"not tried, {unsafeForOpenSlide}";
        }
        else
        {
            try
            {
                return OpenSlideBackend.Open(localPath, tiff);
            }
            catch (SlideFormatException e)
            {
                refusedByOpenSlide = e.Reason;
            }
        }

        if (tiff is null)
        {
            throw new SlideFormatException(urlpath, $"not a slide format PadoFs reads (OpenSlide: {refusedByOpenSlide}; TIFF reader: {notTiff})");
        }

        try
        {
            return TiffBackend.Over(tiff);
        }
        catch (SlideFormatException e)
        {
            throw new SlideFormatException(urlpath, $"{e.Reason} (OpenSlide: {refusedByOpenSlide})", e);
        }
    }
}
