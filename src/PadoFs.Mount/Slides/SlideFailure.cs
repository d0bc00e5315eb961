using PadoFs.Images.Errors;

namespace PadoFs.Mount.Slides;

/// <summary>The one line that says why a slide failed, for the log and errors.json.</summary>
internal static class SlideFailure
{
    /// <summary>
    /// The message of a failure the slide's file explains (a <see cref="SlideException"/> or an I/O error); for any
    /// other exception its type too, since that message alone ("Index was outside the bounds of the array") does not
    /// say what kind of fault it was.
    /// </summary>
    public static string Reason(Exception failure) =>
        failure is SlideException or IOException or UnauthorizedAccessException
            ? failure.Message
            : $"{failure.GetType().Name}: {failure.Message}";
}
