using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using PadoFs.Mount.Tree;

namespace PadoFs.Http;

/// <summary>
/// GET and HEAD of one file: its exact length, a single byte range, conditional requests on its entity tag, and the
/// bytes read from the tree as the client takes them. A live file is rendered once and that rendering is served.
/// </summary>
internal sealed class FileResponder(EntityTags tags)
{
    // Large enough for a whole chunk of most slides in one read, small enough to rent from the shared pool.
    private const int CopyBlock = 1024 * 1024;

    /// <summary>Cached for an hour, then checked against the entity tag: a slide file can change between two runs.</summary>
    private const string ImmutableCaching = "public, max-age=3600";

    public EntityTags Tags => tags;

    public async Task ServeAsync(HttpContext context, MountFile file, string path, bool head)
    {
        var request = context.Request;
        var response = context.Response;
        var snapshot = file is LiveFile live ? live.Snapshot() : null;
        var length = snapshot?.Length ?? file.Length;
        var tag = tags.Of(file, path);
        var modified = EntityTags.LastModified(file).ToString("R", CultureInfo.InvariantCulture);
        var headers = response.Headers;
        headers.AcceptRanges = "bytes";
        headers.LastModified = modified;
        headers.CacheControl = snapshot is null ? ImmutableCaching : "no-store";
        if (tag is not null)
        {
            headers.ETag = tag;
            if (Matches(request.Headers.IfNoneMatch, tag))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                return;
            }
        }

        var range = new ByteRange(0, length - 1);
        var answer = RangeStillApplies(request.Headers.IfRange, tag, modified)
            ? ByteRange.Parse(request.Headers.Range, length, out range)
            : RangeAnswer.Whole;

        if (answer == RangeAnswer.Unsatisfiable)
        {
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes */{length}");
            await NodeFailure.AnswerAsync(context, StatusCodes.Status416RangeNotSatisfiable, $"the file has {length} bytes").ConfigureAwait(false);
            return;
        }

        if (answer == RangeAnswer.Part)
        {
            response.StatusCode = StatusCodes.Status206PartialContent;
            headers.ContentRange = string.Create(CultureInfo.InvariantCulture, $"bytes {range.First}-{range.Last}/{length}");
        }

        response.ContentType = ContentTypes.Of(file.Name);
        response.ContentLength = Math.Max(0, range.Length);
        if (head || range.Length <= 0)
        {
            return;
        }

        if (snapshot is not null)
        {
            await response.Body.WriteAsync(snapshot.AsMemory((int)range.First, (int)range.Length), context.RequestAborted).ConfigureAwait(false);
            return;
        }

        await CopyAsync(file, range, response, context.RequestAborted).ConfigureAwait(false);
    }

    // The first block is read before anything is sent, so that a slide that cannot be read answers an error status.
    private static async Task CopyAsync(MountFile file, ByteRange range, HttpResponse response, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(CopyBlock, range.Length));
        try
        {
            var offset = range.First;
            var end = range.Last + 1;
            while (offset < end)
            {
                var wanted = (int)Math.Min(buffer.Length, end - offset);
                var read = await file.ReadAsync(offset, buffer.AsMemory(0, wanted), cancellationToken).ConfigureAwait(false);
                if (read <= 0)
                {
                    throw new IOException($"the file ended at byte {offset} of {file.Length}");
                }

                await response.Body.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                offset += read;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, string tag)
    {
        foreach (var value in ifNoneMatch)
        {
            if (value is null)
            {
                continue;
            }

            foreach (var candidate in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // If-None-Match compares weakly: W/"x" matches "x".
                if (candidate == "*" || candidate == tag || (candidate.StartsWith("W/", StringComparison.Ordinal) && candidate[2..] == tag))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // If-Range: the range is served only while the file is the one the client has part of (strong tag, or the date).
    private static bool RangeStillApplies(Microsoft.Extensions.Primitives.StringValues ifRange, string? tag, string modified)
    {
        if (Microsoft.Extensions.Primitives.StringValues.IsNullOrEmpty(ifRange))
        {
            return true;
        }

        var value = ifRange.ToString().Trim();
        return (tag is not null && value == tag) || value == modified;
    }
}
