using System.Buffers.Binary;
using System.Runtime.InteropServices;
using PadoFs.WinFsp.Native;

namespace PadoFs.WinFsp.Tests;

/// <summary>Where the DLL is looked for, and the one security descriptor the volume hands out.</summary>
[Trait("Category", "Fast")]
public sealed class WinFspLibraryPathTests
{
    [Theory]
    [InlineData(Architecture.X64, "winfsp-x64.dll")]
    [InlineData(Architecture.Arm64, "winfsp-a64.dll")]
    [InlineData(Architecture.X86, "winfsp-x86.dll")]
    public void The_dll_for_the_process_architecture_is_in_the_install_folders_bin(Architecture architecture, string file)
    {
        var path = WinFspLibraryPath.In("/install/WinFsp", architecture);

        Assert.Equal(file, Path.GetFileName(path));
        Assert.Equal("bin", Path.GetFileName(Path.GetDirectoryName(path)));
        Assert.Equal("/install/WinFsp", Path.GetDirectoryName(Path.GetDirectoryName(path)));
    }

    [Fact]
    public void The_missing_winfsp_message_names_the_registry_key_and_where_to_get_it()
    {
        Assert.Contains(@"HKLM\SOFTWARE\WOW6432Node\WinFsp", WinFspLibraryPath.NotInstalled, StringComparison.Ordinal);
        Assert.Contains("winfsp.dev", WinFspLibraryPath.NotInstalled, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', WinFspLibraryPath.NotInstalled);
    }

    [Fact]
    public void The_security_descriptor_is_self_relative_owned_by_administrators_and_grants_nothing_but_reading()
    {
        var descriptor = ReadOnlySecurity.Descriptor;
        var control = BinaryPrimitives.ReadUInt16LittleEndian(descriptor[2..]);
        Assert.Equal(1, descriptor[0]);
        Assert.Equal(0x8000 | 0x1000 | 0x0004, control);

        var owner = (int)BinaryPrimitives.ReadUInt32LittleEndian(descriptor[4..]);
        Assert.Equal("S-1-5-32-544", Sid(descriptor[owner..]));

        var dacl = descriptor[(int)BinaryPrimitives.ReadUInt32LittleEndian(descriptor[16..])..];
        Assert.Equal(dacl.Length, BinaryPrimitives.ReadUInt16LittleEndian(dacl[2..]));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(dacl[4..]));
        var ace = dacl[8..];
        const uint writeBits = 0x2 | 0x4 | 0x10 | 0x100 | 0x10000 | 0x40000 | 0x80000; // data, append, EA, attributes, delete, DACL, owner
        Assert.Equal(0, ace[0]);
        Assert.Equal(0u, BinaryPrimitives.ReadUInt32LittleEndian(ace[4..]) & writeBits);
        Assert.Equal("S-1-1-0", Sid(ace[8..]));
    }

    private static string Sid(ReadOnlySpan<byte> sid)
    {
        var authority = 0L;
        for (var i = 2; i < 8; i++)
        {
            authority = (authority << 8) | sid[i];
        }

        var parts = new List<string> { "S", sid[0].ToString(System.Globalization.CultureInfo.InvariantCulture), authority.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        for (var i = 0; i < sid[1]; i++)
        {
            parts.Add(BinaryPrimitives.ReadUInt32LittleEndian(sid[(8 + (4 * i))..]).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return string.Join('-', parts);
    }
}
