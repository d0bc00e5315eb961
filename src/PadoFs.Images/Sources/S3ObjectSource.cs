using System.Globalization;
using System.Net;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;

namespace PadoFs.Images.Sources;

/// <summary>
/// An S3 object (<c>s3://bucket/key</c>) read with ranged GetObject requests. Its length and ETag come from a HEAD on
/// open; every ranged read asks for that ETag (<c>If-Match</c>) and checks the one the reply carries, so a replaced
/// object fails as changed instead of mixing its bytes with the old one's.
/// </summary>
public sealed class S3ObjectSource : RemoteObjectSource
{
    private readonly IAmazonS3 _client;
    private readonly string _bucket;
    private readonly string _key;
    private readonly string _etag;

    private S3ObjectSource(IAmazonS3 client, string bucket, string key, long length, string etag, RemoteReadOptions options, ByteBlockCache? blocks)
        : base($"s3://{bucket}/{key}", length, new ByteSourceVersion($"s3://{bucket}/{key}", string.Create(CultureInfo.InvariantCulture, $"etag {etag}, {length} bytes")), options, blocks)
    {
        _client = client;
        _bucket = bucket;
        _key = key;
        _etag = etag;
    }

    /// <summary>Asks S3 for the object's length and ETag.</summary>
    /// <exception cref="FileNotFoundException">the bucket has no such object.</exception>
    /// <exception cref="UnauthorizedAccessException">S3 refuses it (403).</exception>
    /// <exception cref="IOException">S3 cannot be reached or fails.</exception>
    public static S3ObjectSource Open(Uri url, S3StorageOptions storage, RemoteReadOptions? options = null, ByteBlockCache? blocks = null)
    {
        ArgumentNullException.ThrowIfNull(url);
        ArgumentNullException.ThrowIfNull(storage);
        var (bucket, key) = Split(url);
        options ??= RemoteReadOptions.Default;
        var client = S3Clients.For(storage, options);
        var name = $"s3://{bucket}/{key}";
        GetObjectMetadataResponse head;
        try
        {
            head = client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or IOException or OperationCanceledException)
        {
            throw Translate(name, e);
        }

        if (string.IsNullOrEmpty(head.ETag))
        {
            throw new IOException($"'{name}': S3 gives the object no ETag, so a replaced object could not be told from the one opened.");
        }

        return new S3ObjectSource(client, bucket, key, head.ContentLength, head.ETag, options, blocks);
    }

    /// <summary>The bucket and key of an <c>s3://bucket/key</c> URL.</summary>
    /// <exception cref="ArgumentException">the URL is no s3:// URL or lacks the bucket or key.</exception>
    public static (string Bucket, string Key) Split(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var key = Uri.UnescapeDataString(url.AbsolutePath.TrimStart('/'));
        if (url.Scheme != "s3" || url.Host.Length == 0 || key.Length == 0)
        {
            throw new ArgumentException($"'{url}' is not an s3://bucket/key URL.", nameof(url));
        }

        return (url.Host, key);
    }

    protected override async ValueTask FetchAsync(Memory<byte> destination, long offset, bool sync, CancellationToken cancellationToken)
    {
        CountRequest();
        var request = new GetObjectRequest
        {
            BucketName = _bucket,
            Key = _key,
            ByteRange = new ByteRange(offset, offset + destination.Length - 1),
            EtagToMatch = _etag,
        };
        try
        {
            // The SDK has no blocking calls on .NET: a blocking reader waits for the request on its own thread.
            var pending = _client.GetObjectAsync(request, cancellationToken);
            using var response = sync ? pending.GetAwaiter().GetResult() : await pending.ConfigureAwait(false);
            if (response.ETag != _etag)
            {
                throw new ByteSourceChangedException(Name, $"its ETag changed from {_etag} to {response.ETag}");
            }

            var done = 0;
            while (done < destination.Length)
            {
                var read = sync
                    ? response.ResponseStream.Read(destination.Span[done..])
                    : await response.ResponseStream.ReadAsync(destination[done..], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException(string.Create(CultureInfo.InvariantCulture, $"'{Name}': the reply ended after {done} of {destination.Length} bytes."));
                }

                done += read;
            }
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw Translate(Name, e);
        }
    }

    private static Exception Translate(string name, Exception e) => e switch
    {
        AmazonS3Exception { StatusCode: HttpStatusCode.NotFound } => new FileNotFoundException($"'{name}' does not exist ({Describe(e)}).", name, e),
        AmazonS3Exception { StatusCode: HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } => new UnauthorizedAccessException($"'{name}' cannot be read: S3 refuses it ({Describe(e)}).", e),
        AmazonS3Exception { StatusCode: HttpStatusCode.PreconditionFailed } => new ByteSourceChangedException(name, "S3 reports another version (412 Precondition Failed)"),
        OperationCanceledException => new IOException($"'{name}': no answer from S3 in time.", e),
        _ => new IOException($"'{name}': {Describe(e)}.", e),
    };

    private static string Describe(Exception e) =>
        e is AmazonServiceException service && service.StatusCode != 0
            ? string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)service.StatusCode} {service.ErrorCode}")
            : e.InnerException?.Message ?? e.Message;
}
