package dev.backprop.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link TopKOrder} lists tied values as PyTorch 1.13's CPU {@code topk} does: 300 rows of small integers (many ties),
 * through both the partial-sort path ({@code k * 64 <= n}) and the select-and-sort one, against the indices that
 * {@code TopKOrderTest.py} (beside this file) printed with PyTorch.
 */
class TopKOrderTest {
    @Test
    void tiesComeOutInPyTorchsOrder() throws IOException {
        List<String> lines = lines();
        assertThat(lines).hasSize(300);
        int partialSorts = 0;
        for (String line : lines) {
            String[] parts = line.split(" \\| ");
            double[] values = Arrays.stream(parts[0].split(" ")).mapToDouble(Double::parseDouble).toArray();
            int k = Integer.parseInt(parts[1]);
            int[] expected = Arrays.stream(parts[2].split(" ")).mapToInt(Integer::parseInt).toArray();
            assertThat(TopKOrder.largest(values, k)).as(line).containsExactly(expected);
            if (k * 64 <= values.length) partialSorts++;
        }
        assertThat(partialSorts).isGreaterThan(30);
    }

    @Test
    void nanCountsAsTheLargest() {
        assertThat(TopKOrder.largest(new double[] {1, Double.NaN, 3, 2}, 2)).containsExactly(1, 2);
    }

    private static List<String> lines() throws IOException {
        try (InputStream in = Objects.requireNonNull(TopKOrderTest.class.getResourceAsStream("TopKOrderTest.txt"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
