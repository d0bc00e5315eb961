namespace PadoFs.Images.Files;

/// <summary>The part of a pado dataset that <see cref="Image.Via"/> needs: the filesystem the dataset is stored on.</summary>
public interface IImageDataset
{
    IImageFileSystem FileSystem { get; }
}
