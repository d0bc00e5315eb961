using System.Security.Cryptography;

namespace PadoFs.Images;

/// <summary>pado's md5 checksum strings: <c>md5:&lt;file size&gt;:&lt;hex digest&gt;</c>, several joined by <c>::</c>.</summary>
public static class Md5Checksum
{
    private const string Algorithm = "md5";

    /// <summary>The checksum of the bytes of <paramref name="paths"/> one file after the other, with their summed size.</summary>
    public static string Compute(IReadOnlyList<string> paths)
    {
        // pado's checksum format is md5: it checks file integrity, not security.
#pragma warning disable CA5351
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
#pragma warning restore CA5351
        var buffer = new byte[1 << 20];
        long size = 0;
        foreach (var path in paths)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                md5.AppendData(buffer, 0, read);
                size += read;
            }
        }

        return $"{Algorithm}:{size}:{Convert.ToHexStringLower(md5.GetHashAndReset())}";
    }

    /// <summary>Compares the md5 digests of two checksum strings when both carry one.</summary>
    public static bool TryCompare(string? left, string? right, out bool same)
    {
        same = false;
        if (TryGetDigest(left, out var a) && TryGetDigest(right, out var b))
        {
            same = string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
            return true;
        }

        return false;
    }

    private static bool TryGetDigest(string? checksums, out string digest)
    {
        digest = string.Empty;
        if (string.IsNullOrEmpty(checksums))
        {
            return false;
        }

        foreach (var checksum in checksums.Split("::"))
        {
            var parts = checksum.Split(':');
            if (parts.Length == 3 && parts[0] == Algorithm)
            {
                digest = parts[2];
                return true;
            }
        }

        return false;
    }
}
