namespace PadoFs.Images.Dicom;

/// <summary>
/// One data element as read: its value bytes, or, for a sequence, its items. <see cref="Vr"/> is the value
/// representation the file wrote (explicit VR) or "SQ"/"UN" where the file left it implicit.
/// </summary>
public sealed class DicomElement(DicomTag tag, string vr, byte[] value, IReadOnlyList<DicomDataset>? items)
{
    public DicomTag Tag { get; } = tag;

    public string Vr { get; } = vr;

    public ReadOnlyMemory<byte> Value { get; } = value;

    /// <summary>The items of a sequence; null for any other element.</summary>
    public IReadOnlyList<DicomDataset>? Items { get; } = items;
}
