using PadoFs.Fuse.Native;

namespace PadoFs.Fuse.Tests;

/// <summary>
/// Where the adapter looks for libfuse3 and what it says when there is none, for both platforms. On Linux the macOS
/// candidates are real paths that do not exist here, so loading them fails exactly as on a Mac without macFUSE.
/// </summary>
[Trait("Category", "Fast")]
public sealed class LibFuseResolutionTests
{
    [Fact]
    public void On_macOS_macFUSEs_install_path_comes_first_then_the_bare_name_then_the_unversioned_file()
    {
        Assert.Equal(
            ["/usr/local/lib/libfuse3.4.dylib", "libfuse3.4.dylib", "/usr/local/lib/libfuse3.dylib"],
            LibFuse.Candidates(macFuse: true));
    }

    [Fact]
    public void On_Linux_the_soname_of_libfuse_3_is_the_only_candidate()
    {
        Assert.Equal(["libfuse3.so.3"], LibFuse.Candidates(macFuse: false));
    }

    [Fact]
    public void Given_no_macFUSE_when_loading_then_one_line_says_to_install_it_from_its_site()
    {
        var error = Assert.Throws<DllNotFoundException>(() => LibFuse.Load(macFuse: true));

        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains("Install macFUSE from macfuse.github.io", error.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/local/lib/libfuse3.4.dylib", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void On_this_Linux_machine_the_platform_is_not_macFUSE_and_libfuse_3_loads()
    {
        Assert.False(FusePlatform.IsMacFuse);
        Assert.NotEqual(0, LibFuse.Load(macFuse: false));
    }

    [Fact]
    public void The_Linux_message_names_the_Debian_packages()
    {
        Assert.Contains("apt-get install fuse3 libfuse3-3", LibFuse.MissingMessage(macFuse: false), StringComparison.Ordinal);
    }
}
