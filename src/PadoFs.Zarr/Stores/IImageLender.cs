using PadoFs.Images;

namespace PadoFs.Zarr.Stores;

/// <summary>
/// Lends the open image to each chunk decode. A store outlives the opening of its image: the mount closes
/// idle slides and its lender reopens them on the next decode, while the store's geometry stays valid.
/// </summary>
public interface IImageLender
{
    /// <summary>The open image; every call is paired with one <see cref="Return"/>.</summary>
    Image Borrow();

    void Return();
}
