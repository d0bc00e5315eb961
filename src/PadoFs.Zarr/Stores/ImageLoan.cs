using PadoFs.Images;

namespace PadoFs.Zarr.Stores;

/// <summary>One borrowing of the image from an <see cref="IImageLender"/>, returned on dispose.</summary>
internal readonly ref struct ImageLoan
{
    private readonly IImageLender _lender;

    private ImageLoan(IImageLender lender)
    {
        _lender = lender;
        Image = lender.Borrow();
    }

    public Image Image { get; }

    public static ImageLoan From(IImageLender lender) => new(lender);

    public void Dispose() => _lender.Return();
}
