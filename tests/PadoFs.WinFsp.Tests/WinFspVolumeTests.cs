using PadoFs.Mount.Tree;
using PadoFs.WinFsp.Native;
using PadoFs.WinFsp.Tests.Support;

namespace PadoFs.WinFsp.Tests;

/// <summary>The volume's callbacks, called as WinFsp's dispatcher calls them, over a tree of real slides.</summary>
[Trait("Category", "Fast")]
public sealed class WinFspVolumeTests
{
    private const string Slide = "small.svs";

    [Fact]
    public async Task Every_file_of_a_slide_reads_in_pieces_to_its_exact_size_then_end_of_file()
    {
        await using var volume = SlideVolume.Of(Slide);
        var files = 0;
        foreach (var (path, file) in FilesUnder(volume.Session.Tree.Root, string.Empty))
        {
            Assert.Equal(NtStatus.Success, volume.Volume.Open(path, FileAttributeBits.NonDirectoryFileOption, out var opened, out var info));
            Assert.Equal((ulong)file.Length, info.FileSize);
            Assert.Equal(FileAttributeBits.ReadOnly, info.FileAttributes);

            using var read = new MemoryStream();
            var piece = new byte[7919];
            long offset = 0;
            int status;
            while ((status = WinFspVolume.Read(opened!, offset, piece, out var count)) == NtStatus.Success)
            {
                Assert.True(count > 0, $"{path}: an empty read at {offset} of {file.Length}");
                read.Write(piece, 0, count);
                offset += count;
            }

            Assert.Equal(NtStatus.EndOfFile, status);
            var whole = new byte[file.Length];
            Assert.Equal(whole.Length, file.Read(0, whole));
            Assert.Equal(whole, read.ToArray());
            files++;
        }

        Assert.True(files > 3, $"only {files} files in the slide's tree");
    }

