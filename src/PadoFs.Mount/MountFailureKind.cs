namespace PadoFs.Mount;

/// <summary>Why a request of the mounted tree failed, for the OS adapter to answer with its own error code.</summary>
public enum MountFailureKind
{
    /// <summary>What was asked for does not exist (a slide whose file is missing).</summary>
    NotFound,

    /// <summary>The daemon may not read the slide's file, or search a folder on its path.</summary>
    AccessDenied,

    /// <summary>The slide could not be opened, read or decoded, or its file changed since it was opened.</summary>
    ReadFailed,

    /// <summary>The mount is shutting down: what served the request is gone.</summary>
    Ended,
}
