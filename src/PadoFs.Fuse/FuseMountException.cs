namespace PadoFs.Fuse;

/// <summary>libfuse could not set up, mount or start serving a mount.</summary>
public sealed class FuseMountException : IOException
{
    public FuseMountException(string message)
        : base(message)
    {
    }
}