    [Fact]
    public async Task A_live_status_file_serves_each_open_the_document_it_was_sized_by_whatever_is_counted_later()
    {
        await using var volume = SlideVolume.Of(Slide);
        const string path = "\\.padofs\\stats.json";
        Assert.Equal(NtStatus.Success, volume.Volume.Open(path, FileAttributeBits.NonDirectoryFileOption, out var first, out var firstInfo));

        // More digits: the document of a later open is longer.
        volume.Session.Statistics.CountRead(1_234_567_890);
        Assert.Equal(NtStatus.Success, volume.Volume.Open(path, FileAttributeBits.NonDirectoryFileOption, out var second, out var secondInfo));
        Assert.True(secondInfo.FileSize > firstInfo.FileSize, $"{secondInfo.FileSize} bytes after counting, {firstInfo.FileSize} before");

        var firstDocument = ReadToEnd(first!);
        Assert.Equal(firstInfo.FileSize, (ulong)firstDocument.Length);
        Assert.Equal(NtStatus.Success, volume.Volume.GetFileInfo(first!, out var firstAgain));
        Assert.Equal(firstInfo.FileSize, firstAgain.FileSize);
        using (System.Text.Json.JsonDocument.Parse(firstDocument))
        {
        }

        var secondDocument = ReadToEnd(second!);
        Assert.Equal(secondInfo.FileSize, (ulong)secondDocument.Length);
        Assert.Contains("1234567890", System.Text.Encoding.UTF8.GetString(secondDocument), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Listings_read_with_small_buffers_resume_after_each_marker_and_end_once()
    {
        await using var volume = SlideVolume.Of(Slide);
        MountDirectory slideFolder = Assert.Single(volume.Session.Tree.Root.Children.OfType<SlideFolder>());
        var path = "\\" + slideFolder.Name;
        Assert.Equal(NtStatus.Success, volume.Volume.Open(path, FileAttributeBits.DirectoryFileOption, out var opened, out _));

        var names = new List<string>();
        string? marker = null;
        var buffer = new byte[300];
        var calls = 0;
        while (true)
        {
            Assert.Equal(NtStatus.Success, volume.Volume.ReadDirectory(opened!, marker, buffer, out var transferred));
            var (entries, ended) = DirectoryEntries.Parse(buffer.AsSpan(0, transferred));
            names.AddRange(entries.Select(entry => entry.Name));
            calls++;
            if (ended)
            {
                break;
            }

            Assert.NotEmpty(entries);
            marker = entries[^1].Name;
        }

        string[] expected = [".", "..", .. slideFolder.Children.Select(child => child.Name)];
        Assert.Equal(expected, names);
        Assert.True(calls > 1, "the small buffer held the whole listing, so no marker was used");
    }

    [Fact]
    public async Task The_root_lists_the_slide_folders_without_dot_entries_as_read_only_folders()
    {
        await using var volume = SlideVolume.Of(Slide, "boxes.tiff");
        Assert.Equal(NtStatus.Success, volume.Volume.Open("\\", 0, out var opened, out var info));
        Assert.Equal(FileAttributeBits.Directory | FileAttributeBits.ReadOnly, info.FileAttributes);

        var buffer = new byte[4096];
        Assert.Equal(NtStatus.Success, volume.Volume.ReadDirectory(opened!, null, buffer, out var transferred));
        var (entries, ended) = DirectoryEntries.Parse(buffer.AsSpan(0, transferred));

        Assert.True(ended);
        Assert.Equal(volume.Session.Tree.Root.Children.Select(child => child.Name), entries.Select(entry => entry.Name));
        Assert.All(entries, entry => Assert.Equal(FileAttributeBits.Directory | FileAttributeBits.ReadOnly, entry.Attributes));
    }

    [Fact]
    public async Task Missing_names_wrong_kinds_and_reads_past_the_end_get_the_statuses_windows_expects()
    {
        await using var volume = SlideVolume.Of(Slide);
        var slideFolder = "\\" + volume.Session.Tree.Root.Children.OfType<SlideFolder>().Single().Name;
        var (filePath, file) = FilesUnder(volume.Session.Tree.Root, string.Empty).First();

        Assert.Equal(NtStatus.ObjectNameNotFound, volume.Volume.Open("\\missing.zarr", 0, out _, out _));
        Assert.Equal(NtStatus.ObjectPathNotFound, volume.Volume.Open("\\missing.zarr\\.zattrs", 0, out _, out _));
        Assert.Equal(NtStatus.ObjectPathNotFound, volume.Volume.Open(filePath + "\\below", 0, out _, out _));
        Assert.Equal(NtStatus.FileIsADirectory, volume.Volume.Open(slideFolder, FileAttributeBits.NonDirectoryFileOption, out _, out _));
        Assert.Equal(NtStatus.NotADirectory, volume.Volume.Open(filePath, FileAttributeBits.DirectoryFileOption, out _, out _));

        Assert.Equal(NtStatus.Success, volume.Volume.Open(filePath, 0, out var opened, out _));
        var buffer = new byte[16];
        Assert.Equal(NtStatus.EndOfFile, WinFspVolume.Read(opened!, file.Length, buffer, out var none));
        Assert.Equal(0, none);
        Assert.Equal(NtStatus.Success, WinFspVolume.Read(opened!, file.Length - 3, buffer, out var tail));
        Assert.Equal(3, tail);
    }

    [Fact]
    public async Task Names_are_found_whatever_their_case_as_on_any_windows_volume()
    {
        await using var volume = SlideVolume.Of(Slide);
        var (filePath, file) = FilesUnder(volume.Session.Tree.Root, string.Empty).First();

        Assert.Equal(NtStatus.Success, volume.Volume.Open(filePath.ToUpperInvariant(), 0, out var opened, out var info));
        Assert.Same(file, opened!.Node);
        Assert.Equal((ulong)file.Length, info.FileSize);
    }

    [Fact]
    public async Task Files_and_folders_report_the_trees_times_as_filetimes()
    {
        await using var volume = SlideVolume.Of(Slide);
        var slideFolder = "\\" + volume.Session.Tree.Root.Children.OfType<SlideFolder>().Single().Name;

        Assert.Equal(NtStatus.Success, volume.Volume.Open(slideFolder, 0, out var opened, out var info));

        var node = opened!.Node;
        var expected = (ulong)(node.Modified.UtcTicks - new DateTime(1601, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks);
        Assert.Equal(expected, info.LastWriteTime);
        Assert.Equal(expected, info.CreationTime);
        Assert.Equal(NtStatus.Success, volume.Volume.GetFileInfo(opened!, out var again));
        Assert.Equal(info.LastWriteTime, again.LastWriteTime);
    }

    [Fact]
    public async Task Security_is_sized_first_when_the_buffer_is_too_small_then_copied()
    {
        await using var volume = SlideVolume.Of(Slide);
        nuint size = 4;
        var small = new byte[4];
        Assert.Equal(NtStatus.BufferOverflow, volume.Volume.GetSecurityByName("\\", out var attributes, small, ref size, wantsDescriptor: true));
        Assert.Equal(FileAttributeBits.Directory | FileAttributeBits.ReadOnly, attributes);
        Assert.Equal((nuint)ReadOnlySecurity.Descriptor.Length, size);

        var enough = new byte[(int)size];
        Assert.Equal(NtStatus.Success, volume.Volume.GetSecurityByName("\\", out _, enough, ref size, wantsDescriptor: true));
        Assert.Equal(ReadOnlySecurity.Descriptor.ToArray(), enough);
        Assert.Equal(NtStatus.ObjectNameNotFound, volume.Volume.GetSecurityByName("\\nothing", out _, enough, ref size, wantsDescriptor: true));
    }

    [Fact]
    public async Task The_volume_reports_its_label_in_utf16_bytes()
    {
        await using var volume = SlideVolume.Of(Slide);

        Assert.Equal(NtStatus.Success, volume.Volume.GetVolumeInfo(out var info));

        Assert.Equal(WinFspVolume.DefaultLabel.Length * 2, info.VolumeLabelLength);
        Assert.Equal(WinFspVolume.DefaultLabel, new string(((ReadOnlySpan<char>)info.VolumeLabel)[..WinFspVolume.DefaultLabel.Length]));
    }

    private static byte[] ReadToEnd(OpenedNode opened)
    {
        using var read = new MemoryStream();
        var piece = new byte[100];
        while (WinFspVolume.Read(opened, read.Length, piece, out var count) == NtStatus.Success)
        {
            read.Write(piece, 0, count);
        }

        return read.ToArray();
    }

    private static IEnumerable<(string Path, MountFile File)> FilesUnder(MountDirectory directory, string path)
    {
        foreach (var child in directory.Children)
        {
            var childPath = path + "\\" + child.Name;
            if (child is MountFile file)
            {
                yield return (childPath, file);
            }
            else if (child is MountDirectory folder)
            {
                foreach (var found in FilesUnder(folder, childPath))
                {
                    yield return found;
                }
            }
        }
    }
}
