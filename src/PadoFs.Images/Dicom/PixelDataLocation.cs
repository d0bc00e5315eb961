namespace PadoFs.Images.Dicom;

/// <summary>What the reader finds of the pixel data element: where its fragments (or its native bytes) lie, and the Basic Offset Table.</summary>
internal sealed class PixelDataLocation
{
    public bool Found { get; set; }

    public bool Encapsulated { get; set; }

    /// <summary>Native pixel data: its length in bytes (its offset is the one entry of <see cref="Offsets"/>).</summary>
    public long NativeLength { get; set; }

    public uint[] BasicOffsets { get; set; } = [];

    /// <summary>Where each fragment's bytes start in the file.</summary>
    public List<long> Offsets { get; } = [];

    public List<int> Lengths { get; } = [];

    /// <summary>Where each fragment's item tag lies, counted from the first fragment's item, as offset tables count.</summary>
    public List<long> ItemStarts { get; } = [];
}
