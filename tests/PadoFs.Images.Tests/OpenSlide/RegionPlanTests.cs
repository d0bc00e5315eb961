using PadoFs.Images.Backends.OpenSlide;

namespace PadoFs.Images.Tests.OpenSlide;

/// <summary>Pieces cover a region exactly once, stay within the buffer bound where they can, and keep OpenSlide's sampling phase.</summary>
[Trait("Category", "Fast")]
public sealed class RegionPlanTests
{
    [Theory]
    [InlineData(0, 0, 300, 200, 1.0, 1_000_000)]
    [InlineData(0, 0, 300, 200, 1.0, 1000)]
    [InlineData(13, 7, 301, 199, 2.0, 500)]
    [InlineData(-30, -12, 301, 199, 2.0, 500)]
    [InlineData(-29, 12, 301, 199, 2.0, 500)]
    [InlineData(29, -11, 301, 199, 2.0, 500)]
    [InlineData(5, 5, 9000, 50, 4.016129032258064, 500)]
    [InlineData(-6194, 3, 5000, 5000, 2.0005055500659967, 1000)]
    [InlineData(0, 0, 7, 3, 1.0, 1)]
    public void Pieces_cover_the_region_once(long x, long y, int width, int height, double downsample, int maxPixels)
    {
        var plan = new RegionPlan(x, y, width, height, downsample, maxPixels);
        var covered = new byte[width * height];

        for (var index = 0; index < plan.PieceCount; index++)
        {
            var piece = plan.Piece(index);
            Assert.InRange(piece.Width * piece.Height, 1, plan.MaxPiecePixels);
            for (var row = piece.Top; row < piece.Top + piece.Height; row++)
            {
                for (var column = piece.Left; column < piece.Left + piece.Width; column++)
                {
                    covered[(row * width) + column]++;
                }
            }
        }

        Assert.All(covered, count => Assert.Equal(1, count));
    }

    [Theory]
    [InlineData(0, 0, 4443, 3567, 1.0, 4096)]
    [InlineData(13, 7, 301, 199, 2.0, 500)]
    [InlineData(-30, -12, 301, 199, 2.0, 500)]
    [InlineData(0, 0, 100_000, 3, 1.0, 4096)]
    public void On_the_sampling_grid_pieces_stay_within_the_bound_and_start_where_a_single_read_samples(
        long x, long y, int width, int height, double downsample, int maxPixels)
    {
        var plan = new RegionPlan(x, y, width, height, downsample, maxPixels);

        Assert.True(plan.PieceCount > 1);
        Assert.InRange(plan.MaxPiecePixels, 1, maxPixels);
        for (var index = 0; index < plan.PieceCount; index++)
        {
            var piece = plan.Piece(index);
            Assert.Equal(x + (piece.Left * (long)downsample), piece.X);
            Assert.Equal(y + (piece.Top * (long)downsample), piece.Y);
        }
    }

    [Theory]
    [InlineData(5, 5, 9000, 5000, 4.016129032258064)]
    [InlineData(-29, -11, 9000, 5000, 2.0)]
    public void Off_the_sampling_grid_pieces_are_OpenSlides_own_cells(long x, long y, int width, int height, double downsample)
    {
        var plan = new RegionPlan(x, y, width, height, downsample, 1000);

        for (var index = 0; index < plan.PieceCount; index++)
        {
            var piece = plan.Piece(index);
            Assert.Equal(0, piece.Left % RegionPlan.CellSize);
            Assert.Equal(0, piece.Top % RegionPlan.CellSize);
            Assert.Equal(Math.Min(RegionPlan.CellSize, width - piece.Left), piece.Width);
            Assert.Equal(Math.Min(RegionPlan.CellSize, height - piece.Top), piece.Height);
        }
    }

    [Fact]
    public void Region_within_the_bound_is_one_piece_at_its_own_origin()
    {
        var plan = new RegionPlan(-7, 9, 64, 64, 4.016129032258064, 4096);

        Assert.Equal(1, plan.PieceCount);
        Assert.Equal(new RegionPiece(0, 0, 64, 64, -7, 9), plan.Piece(0));
    }
}
