using PadoFs.Images.Records;
using PadoFs.Mount.Configuration;

namespace PadoFs.Mount.Tests.Configuration;

/// <summary>Given images placed one after another, each clash with an image placed before is named, whichever comes first.</summary>
[Trait("Category", "Fast")]
public sealed class FolderPlacementTests
{
    [Fact]
    public void A_slide_folder_listed_after_an_image_inside_it_clashes_as_when_listed_before()
    {
        var parentFirst = new FolderPlacement();
        var childFirst = new FolderPlacement();

        Assert.Null(parentFirst.Place(Image(0, "slide.svs.zarr")));
        var fromChild = parentFirst.Place(Image(1, "slide.svs.zarr", "inner.zarr"));
        Assert.Null(childFirst.Place(Image(1, "slide.svs.zarr", "inner.zarr")));
        var fromParent = childFirst.Place(Image(0, "slide.svs.zarr"));

        Assert.Equal("images[1] would appear inside images[0]'s slide folder 'slide.svs.zarr'", fromChild);
        Assert.Equal(fromChild, fromParent);
    }

    [Fact]
    public void An_image_that_clashes_is_not_placed_so_the_next_one_may_take_its_folder_only_if_free()
    {
        var placement = new FolderPlacement();

        Assert.Null(placement.Place(Image(0, "a", "one.zarr")));
        Assert.Equal("images[0] and images[1] both appear as 'a/one.zarr'", placement.Place(Image(1, "a", "one.zarr")));
        Assert.Equal("images[2]: '.padofs' is reserved for the mount's own files", placement.Place(Image(2, ".padofs", "x.zarr")));
        Assert.Null(placement.Place(Image(3, "a", "two.zarr")));
    }

    private static MountedImage Image(int index, params string[] folders) =>
        new(index, new ImageRecord { Urlpath = "/slides/" + folders[^1] }, folders);
}
