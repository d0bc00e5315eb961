namespace PadoFs.Images.Errors;

/// <summary>
/// The slide's file is no longer the version that was opened (replaced, rewritten, truncated or deleted): bytes read
/// from it now could belong to another version, so nothing more is read from it.
/// </summary>
public sealed class SlideChangedException(string urlpath, string change)
    : SlideException(urlpath, $"the file changed since it was opened ({change})", "Cannot read", null)
{
    /// <summary>What changed, in a few words.</summary>
    public string Change { get; } = change;
}
