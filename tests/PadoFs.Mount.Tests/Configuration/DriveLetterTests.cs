using PadoFs.Mount.Configuration;

namespace PadoFs.Mount.Tests.Configuration;

/// <summary>A Windows drive letter or "*" is a mount point of its own, not a folder relative to the current one.</summary>
[Trait("Category", "Fast")]
public sealed class DriveLetterTests
{
    [Theory]
    [InlineData("Z:")]
    [InlineData("p:")]
    [InlineData("*")]
    public void Drive_letters_and_the_free_letter_star_are_drive_letters(string mountPoint) => Assert.True(DriveLetter.Is(mountPoint));

    [Theory]
    [InlineData("Z")]
    [InlineData("Z:\\")]
    [InlineData("ZZ:")]
    [InlineData("1:")]
    [InlineData("/mnt/slides")]
    [InlineData("**")]
    public void Folders_and_other_text_are_not(string mountPoint) => Assert.False(DriveLetter.Is(mountPoint));

    [Fact]
    public void Off_windows_every_mount_point_is_a_folder_resolved_against_the_config_folder()
    {
        Assert.False(OperatingSystem.IsWindows());

        Assert.Equal("/configs/Z:", DriveLetter.Resolve("Z:", "/configs"));
        Assert.Equal("/configs/mnt", DriveLetter.Resolve("mnt", "/configs"));
    }
}
