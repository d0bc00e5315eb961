using PadoFs.Mount.Tree;
using PadoFs.WinFsp.Native;

namespace PadoFs.WinFsp;

/// <summary>
/// Serves one <see cref="MountTree"/> to WinFsp's callbacks as a read-only volume: volume information, security,
/// opens, reads, file information and listings. Methods return an NTSTATUS; they take managed arguments, so they
/// run (and are tested) without WinFsp. Names arrive as WinFsp passes them: "\" for the root, "\a\b.zarr\.zattrs".
/// </summary>
internal sealed class WinFspVolume(MountTree tree, string label)
{
    /// <summary>The label Explorer shows for the volume.</summary>
    public const string DefaultLabel = "PadoFs";

    private const ulong AllocationUnit = 4096;

    private readonly ulong _rootTime = FileTime(tree.Root.Modified);

    /// <summary>The label Explorer shows, cut to the 32 characters a volume label holds.</summary>
    public string Label { get; } = label.Length > VolumeInfo.LabelCapacity ? label[..VolumeInfo.LabelCapacity] : label;

    public int GetVolumeInfo(out VolumeInfo info)
    {
        info = default;
        Label.AsSpan().CopyTo(info.VolumeLabel);
        info.VolumeLabelLength = (ushort)(Label.Length * sizeof(char));
        return NtStatus.Success;
    }

    /// <summary>
    /// The attributes of <paramref name="fileName"/> and, when <paramref name="descriptorSize"/> is given, its
    /// security descriptor: copied when it fits, otherwise its size is returned with STATUS_BUFFER_OVERFLOW.
    /// </summary>
    public int GetSecurityByName(string fileName, out uint attributes, Span<byte> descriptor, ref nuint descriptorSize, bool wantsDescriptor)
    {
        attributes = 0;
        var node = Resolve(fileName, out var status);
        if (node is null)
        {
            return status;
        }

        attributes = AttributesOf(node);
        if (!wantsDescriptor)
        {
            return NtStatus.Success;
        }

        var security = ReadOnlySecurity.Descriptor;
        var fits = descriptorSize >= (nuint)security.Length && descriptor.Length >= security.Length;
        descriptorSize = (nuint)security.Length;
        if (!fits)
        {
            return NtStatus.BufferOverflow;
        }

        security.CopyTo(descriptor);
        return NtStatus.Success;
    }

    /// <summary>Opens <paramref name="fileName"/>; a folder opened as a file or a file opened as a folder is refused as Windows expects.</summary>
    public int Open(string fileName, uint createOptions, out OpenedNode? opened, out FspFileInfo info)
    {
        opened = null;
        info = default;
        var node = Resolve(fileName, out var status);
        if (node is null)
        {
            return status;
        }

        if (node is MountDirectory && (createOptions & FileAttributeBits.NonDirectoryFileOption) != 0)
        {
            return NtStatus.FileIsADirectory;
        }

        if (node is MountFile && (createOptions & FileAttributeBits.DirectoryFileOption) != 0)
        {
            return NtStatus.NotADirectory;
        }

        opened = new OpenedNode(node, ReferenceEquals(node, tree.Root), node is LiveFile live ? live.Snapshot() : null);
        info = InfoOf(opened);
        return NtStatus.Success;
    }

    public int GetFileInfo(OpenedNode opened, out FspFileInfo info)
    {
        info = InfoOf(opened);
        return NtStatus.Success;
    }

    /// <summary>Reads at <paramref name="offset"/>; at or past the end of the file STATUS_END_OF_FILE, as Windows expects.</summary>
    public static int Read(OpenedNode opened, long offset, Span<byte> buffer, out int transferred)
    {
        transferred = 0;
        if (opened.Node is not MountFile file)
        {
            return NtStatus.FileIsADirectory;
        }

        var length = opened.LiveDocument?.Length ?? file.Length;
        if (offset < 0 || offset >= length)
        {
            return NtStatus.EndOfFile;
        }

        if (opened.LiveDocument is { } document)
        {
            transferred = (int)Math.Min(buffer.Length, length - offset);
            document.AsSpan((int)offset, transferred).CopyTo(buffer);
            return NtStatus.Success;
        }

        transferred = file.Read(offset, buffer);
        return NtStatus.Success;
    }

