using System.Diagnostics;
using System.Globalization;

namespace PadoFs.Testing;

/// <summary>
/// npm's s3rver, an S3 API server, on a loopback port with one empty bucket, storing its objects in a folder of its
/// own. It accepts the access key and secret <see cref="AccessKey"/> / <see cref="Secret"/>, and unsigned requests,
/// through which the tests seed it.
/// </summary>
public sealed class S3rverServer : LoopbackServer
{
    public const string AccessKey = "S3RVER";
    public const string Secret = "S3RVER";

    private readonly TemporaryDirectory _data = new();

    public S3rverServer(string bucket)
    {
        Bucket = bucket;
        Start();
    }

    public string Bucket { get; }

    /// <summary>Stores <paramref name="content"/> as <paramref name="key"/> in the bucket, replacing what was there.</summary>
    public void Put(string key, byte[] content)
    {
        using var client = new HttpClient();
        using var body = new ByteArrayContent(content);
        using var response = client.Send(new HttpRequestMessage(HttpMethod.Put, UrlOf($"{Bucket}/{key}")) { Content = body });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Stores the shared TIFF slides under their names.</summary>
    public void PutSharedTiffSlides()
    {
        foreach (var name in SharedSlides.TiffFiles)
        {
            Put(name, File.ReadAllBytes(SharedSlides.PathOf(name)));
        }
    }

    protected override ProcessStartInfo StartInfo()
    {
        var start = new ProcessStartInfo(Node.Executable) { WorkingDirectory = Node.OraclesFolder };
        foreach (var argument in new[]
        {
            Path.Combine(Node.OraclesFolder, "node_modules", "s3rver", "bin", "s3rver.js"),
            "--directory", _data.Path, "--address", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--silent", "--configure-bucket", Bucket,
        })
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    protected override void Dispose(bool disposing)
    {
        _data.Dispose();
        base.Dispose(disposing);
    }
}
