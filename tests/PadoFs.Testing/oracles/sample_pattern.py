"""The deterministic pixels the corpus generators write: random samples over a dtype's whole range (integers) or
spread around 0 (floats), the same for the same seed."""
import numpy as np


def pattern(shape, dtype, seed):
    rng = np.random.default_rng(seed)
    if np.issubdtype(dtype, np.floating):
        return (rng.standard_normal(size=shape) * 1000).astype(dtype)
    info = np.iinfo(dtype)
    return rng.integers(info.min, info.max, size=shape, dtype=dtype, endpoint=True)
