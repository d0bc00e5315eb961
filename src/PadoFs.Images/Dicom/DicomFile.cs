using System.Text;

namespace PadoFs.Images.Dicom;

/// <summary>
/// One DICOM Part 10 file as read by <see cref="DicomFileReader"/>: its file meta information, its dataset up to the
/// pixel data, and where each frame's pixel data lies. Pixel data itself is not read.
/// </summary>
public sealed class DicomFile
{
    internal DicomFile(string path, DicomDataset meta, DicomDataset dataset, DicomFrameTable? frames, bool encapsulated)
    {
        Path = path;
        Meta = meta;
        Dataset = dataset;
        Frames = frames;
        IsEncapsulated = encapsulated;
        TransferSyntaxUid = meta.GetString(DicomTags.TransferSyntaxUid) ?? string.Empty;
    }

    public string Path { get; }

    /// <summary>Group 2, always explicit VR little endian.</summary>
    public DicomDataset Meta { get; }

    public DicomDataset Dataset { get; }

    public string TransferSyntaxUid { get; }

    /// <summary>The frames of the pixel data; null when the file has no pixel data.</summary>
    public DicomFrameTable? Frames { get; }

    public bool IsEncapsulated { get; }

    /// <summary>True when the file starts with the 128-byte preamble and the "DICM" prefix.</summary>
    public static bool HasPrefix(ReadOnlySpan<byte> firstBytes) =>
        firstBytes.Length >= 132 && firstBytes.Slice(128, 4).SequenceEqual("DICM"u8);

    /// <summary>True when the file at <paramref name="path"/> starts with the DICOM prefix; false also when it cannot be read.</summary>
    public static bool IsDicom(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            Span<byte> head = stackalloc byte[132];
            return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && HasPrefix(head);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public override string ToString() => new StringBuilder(Path).Append(" (").Append(TransferSyntaxUid).Append(')').ToString();
}
