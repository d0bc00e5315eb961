using System.Text.Json;
using PadoFs.Images.Dicom;
using PadoFs.Images.Errors;
using PadoFs.Images.Geometry;
using PadoFs.Testing;

namespace PadoFs.Images.Tests.Dicom;

/// <summary>
/// DICOM slides written by pydicom (from the shared SVS slides) and the real boxes fixture, each opened by one of its
/// files and some by their folder, read by PadoFs, against pydicom's frames decoded with Pillow and laid on the pixel
/// matrix, and against openslide-python on the SVS.
/// </summary>
[Trait("Category", "Oracles")]
public sealed class DicomSlideOracleTests(DicomSlides dicom) : IClassFixture<DicomSlides>
{
    public static TheoryData<string> SlideNames => ["cmu", "tcga", "sparse", "concat", "boxes", "cmu-folder", "concat-folder", "boxes-folder"];

    [Theory]
    [MemberData(nameof(SlideNames))]
    public void Given_a_DICOM_slide_when_every_level_is_read_whole_then_it_equals_pydicoms_frames_on_the_pixel_matrix(string slide)
    {
        using var image = new Image(dicom.Slides[slide]).Open();
        using var scratch = new TemporaryDirectory();
        var comparison = Compare(image, dicom.Slides[slide], scratch, Enumerable.Range(0, image.LevelCount));

        Assert.Equal(image.LevelCount, comparison.GetProperty("reference_levels").GetInt32());
        foreach (var level in comparison.GetProperty("levels").EnumerateObject())
        {
            Assert.Equal(level.Value.GetProperty("reference_shape").ToString(), level.Value.GetProperty("shape").ToString());
            Assert.Equal(0, level.Value.GetProperty("differing_samples").GetInt64());
        }
    }

    [Theory]
    [MemberData(nameof(SlideNames))]
    public void Given_a_DICOM_slide_when_its_associated_images_are_read_then_they_are_pydicoms_LABEL_OVERVIEW_and_THUMBNAIL_instances(string slide)
    {
        using var image = new Image(dicom.Slides[slide]).Open();
        using var scratch = new TemporaryDirectory();
        var comparison = Compare(image, dicom.Slides[slide], scratch, []);

        Assert.Equal(
            comparison.GetProperty("reference_associated").EnumerateArray().Select(name => name.GetString()),
            image.AssociatedImageNames.Order(StringComparer.Ordinal));
        foreach (var associated in comparison.GetProperty("associated").EnumerateObject())
        {
            Assert.Equal(associated.Value.GetProperty("reference_shape").ToString(), associated.Value.GetProperty("shape").ToString());
            Assert.Equal(0, associated.Value.GetProperty("differing_samples").GetInt64());
        }

        Assert.Equal(image.AssociatedImageNames.Count, comparison.GetProperty("associated").EnumerateObject().Count());
    }

    [Theory]
    [InlineData("boxes")]
    [InlineData("boxes-folder")]
    public void Given_the_shared_boxes_pair_when_opened_then_the_THUMBNAIL_instance_is_the_thumbnail_beside_one_level_as_openslide_4_reads_it(string slide)
    {
        using var image = new Image(dicom.Slides[slide]).Open();

        Assert.Equal(1, image.LevelCount);
        Assert.Equal(["thumbnail"], image.AssociatedImageNames);
        Assert.Equal((16, 16), image.GetAssociatedImageSize("thumbnail"));
        Assert.Equal("VOLUME", image.Properties["dicom.ImageType[2]"]);
    }

    [Theory]
    [InlineData("cmu")]
    [InlineData("concat")]
    [InlineData("boxes")]
    public void Given_a_folder_of_one_series_when_opened_then_it_is_the_slide_one_of_its_files_opens(string slide)
    {
        using var byFile = new Image(dicom.Slides[slide]).Open();
        using var byFolder = new Image(dicom.Slides[slide + "-folder"]).Open();

        static string Shape(ImageLevel level) => $"{level.Grid.Width}x{level.Grid.Height} tiles {level.Grid.ChunkWidth}x{level.Grid.ChunkHeight}";
        Assert.Equal(byFile.Levels.Select(Shape), byFolder.Levels.Select(Shape));
        Assert.Equal(byFile.AssociatedImageNames, byFolder.AssociatedImageNames);
        Assert.Equal(byFile.Properties.OrderBy(p => p.Key, StringComparer.Ordinal), byFolder.Properties.OrderBy(p => p.Key, StringComparer.Ordinal));
        for (var level = 0; level < byFile.LevelCount; level++)
        {
            Assert.Equal(byFile.GetChunkSizes(level), byFolder.GetChunkSizes(level));
        }
    }

