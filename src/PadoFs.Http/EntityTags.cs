using System.Globalization;
using PadoFs.Mount.Configuration;
using PadoFs.Mount.Tree;
using PadoFs.Zarr;

namespace PadoFs.Http;

/// <summary>
/// Entity tags and modification times of the tree's files. A slide's file is the same bytes for as long as the slide
/// file is the same version (device, inode, size and modification time) and the tree has the same layout and zarr
/// format, so its tag hashes exactly those and its path: stable across restarts, new when the slide file or the
/// layout changes. Files that belong to no opened slide version are tagged with the session's start.
/// </summary>
internal sealed class EntityTags(MountConfig config)
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    private readonly ulong _variant = Mix(Mix(FnvOffset, ZarrLayoutNames.Name(config.Layout)), config.Format.Version);

    /// <summary>The strong entity tag of <paramref name="node"/> at <paramref name="path"/>; null for live files and folders.</summary>
    public string? Of(MountNode node, string path)
    {
        if (node is not MountFile { IsLive: false } file)
        {
            return null;
        }

        var content = _variant;
        if (node.SourceVersion is { } version)
        {
            content = Mix(Mix(Mix(Mix(content, (long)version.Device), (long)version.Inode), version.Size), version.ModifiedNanoseconds);
        }
        else
        {
            content = Mix(content, node.Modified.UtcTicks);
        }

        content = Mix(content, file.Length);
        var where = Mix(FnvOffset, path);
        return string.Create(CultureInfo.InvariantCulture, $"\"{content:x16}-{where:x16}\"");
    }

    /// <summary>When the node's content last changed: the slide file's modification time where it is known.</summary>
    public static DateTimeOffset LastModified(MountNode node) =>
        node.SourceVersion is { } version
            ? DateTimeOffset.UnixEpoch.AddTicks(version.ModifiedNanoseconds / 100)
            : node.Modified;

    private static ulong Mix(ulong hash, string text)
    {
        foreach (var character in text)
        {
            hash = (hash ^ character) * FnvPrime;
        }

        return hash;
    }

    private static ulong Mix(ulong hash, long value)
    {
        for (var shift = 0; shift < 64; shift += 8)
        {
            hash = (hash ^ (byte)(value >> shift)) * FnvPrime;
        }

        return hash;
    }
}
