"""Which BLAS this process multiplies with, for the scripts' output. Debian's python3-torch and numpy link whatever
libblas.so.3 the alternatives system selects; the reference BLAS (libblas3) is ~30x slower than OpenBLAS
(libopenblas0-pthread) on a 1000x1000 product, so a figure means nothing without it."""
import ctypes


def blas_in_use():
    """The BLAS libraries mapped into this process, and OpenBLAS's build and thread count when it is one of them."""
    with open("/proc/self/maps") as maps:
        paths = sorted({line.split()[-1] for line in maps if "blas" in line.rsplit("/", 1)[-1]})
    found = {"blas_libraries": paths}
    openblas = next((p for p in paths if "openblas" in p), None)
    if openblas:
        lib = ctypes.CDLL(openblas)
        lib.openblas_get_config.restype = ctypes.c_char_p
        found.update(openblas=lib.openblas_get_config().decode(), openblas_threads=lib.openblas_get_num_threads())
    return found
