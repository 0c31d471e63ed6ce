package dev.backprop.engine.optim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** repr(float) as Python 3 prints it. */
class PythonFloatTest {
    @ParameterizedTest
    @CsvSource({
        "-0.1, -0.1", "0.01, 0.01", "-1.0, -1.0", "1e-5, 1e-05", "0.0001, 0.0001", "-2.5e-8, -2.5e-08",
        "1e16, 1e+16", "1e15, 1000000000000000.0", "123456789012345680.0, 1.2345678901234568e+17", "1e22, 1e+22",
        "0.30000000000000004, 0.30000000000000004", "1.5, 1.5", "12345.678, 12345.678", "0.0, 0.0", "-0.0, -0.0",
        "1e-300, 1e-300", "NaN, nan", "-Infinity, -inf"
    })
    void matchesPythonsRepr(double value, String python) {
        assertThat(PythonFloat.repr(value)).isEqualTo(python);
    }
}
