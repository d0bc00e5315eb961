using PadoFs.Fuse.Native;
using PadoFs.Mount;

namespace PadoFs.Fuse;

/// <summary>The errno a failure of the tree is answered with.</summary>
internal static class FailureErrno
{
    public static int Of(Exception exception) => exception switch
    {
        MountFailureException failure => failure.Kind switch
        {
            MountFailureKind.NotFound => Errno.ENOENT,
            MountFailureKind.AccessDenied => Errno.EACCES,
            MountFailureKind.Ended => Errno.ENOTCONN,
            _ => Errno.EIO,
        },
        FileNotFoundException or DirectoryNotFoundException => Errno.ENOENT,
        UnauthorizedAccessException => Errno.EACCES,
        ObjectDisposedException => Errno.ENOTCONN,
        _ => Errno.EIO,
    };
}
