using System.Xml;

namespace PadoFs.Http;

/// <summary>
/// What a WebDAV PROPFIND asks for (RFC 4918 §9.1): every property (no body, or <c>allprop</c>), their names only
/// (<c>propname</c>), or the listed ones (<c>prop</c>).
/// </summary>
internal sealed class PropfindRequest
{
    public const string Method = "PROPFIND";

    public const string DavNamespace = "DAV:";

    /// <summary>The largest body any request may have: a PROPFIND body is a few hundred bytes.</summary>
    public const long MaxBodyBytes = 64 * 1024;

    private PropfindRequest(bool namesOnly, IReadOnlyList<XmlQualifiedName>? wanted)
    {
        NamesOnly = namesOnly;
        Wanted = wanted;
    }

    public bool NamesOnly { get; }

    /// <summary>The properties asked for by name, or null for all of them.</summary>
    public IReadOnlyList<XmlQualifiedName>? Wanted { get; }

    /// <summary>Reads a PROPFIND body; null when it is not a well-formed propfind element.</summary>
    public static async Task<PropfindRequest?> ReadAsync(Stream body, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (buffer.Length == 0)
        {
            return new PropfindRequest(false, null);
        }

        buffer.Position = 0;
        var document = new XmlDocument { XmlResolver = null };
        try
        {
            using var reader = XmlReader.Create(buffer, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            document.Load(reader);
        }
        catch (XmlException)
        {
            return null;
        }

        var root = document.DocumentElement;
        if (root is null || root.LocalName != "propfind" || root.NamespaceURI != DavNamespace)
        {
            return null;
        }

        foreach (var child in root.ChildNodes.OfType<XmlElement>())
        {
            if (child.NamespaceURI != DavNamespace)
            {
                continue;
            }

            switch (child.LocalName)
            {
                case "allprop":
                    return new PropfindRequest(false, null);
                case "propname":
                    return new PropfindRequest(true, null);
                case "prop":
                    return new PropfindRequest(false, [.. child.ChildNodes.OfType<XmlElement>().Select(p => new XmlQualifiedName(p.LocalName, p.NamespaceURI))]);
            }
        }

        return null;
    }
}
