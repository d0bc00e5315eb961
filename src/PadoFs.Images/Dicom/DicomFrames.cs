namespace PadoFs.Images.Dicom;

/// <summary>
/// Assigns the fragments of the pixel data to frames: by the Extended Offset Table where there is one, else the
/// Basic Offset Table, else one fragment per frame (the whole-slide norm), else all fragments to a single frame.
/// Native pixel data is cut into frames of rows x columns x samples x bytes.
/// </summary>
internal static class DicomFrames
{
    public static DicomFrameTable Build(DicomDataset dataset, PixelDataLocation pixels)
    {
        var frames = dataset.GetInteger(DicomTags.NumberOfFrames) ?? 1;
        if (frames < 1)
        {
            throw new DicomFormatException($"NumberOfFrames (0028,0008) is {frames}");
        }

        return pixels.Encapsulated ? Encapsulated(dataset, pixels, frames) : Native(dataset, pixels, frames);
    }

    private static DicomFrameTable Native(DicomDataset dataset, PixelDataLocation pixels, long frames)
    {
        var rows = dataset.GetInteger(DicomTags.Rows) ?? 0;
        var columns = dataset.GetInteger(DicomTags.Columns) ?? 0;
        var samples = dataset.GetInteger(DicomTags.SamplesPerPixel) ?? 0;
        var bits = dataset.GetInteger(DicomTags.BitsAllocated) ?? 0;
        if (rows <= 0 || columns <= 0 || samples <= 0 || bits <= 0 || bits % 8 != 0)
        {
            throw new DicomFormatException($"native pixel data of {rows} x {columns} pixels, {samples} samples of {bits} bits cannot be cut into frames");
        }

        var frameBytes = rows * columns * samples * (bits / 8);
        if (frameBytes > int.MaxValue || frames * frameBytes > pixels.NativeLength)
        {
            throw new DicomFormatException($"the native pixel data holds {pixels.NativeLength} bytes, {frames} frames of {frameBytes} bytes need {frames * frameBytes}");
        }

        var offsets = new long[frames];
        var lengths = new int[frames];
        var first = new int[frames + 1];
        for (var frame = 0; frame < frames; frame++)
        {
            offsets[frame] = pixels.Offsets[0] + (frame * frameBytes);
            lengths[frame] = (int)frameBytes;
            first[frame + 1] = frame + 1;
        }

        return new DicomFrameTable(offsets, lengths, first);
    }

    private static DicomFrameTable Encapsulated(DicomDataset dataset, PixelDataLocation pixels, long frames)
    {
        var fragments = pixels.Offsets.Count;
        if (fragments == 0)
        {
            throw new DicomFormatException("the encapsulated pixel data holds no fragment");
        }

        if (frames > fragments)
        {
            throw new DicomFormatException($"{frames} frames in {fragments} fragments of pixel data: every frame needs at least one");
        }

        var extended = dataset.GetVeryLongs(DicomTags.ExtendedOffsetTable);
        long[] starts;
        string table;
        if (dataset.Contains(DicomTags.ExtendedOffsetTable))
        {
            var lengths = dataset.GetVeryLongs(DicomTags.ExtendedOffsetTableLengths);
            if (extended.Length != frames || lengths.Length != frames)
            {
                throw new DicomFormatException($"the Extended Offset Table has {extended.Length} offsets and {lengths.Length} lengths for {frames} frames");
            }

            starts = Array.ConvertAll(extended, offset => offset > long.MaxValue ? -1 : (long)offset);
            table = "Extended Offset Table (7FE0,0001)";
        }
        else if (pixels.BasicOffsets.Length > 0)
        {
            if (pixels.BasicOffsets.Length != frames)
            {
                throw new DicomFormatException($"the Basic Offset Table has {pixels.BasicOffsets.Length} offsets for {frames} frames");
            }

            starts = Array.ConvertAll(pixels.BasicOffsets, offset => (long)offset);
            table = "Basic Offset Table";
        }
        else if (frames == fragments || frames == 1)
        {
            var first = new int[frames + 1];
            for (var frame = 0; frame < frames; frame++)
            {
                first[frame + 1] = frames == 1 ? fragments : frame + 1;
            }

            return new DicomFrameTable([.. pixels.Offsets], [.. pixels.Lengths], first);
        }
        else
        {
            throw new DicomFormatException($"{fragments} fragments for {frames} frames and no offset table to say where each frame starts");
        }

        return FromStarts(pixels, starts, table);
    }

    // Every offset must name the item of a fragment, in increasing order; a frame runs to the next frame's fragment.
    private static DicomFrameTable FromStarts(PixelDataLocation pixels, long[] starts, string table)
    {
        var first = new int[starts.Length + 1];
        var fragment = 0;
        for (var frame = 0; frame < starts.Length; frame++)
        {
            var start = starts[frame];
            while (fragment < pixels.ItemStarts.Count && pixels.ItemStarts[fragment] < start)
            {
                fragment++;
            }

            if (fragment == pixels.ItemStarts.Count || pixels.ItemStarts[fragment] != start || (frame > 0 && fragment == first[frame - 1]))
            {
                throw new DicomFormatException($"the {table} gives frame {frame + 1} the offset {start}, which is not where a fragment of the pixel data starts (bad offset)");
            }

            first[frame] = fragment;
        }

        first[^1] = pixels.ItemStarts.Count;
        return new DicomFrameTable([.. pixels.Offsets], [.. pixels.Lengths], first);
    }
}
