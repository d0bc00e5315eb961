using System.Text;
using PadoFs.Fuse.Native;
using PadoFs.Fuse.Native.Darwin;

namespace PadoFs.Fuse.Tests;

/// <summary>What the macOS binding writes into and reads out of Darwin's structs, run in process on Linux.</summary>
[Trait("Category", "Fast")]
public sealed unsafe class DarwinRecordsTests
{
    [Fact]
    public void Given_a_file_when_written_as_a_Darwin_stat_then_the_16_bit_mode_and_all_four_times_carry_it()
    {
        var time = Timespec.From(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.Zero));
        var stat = DarwinStat.From(new NodeAttributes
        {
            Mode = FileModes.S_IFREG | 0x124,
            UserId = 501,
            GroupId = 20,
            LinkCount = 1,
            Size = 1 << 20,
            Blocks = 2048,
            BlockSize = 1 << 20,
            Time = time,
        });

        Assert.Equal((ushort)0x8124, stat.Mode);
        Assert.Equal((ushort)1, stat.LinkCount);
        Assert.Equal(501u, stat.UserId);
        Assert.Equal(1L << 20, stat.Size);
        Assert.Equal(2048L, stat.Blocks);
        Assert.Equal([time, time, time, time], new[] { stat.AccessTime, stat.ModificationTime, stat.ChangeTime, stat.BirthTime });
    }

    [Fact]
    public void Given_a_getfsstat_record_when_read_then_the_mount_point_and_type_stop_at_their_NUL()
    {
        var record = default(DarwinStatFs);
        Encoding.UTF8.GetBytes("/Volumes/slides é\0garbage", new Span<byte>(record.MountedOn, 1024));
        Encoding.UTF8.GetBytes("macfuse\0x", new Span<byte>(record.TypeName, 16));

        Assert.Equal("/Volumes/slides é", record.MountedOnText);
        Assert.Equal("macfuse", record.TypeNameText);
    }

    [Fact]
    public void Given_the_adapters_settings_when_applied_to_macFUSEs_config_then_nullpath_ok_lands_in_its_own_place()
    {
        var config = new DarwinFuseConfig { NullPathOk = 1, NoReadOnlyFlush = 7 };
        config.Apply(new FuseSettings(CacheTimeout: 86400, KernelCache: true, DirectIo: false, AutoCache: false, UseInode: false, NullPathOk: false, Interrupt: false));

        Assert.Equal(0, config.NullPathOk);
        Assert.Equal(1, config.KernelCache);
        Assert.Equal(86400, config.AttributeTimeout);
        Assert.Equal(7, config.NoReadOnlyFlush);
    }
}
