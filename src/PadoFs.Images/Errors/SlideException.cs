namespace PadoFs.Images.Errors;

/// <summary>A slide could not be opened or read. The message always names the file and the reason.</summary>
public abstract class SlideException : Exception
{
    protected SlideException(string urlpath, string reason, string action, Exception? inner)
        : base($"{action} slide '{urlpath}': {reason}", inner)
    {
        Urlpath = urlpath;
        Reason = reason;
    }

    /// <summary>The slide's path or URL as the caller gave it.</summary>
    public string Urlpath { get; }

    /// <summary>Why it failed, without the file name.</summary>
    public string Reason { get; }
}
