using PadoFs.Images.Errors;

namespace PadoFs.Mount.Slides;

/// <summary>The one line that says why a slide failed, for the log and errors.json.</summary>
internal static class SlideFailure
{
    /// <summary>
    /// The message of a failure the slide's file explains (a <see cref="SlideException"/> or an I/O error) or that is
    /// refused on purpose (<see cref="NotSupportedException"/>: a layout that cannot show the image); for any other
    /// exception its type too, since that message alone ("Index was outside the bounds of the array") does not say
    /// what kind of fault it was.
    /// </summary>
    public static string Reason(Exception failure) =>
        failure is SlideException or IOException or UnauthorizedAccessException or NotSupportedException
            ? failure.Message
            : $"{failure.GetType().Name}: {failure.Message}";
}
