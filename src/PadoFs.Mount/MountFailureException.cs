using PadoFs.Images.Errors;
using PadoFs.Mount.Slides;

namespace PadoFs.Mount;

/// <summary>
/// A request of the mounted tree failed for a reason the message gives; <see cref="Kind"/> says which kind. The
/// slide it concerns has reported the failure already (a log line, an entry in errors.json) when it happened, so an
/// adapter answers the request without logging it again.
/// </summary>
public sealed class MountFailureException(MountFailureKind kind, string message, Exception? inner = null) : IOException(message, inner)
{
    public MountFailureKind Kind { get; } = kind;

    /// <summary>The failure <paramref name="exception"/> stands for, with its message.</summary>
    public static MountFailureException From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as MountFailureException ?? new MountFailureException(KindOf(exception), SlideFailure.Reason(exception), exception);
    }

    private static MountFailureKind KindOf(Exception exception) => exception switch
    {
        SlideNotFoundException or FileNotFoundException or DirectoryNotFoundException => MountFailureKind.NotFound,
        SlideAccessDeniedException or UnauthorizedAccessException => MountFailureKind.AccessDenied,
        ObjectDisposedException => MountFailureKind.Ended,
        _ => MountFailureKind.ReadFailed,
    };
}