    [Fact]
    public void Given_a_folder_slide_when_its_file_info_is_loaded_then_size_and_md5_cover_its_whole_slide_instances_in_name_order()
    {
        var folder = dicom.Slides["cmu-folder"];
        // The Secondary Capture instance and the text file beside the slide are no part of it.
        string[] instances = ["label.dcm", "level0.dcm", "level1.dcm", "level2.dcm", "macro.dcm", "thumbnail.dcm"];
        var bytes = instances.SelectMany(name => File.ReadAllBytes(Path.Combine(folder, name))).ToArray();

        var info = new Image(folder, checksum: true).FileInfo;

        Assert.Equal(bytes.LongLength, info.SizeBytes);
#pragma warning disable CA5351 // pado's checksum is md5
        Assert.Equal($"md5:{bytes.LongLength}:{Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes))}", info.Md5Computed);
#pragma warning restore CA5351
    }

    [Fact]
    public void Given_an_open_folder_slide_when_a_file_is_added_to_the_folder_then_its_reads_fail_as_a_changed_slide()
    {
        using var folder = new TemporaryDirectory();
        foreach (var instance in Directory.GetFiles(dicom.Slides["boxes-folder"]))
        {
            File.Copy(instance, folder.File(Path.GetFileName(instance)));
        }

        using var image = new Image(folder.Path).Open();
        var tile = new byte[64 * 64 * 3];
        image.ReadChunk(0, 0, 0, tile);

        File.Copy(folder.File("boxes_1.dcm"), folder.File("boxes_2.dcm"));

        var error = Assert.Throws<SlideChangedException>(() => image.ReadChunk(0, 0, 0, tile));
        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Given_an_instance_of_many_fragments_when_its_structure_is_read_then_almost_none_of_its_pixel_data_is()
    {
        var path = dicom.Slides["cmu"];
        using var counted = new CountingStream(File.OpenRead(path));

        var file = DicomFileReader.Read(path, counted);

        long pixelBytes = 0;
        for (var frame = 0; frame < file.Frames!.FrameCount; frame++)
        {
            pixelBytes += file.Frames.StoredLength(frame);
        }

        Assert.True(file.Frames.FrameCount > 100);
        Assert.True(counted.BytesRead < new FileInfo(path).Length - (pixelBytes * 9 / 10), $"{counted.BytesRead} bytes read of {pixelBytes} bytes of pixel data");
    }

    [Theory]
    [MemberData(nameof(SlideNames))]
    public void Given_a_DICOM_slide_when_chunk_sizes_are_asked_then_they_are_pydicoms_frame_lengths_on_the_tile_grid(string slide)
    {
        using var image = new Image(dicom.Slides[slide]).Open();
        using var scratch = new TemporaryDirectory();
        var comparison = Compare(image, dicom.Slides[slide], scratch, Enumerable.Range(0, image.LevelCount));

        foreach (var level in comparison.GetProperty("levels").EnumerateObject())
        {
            var expected = level.Value.GetProperty("chunk_sizes").EnumerateArray().Select(row => row.EnumerateArray().Select(size => size.GetInt64()).ToArray()).ToArray();
            var sizes = image.GetChunkSizes(int.Parse(level.Name, System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(expected.Length, sizes.GetLength(0));
            for (var row = 0; row < expected.Length; row++)
            {
                Assert.Equal(expected[row], Enumerable.Range(0, sizes.GetLength(1)).Select(column => sizes[row, column]).ToArray());
            }
        }
    }

    [Theory]
    [InlineData("cmu", "cmu-1-small-region.svs", 1)]
    [InlineData("tcga", "tcga-cr-7395.svs", 2)]
    public void Given_a_DICOM_slide_converted_from_a_shared_SVS_when_its_levels_are_read_then_they_equal_openslides_pixels_of_the_SVS(string slide, string svs, int levels)
    {
        using var image = new Image(dicom.Slides[slide]).Open();
        using var scratch = new TemporaryDirectory();
        var comparison = Compare(image, dicom.Slides[slide], scratch, Enumerable.Range(0, levels), SharedSlides.PathOf(svs));

        foreach (var level in comparison.GetProperty("levels").EnumerateObject())
        {
            Assert.Equal(level.Value.GetProperty("svs_shape").ToString(), level.Value.GetProperty("shape").ToString());
            Assert.Equal(0, level.Value.GetProperty("svs_differing_samples").GetInt64());
        }
    }

    [Fact]
    public void Given_a_sparse_level_when_chunk_sizes_are_asked_then_the_tiles_no_frame_covers_store_nothing_and_read_white()
    {
        using var image = new Image(dicom.Slides["sparse"]).Open();
        var sizes = image.GetChunkSizes(0);
        var columns = sizes.GetLength(1);
        var missing = 0;
        for (var row = 0; row < sizes.GetLength(0); row++)
        {
            for (var column = 0; column < columns; column++)
            {
                // The fixture leaves out every fifth tile in row-major order, starting with the third.
                var left = ((row * columns) + column) % 5 == 2;
                Assert.Equal(left, sizes[row, column] == 0);
                missing += left ? 1 : 0;
            }
        }

        Assert.True(missing > 0);
        var tile = new byte[240 * 240 * 3];
        image.ReadChunk(0, 0, 2, tile);
        Assert.All(tile, sample => Assert.Equal(255, sample));
    }

    [Fact]
    public void Given_a_level_in_a_concatenation_of_three_instances_when_opened_from_one_of_them_then_it_is_one_level_of_all_their_frames()
    {
        using var image = new Image(dicom.Slides["concat"]).Open();

        Assert.Equal(1, image.LevelCount);
        var sizes = image.GetChunkSizes(0);
        Assert.All(sizes.Cast<long>(), size => Assert.True(size > 0));
    }

    [Fact]
    public void Given_the_converted_slide_when_its_metadata_is_read_then_mpp_objective_power_and_associated_images_come_from_the_dicom_attributes()
    {
        using var image = new Image(dicom.Slides["cmu"]).Open();
        var metadata = image.Metadata;

        Assert.Equal(["label", "macro", "thumbnail"], image.AssociatedImageNames.Order(StringComparer.Ordinal));
        Assert.Equal(0.499, metadata.MppX!.Value, 9);
        Assert.Equal(0.499, metadata.MppY!.Value, 9);
        Assert.Equal("dicom", metadata.Vendor);
        Assert.Equal("20", metadata.ObjectivePower);
    }

    [Theory]
    [InlineData("truncated")]
    [InlineData("bad-offset")]
    [InlineData("unsupported-syntax")]
    [InlineData("focal-planes")]
    [InlineData("huge-length")]
    [InlineData("two-series")]
    [InlineData("bad-member")]
    [InlineData("no-dicom")]
    public void Given_a_broken_DICOM_file_or_folder_when_opened_then_one_line_names_the_file_and_the_reason(string broken)
    {
        var (path, reason) = dicom.Broken[broken];

        var error = Assert.Throws<SlideFormatException>(() => new Image(path).Open());

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    private static JsonElement Compare(Image image, string slide, TemporaryDirectory scratch, IEnumerable<int> levels, string? svs = null)
    {
        var entries = new Dictionary<string, object>();
        foreach (var level in levels)
        {
            var (width, height) = ((int)image.Levels[level].Width, (int)image.Levels[level].Height);
            var pixels = image.GetArray(new IntPoint(0, 0), new IntSize(width, height), level);
            var file = scratch.File($"level{level}.raw");
            File.WriteAllBytes(file, pixels.Data.ToArray());
            entries[level.ToString(System.Globalization.CultureInfo.InvariantCulture)] = new { shape = new[] { height, width, 3 }, file };
        }

        var associated = new Dictionary<string, object>();
        foreach (var name in image.AssociatedImageNames)
        {
            var pixels = image.GetAssociatedImage(name);
            var file = scratch.File($"{name}.raw");
            File.WriteAllBytes(file, pixels.Data.ToArray());
            associated[name] = new { shape = new[] { pixels.Height, pixels.Width, 3 }, file };
        }

        var json = scratch.File("levels.json");
        File.WriteAllText(json, JsonSerializer.Serialize(new { levels = entries, associated }));
        string[] arguments = svs is null ? [slide, json] : [slide, json, svs];
        using var document = JsonDocument.Parse(Python.RunOracle("dicom_levels.py", arguments));
        return document.RootElement.Clone();
    }

    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => inner.Length;

        public override long Position { get => inner.Position; set => inner.Position = value; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            BytesRead += read;
            return read;
        }

        public override long Seek(long offset, SeekOrigin origin) => inner.Seek(offset, origin);

        public override void Flush() => inner.Flush();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
