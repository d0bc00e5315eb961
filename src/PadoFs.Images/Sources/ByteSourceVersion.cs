namespace PadoFs.Images.Sources;

/// <summary>
/// Which object a source reads (<paramref name="Identity"/>: a path or URL) and which version of it
/// (<paramref name="Tag"/>: a local file's device, inode, size and modification time; a remote object's ETag or
/// Last-Modified with its length).
/// </summary>
public readonly record struct ByteSourceVersion(string Identity, string Tag)
{
    /// <summary>A 64-bit fingerprint of identity and version (FNV-1a), for keys of decoded chunks.</summary>
    public long Fingerprint
    {
        get
        {
            var hash = 14695981039346656037UL;
            foreach (var character in Identity)
            {
                hash = (hash ^ character) * 1099511628211UL;
            }

            hash = (hash ^ '\n') * 1099511628211UL;
            foreach (var character in Tag)
            {
                hash = (hash ^ character) * 1099511628211UL;
            }

            return (long)hash;
        }
    }

    public override string ToString() => $"{Identity} ({Tag})";
}
