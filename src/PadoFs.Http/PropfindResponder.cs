using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using PadoFs.Mount.Tree;

namespace PadoFs.Http;

/// <summary>
/// WebDAV PROPFIND, class 1, read only: a 207 multistatus of the node and, at depth 1, its entries, with the live
/// properties a read-only tree has (resourcetype, getcontentlength, getlastmodified, getetag, getcontenttype,
/// displayname). Depth infinity is refused (403 propfind-finite-depth), as RFC 4918 allows: a mount of thousands of
/// slides would open every one.
/// </summary>
internal static class PropfindResponder
{
    private static readonly string[] s_properties = ["resourcetype", "getcontentlength", "getlastmodified", "getetag", "getcontenttype", "displayname"];

    public static async Task AnswerAsync(HttpContext context, string path, MountNode? node, EntityTags tags)
    {
        var request = context.Request;
        var depth = request.Headers["Depth"].ToString().Trim();
        if (depth is not ("0" or "1"))
        {
            await WriteAsync(context, StatusCodes.Status403Forbidden, writer =>
            {
                writer.WriteStartElement("D", "error", PropfindRequest.DavNamespace);
                writer.WriteElementString("D", "propfind-finite-depth", PropfindRequest.DavNamespace, string.Empty);
                writer.WriteEndElement();
            }).ConfigureAwait(false);
            return;
        }

        var propfind = await PropfindRequest.ReadAsync(request.Body, context.RequestAborted).ConfigureAwait(false);
        if (propfind is null)
        {
            await NodeFailure.AnswerAsync(context, StatusCodes.Status400BadRequest, "the body is not a WebDAV propfind element").ConfigureAwait(false);
            return;
        }

        if (node is null)
        {
            await NodeFailure.AnswerAsync(context, StatusCodes.Status404NotFound, "no such file or folder").ConfigureAwait(false);
            return;
        }

        var children = depth == "1" && node is MountDirectory directory ? directory.Children : [];
        var href = node is MountDirectory ? NodePaths.FolderHref(path) : NodePaths.Encode(path);
        var decodedFolder = path.EndsWith('/') ? path : path + "/";
        await WriteAsync(context, StatusCodes.Status207MultiStatus, writer =>
        {
            writer.WriteStartElement("D", "multistatus", PropfindRequest.DavNamespace);
            WriteResponse(writer, node, href, path, propfind, tags);
            foreach (var child in children)
            {
                WriteResponse(writer, child, NodePaths.Child(href, child.Name, child is MountDirectory), decodedFolder + child.Name, propfind, tags);
            }

            writer.WriteEndElement();
        }).ConfigureAwait(false);
    }

    private static void WriteResponse(XmlWriter writer, MountNode node, string href, string path, PropfindRequest propfind, EntityTags tags)
    {
        writer.WriteStartElement("D", "response", PropfindRequest.DavNamespace);
        writer.WriteElementString("D", "href", PropfindRequest.DavNamespace, href);
        var missing = new List<XmlQualifiedName>();
        writer.WriteStartElement("D", "propstat", PropfindRequest.DavNamespace);
        writer.WriteStartElement("D", "prop", PropfindRequest.DavNamespace);
        if (propfind.Wanted is { } wanted)
        {
            foreach (var name in wanted)
            {
                if (name.Namespace != PropfindRequest.DavNamespace || !WriteProperty(writer, node, path, name.Name, tags, valueToo: true))
                {
                    missing.Add(name);
                }
            }
        }
        else
        {
            foreach (var name in s_properties)
            {
                WriteProperty(writer, node, path, name, tags, valueToo: !propfind.NamesOnly);
            }
        }

        writer.WriteEndElement();
        writer.WriteElementString("D", "status", PropfindRequest.DavNamespace, "HTTP/1.1 200 OK");
        writer.WriteEndElement();
        if (missing.Count > 0)
        {
            writer.WriteStartElement("D", "propstat", PropfindRequest.DavNamespace);
            writer.WriteStartElement("D", "prop", PropfindRequest.DavNamespace);
            foreach (var name in missing)
            {
                writer.WriteStartElement(name.Namespace == PropfindRequest.DavNamespace ? "D" : null, name.Name, name.Namespace);
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteElementString("D", "status", PropfindRequest.DavNamespace, "HTTP/1.1 404 Not Found");
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    // Writes the property if the node has it; false when it has not.
    private static bool WriteProperty(XmlWriter writer, MountNode node, string path, string name, EntityTags tags, bool valueToo)
    {
        var file = node as MountFile;
        string? value;
        switch (name)
        {
            case "resourcetype":
                writer.WriteStartElement("D", name, PropfindRequest.DavNamespace);
                if (valueToo && node is MountDirectory)
                {
                    writer.WriteElementString("D", "collection", PropfindRequest.DavNamespace, string.Empty);
                }

                writer.WriteEndElement();
                return true;
            case "getcontentlength":
                value = file?.Length.ToString(CultureInfo.InvariantCulture);
                break;
            case "getlastmodified":
                value = EntityTags.LastModified(node).ToString("R", CultureInfo.InvariantCulture);
                break;
            case "getetag":
                value = tags.Of(node, path);
                break;
            case "getcontenttype":
                value = file is null ? null : ContentTypes.Of(file.Name);
                break;
            case "displayname":
                value = node.Name;
                break;
            default:
                return false;
        }

        if (value is null)
        {
            return false;
        }

        writer.WriteElementString("D", name, PropfindRequest.DavNamespace, valueToo ? value : string.Empty);
        return true;
    }

    private static async Task WriteAsync(HttpContext context, int status, Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = false }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }

        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = "application/xml; charset=utf-8";
        response.ContentLength = stream.Length;
        await response.Body.WriteAsync(stream.GetBuffer().AsMemory(0, (int)stream.Length), context.RequestAborted).ConfigureAwait(false);
    }
}