    /// <summary>
    /// Lists the entries after <paramref name="marker"/> (the last name WinFsp received, null for the first call)
    /// into <paramref name="buffer"/>; "." and ".." come first in every folder but the root.
    /// </summary>
    public int ReadDirectory(OpenedNode opened, string? marker, Span<byte> buffer, out int transferred)
    {
        transferred = 0;
        if (opened.Node is not MountDirectory directory)
        {
            return NtStatus.NotADirectory;
        }

        var children = opened.Listing ??= directory.Children;
        var dots = opened.IsRoot ? 0 : 2;
        var next = marker is null ? 0 : IndexAfter(marker, children, dots);
        var listing = new DirectoryBuffer(buffer);
        var directoryInfo = InfoOf(directory);
        for (var i = next; i < dots + children.Count; i++)
        {
            var added = i < dots
                ? listing.TryAdd(i == 0 ? "." : "..", directoryInfo)
                : listing.TryAdd(children[i - dots].Name, InfoOf(children[i - dots]));
            if (!added)
            {
                transferred = listing.Written;
                return NtStatus.Success;
            }
        }

        listing.TryEnd();
        transferred = listing.Written;
        return NtStatus.Success;
    }

    private static int IndexAfter(string marker, IReadOnlyList<MountNode> children, int dots)
    {
        if (dots > 0 && marker == ".")
        {
            return 1;
        }

        if (dots > 0 && marker == "..")
        {
            return 2;
        }

        for (var i = 0; i < children.Count; i++)
        {
            if (string.Equals(children[i].Name, marker, StringComparison.Ordinal))
            {
                return dots + i + 1;
            }
        }

        // A marker that is no longer listed ends the listing rather than starting it over.
        return dots + children.Count;
    }

    private MountNode? Resolve(string fileName, out int status)
    {
        MountNode node = tree.Root;
        var parts = fileName.Split('\\', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < parts.Length; i++)
        {
            if (node is not MountDirectory directory)
            {
                status = NtStatus.ObjectPathNotFound;
                return null;
            }

            var child = directory.Find(parts[i]) ?? FindIgnoringCase(directory, parts[i]);
            if (child is null)
            {
                status = i == parts.Length - 1 ? NtStatus.ObjectNameNotFound : NtStatus.ObjectPathNotFound;
                return null;
            }

            node = child;
        }

        status = NtStatus.Success;
        return node;
    }

    // Windows names are case-insensitive; the names are checked for clashes before mounting, so one matches at most.
    private static MountNode? FindIgnoringCase(MountDirectory directory, string name)
    {
        foreach (var child in directory.Children)
        {
            if (string.Equals(child.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return child;
            }
        }

        return null;
    }

    private static uint AttributesOf(MountNode node) =>
        FileAttributeBits.ReadOnly | (node is MountDirectory ? FileAttributeBits.Directory : 0);

    private FspFileInfo InfoOf(OpenedNode opened) =>
        opened.LiveDocument is { } document ? InfoOf(opened.Node, (ulong)document.Length) : InfoOf(opened.Node);

    private FspFileInfo InfoOf(MountNode node) => InfoOf(node, node is MountFile file ? (ulong)file.Length : 0);

    private FspFileInfo InfoOf(MountNode node, ulong size)
    {
        var time = ReferenceEquals(node, tree.Root) ? _rootTime : FileTime(node.Modified);
        return new FspFileInfo
        {
            FileAttributes = AttributesOf(node),
            FileSize = size,
            AllocationSize = (size + AllocationUnit - 1) / AllocationUnit * AllocationUnit,
            CreationTime = time,
            LastAccessTime = time,
            LastWriteTime = time,
            ChangeTime = time,
        };
    }

    private static ulong FileTime(DateTimeOffset time) => (ulong)time.ToFileTime();
}
