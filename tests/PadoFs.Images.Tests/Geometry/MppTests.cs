using PadoFs.Images.Geometry;

namespace PadoFs.Images.Tests.Geometry;

[Trait("Category", "Fast")]
public class MppTests
{
    [Fact]
    public void Exact_mpps_are_equal_only_when_identical()
    {
        Assert.Equal(new Mpp(0.5, 0.5), new Mpp(0.5, 0.5));
        Assert.NotEqual(new Mpp(0.5, 0.5), new Mpp(0.5, 0.5000001));
    }

    [Fact]
    public void A_tolerance_on_either_side_makes_close_mpps_equal()
    {
        var loose = new Mpp(0.5, 0.5).WithTolerance(relativeTolerance: 0.01, absoluteTolerance: 0);
        var close = new Mpp(0.504, 0.496);

        Assert.True(loose == close);
        Assert.True(close == loose);
        Assert.False(loose == new Mpp(0.51, 0.5));
    }

    [Fact]
    public void Ordering_respects_the_tolerance()
    {
        var target = new Mpp(1.0, 1.0).WithTolerance(0, 0.05);

        Assert.True(new Mpp(0.5, 0.5) < target);
        Assert.False(new Mpp(0.97, 0.97) < target);
        Assert.True(new Mpp(0.97, 0.97) <= target);
        Assert.True(new Mpp(2, 2) > target);
    }

    [Fact]
    public void Scaling_multiplies_both_axes_by_the_downsample()
    {
        var scaled = new Mpp(0.25, 0.5).Scale(4);

        Assert.Equal(1.0, scaled.X);
        Assert.Equal(2.0, scaled.Y);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(double.NaN, 1)]
    [InlineData(1, double.PositiveInfinity)]
    public void Non_positive_or_non_finite_mpps_are_refused(double x, double y) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new Mpp(x, y));

    [Fact]
    public void Sizes_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new IntSize(0, 5));
}
