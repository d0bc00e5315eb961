namespace PadoFs.Images.Dicom;

/// <summary>A data element's tag, (group, element), held as one number in the order DICOM sorts tags.</summary>
public readonly record struct DicomTag(uint Value)
{
    public DicomTag(ushort group, ushort element)
        : this(((uint)group << 16) | element)
    {
    }

    public ushort Group => (ushort)(Value >> 16);

    public ushort Element => (ushort)Value;

    public override string ToString() => $"({Group:X4},{Element:X4})";
}
