package dev.backprop.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.backprop.engine.train.LogisticRegressionTraining;
import dev.backprop.engine.train.TrainingMetrics;
import dev.backprop.engine.train.TrainingResult;
import dev.backprop.engine.train.TrainingSpec;
import java.awt.geom.Rectangle2D;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;

/** The seed job's figure at iteration 540: the boundary drawn where the final weights put it. */
class TrainingPlotTest {

    @Test
    void theBoundaryAtIteration540LiesWhereTheFinalWeightsPutIt() throws Exception {
        LogisticRegressionTraining training = new LogisticRegressionTraining(TrainingSpec.seedJob());
        List<TrainingMetrics> logged = new ArrayList<>();
        TrainingResult result = training.run(logged::add, () -> false);
        TrainingMetrics last = logged.getLast();
        assertThat(last.iteration()).isEqualTo(540);
        assertThat(last.weights()).containsExactly(result.weights());

        ChartRenderingInfo info = new ChartRenderingInfo();
        String svg = TrainingPlot.svg(training.data().rows(), training.data().labels(), last, info);
        DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        xml.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes()));
        assertThat(svg).contains("Iteration: 540", "w0:-1.48 w1:-1.70 b: 2.22 accuracy:99.50%", "Loss=0.0447");

        Matcher line = Pattern.compile("<line x1='([-0-9.]+)' y1='([-0-9.]+)' x2='([-0-9.]+)' y2='([-0-9.]+)'[^>]*"
                + "stroke:rgb\\(31,119,180\\)").matcher(svg);
        assertThat(line.find()).as("the boundary line in the SVG").isTrue();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        double w0 = result.weights()[0], w1 = result.weights()[1], b = result.bias();
        double[][] ends = {{Double.parseDouble(line.group(1)), Double.parseDouble(line.group(2))},
                           {Double.parseDouble(line.group(3)), Double.parseDouble(line.group(4))}};
        for (double[] end : ends) {
            double x = -5 + (end[0] - area.getX()) / area.getWidth() * 12;
            double y = 7 - (end[1] - area.getY()) / area.getHeight() * 14;
            assertThat(y).as("boundary at x=%s", x).isCloseTo((-w0 * x - b) / w1, within(0.05));
        }
        // drawn for x in [-6, 6] as the seed's arange(-6, 6) and clipped at the axis' left end, x = -5
        assertThat(Math.min(ends[0][0], ends[1][0])).isCloseTo(area.getX(), within(1.0));
        assertThat(-5 + (Math.max(ends[0][0], ends[1][0]) - area.getX()) / area.getWidth() * 12).isCloseTo(6, within(0.05));
    }

    @Test
    void pngIsAPicture() {
        LogisticRegressionTraining training = new LogisticRegressionTraining(TrainingSpec.seedJob());
        List<TrainingMetrics> logged = new ArrayList<>();
        training.run(logged::add, () -> false);
        byte[] png = TrainingPlot.png(training.data().rows(), training.data().labels(), logged.getFirst());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }
}
