using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using PadoFs.Mount.Tree;

namespace PadoFs.Http;

/// <summary>
/// GET of a folder: a small HTML page of links, for a person in a browser and for fsspec, which lists an HTTP folder
/// by the links of its page; JSON (<c>{"path", "entries": [{"name", "type", "size"}]}</c>) to <c>Accept: application/json</c>.
/// </summary>
internal static class FolderIndex
{
    public static async Task ServeAsync(HttpContext context, MountDirectory directory, string path, bool head)
    {
        var children = directory.Children;
        var href = NodePaths.FolderHref(path);
        var json = context.Request.Headers.Accept.ToString().Contains(ContentTypes.Json, StringComparison.OrdinalIgnoreCase);
        var body = json ? Json(children, href) : Html(children, href);
        var response = context.Response;
        response.ContentType = json ? ContentTypes.Json : "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.Vary = "Accept";
        response.ContentLength = body.Length;
        if (!head)
        {
            await response.Body.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static byte[] Html(IReadOnlyList<MountNode> children, string href)
    {
        var title = WebUtility.HtmlEncode(Uri.UnescapeDataString(href));
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title></head>\n<body><h1>")
            .Append(title).Append("</h1>\n<ul>\n");
        foreach (var child in children)
        {
            var isFolder = child is MountDirectory;
            var link = WebUtility.HtmlEncode(NodePaths.Child(href, child.Name, isFolder));
            page.Append("<li><a href=\"").Append(link).Append("\">").Append(WebUtility.HtmlEncode(child.Name)).Append(isFolder ? "/" : string.Empty).Append("</a>");
            if (child is MountFile { IsLive: false } file)
            {
                page.Append(' ').Append(file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(" bytes");
            }

            page.Append("</li>\n");
        }

        page.Append("</ul></body></html>\n");
        return Encoding.UTF8.GetBytes(page.ToString());
    }

    private static byte[] Json(IReadOnlyList<MountNode> children, string href)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("path", Uri.UnescapeDataString(href));
            writer.WriteStartArray("entries");
            foreach (var child in children)
            {
                writer.WriteStartObject();
                writer.WriteString("name", child.Name);
                writer.WriteString("type", child is MountDirectory ? "folder" : "file");
                if (child is MountFile { IsLive: false } file)
                {
                    writer.WriteNumber("size", file.Length);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }
}
