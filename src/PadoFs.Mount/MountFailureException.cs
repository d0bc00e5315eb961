using PadoFs.Images.Errors;
using PadoFs.Mount.Slides;

namespace PadoFs.Mount;

/// <summary>A request of the mounted tree failed for a reason the message gives; <see cref="Kind"/> says which kind.</summary>
public sealed class MountFailureException(MountFailureKind kind, string message, Exception? inner = null, bool logged = false) : IOException(message, inner)
{
    public MountFailureKind Kind { get; } = kind;

    /// <summary>True when the mount has logged this failure once already, so the adapter need not log each request it fails.</summary>
    public bool IsLogged { get; } = logged;

    /// <summary>The failure <paramref name="exception"/> stands for, with its message.</summary>
    public static MountFailureException From(Exception exception, bool logged = false)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception as MountFailureException ?? new MountFailureException(KindOf(exception), SlideFailure.Reason(exception), exception, logged);
    }

    private static MountFailureKind KindOf(Exception exception) => exception switch
    {
        SlideNotFoundException or FileNotFoundException or DirectoryNotFoundException => MountFailureKind.NotFound,
        SlideAccessDeniedException or UnauthorizedAccessException => MountFailureKind.AccessDenied,
        ObjectDisposedException => MountFailureKind.Ended,
        _ => MountFailureKind.ReadFailed,
    };
}
