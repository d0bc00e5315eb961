namespace PadoFs.Fuse.Tests;

[Trait("Category", "Fast")]
public sealed class MountTableTests
{
    [Fact]
    public void A_mountinfo_line_gives_the_unescaped_mount_point_the_device_and_the_type()
    {
        var entry = MountTable.Parse(@"812 29 0:97 / /tmp/a\040b\011c\134d rw,nosuid,nodev,relatime shared:412 master:1 - fuse.padofs padofs ro,user_id=0,group_id=0");

        Assert.NotNull(entry);
        Assert.Equal("/tmp/a b\tc\\d", entry.MountPoint);
        Assert.Equal("812", entry.Id);
        Assert.Equal("0:97", entry.Device);
        Assert.Equal("fuse.padofs", entry.FileSystemType);
    }

    [Fact]
    public void A_line_without_the_separator_is_skipped()
    {
        Assert.Null(MountTable.Parse("812 29 0:97 / /tmp/x rw"));
    }

    [Fact]
    public void The_root_of_this_process_is_in_the_table()
    {
        var root = MountTable.At("/");

        Assert.NotEmpty(root);
        Assert.Matches(@"^\d+:\d+$", root[^1].Device);
    }
}
